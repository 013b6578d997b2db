#!/usr/bin/env bash
# Installs what is missing, builds the hub and starts it on the sample configuration (caseway.json5).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift build -c release --product caseway
# The sample configuration's demo client reads its key from CASEWAY_DEMO_KEY.
export CASEWAY_DEMO_KEY="${CASEWAY_DEMO_KEY:-demo-key-change-me}"
exec .build/release/caseway serve --config caseway.json5 "$@"
