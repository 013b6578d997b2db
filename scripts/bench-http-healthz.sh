#!/usr/bin/env bash
# Builds caseway-bench in release mode and serves GET /healthz with the real HTTP server, for wrk:
#   scripts/bench-http-healthz.sh [--port P] [--handler immediate|task]
#   wrk -t1 -c50 -d10s http://127.0.0.1:P/healthz
# Compare with the C baseline in the same session: /work/shared/bench/peers.sh http-baseline
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product caseway-bench >&2
exec .build/release/caseway-bench http-healthz "$@"
