#!/usr/bin/env bash
# Installs what is missing, builds everything with warnings as errors, and runs every test.
# This is the README's test command and what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

# Zero warnings is a rule of this repository: a warning fails the build here.
swift build --build-tests -Xswiftc -warnings-as-errors
swift test --skip-build --parallel
