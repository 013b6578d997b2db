#!/usr/bin/env bash
# Loads GET /healthz of the real HTTP server (router included) with wrk, the way the http-baseline peer
# benchmark loads its C server, and prints wrk's report.
#
#   scripts/bench-http-healthz.sh                       # immediate handler, wrk -t1 -c50 -d10s
#   HANDLER=task scripts/bench-http-healthz.sh          # handler as a task on the global pool
#   HANDLER=loop-task scripts/bench-http-healthz.sh     # handler task on the event loop's executor
#   SERVE_ONLY=1 PORT=18280 scripts/bench-http-healthz.sh   # just serve, for a wrk run of your own
#
# Compare only with the C baseline measured in the same session:
#   /work/shared/bench/peers.sh http-baseline
# Needs caseway-bench's main.swift to dispatch `http-healthz` to runHTTPHealthzBenchmark(arguments:).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-18280}"
HANDLER="${HANDLER:-immediate}"
DURATION="${DURATION:-10s}"

swift build -c release --product caseway-bench >&2
.build/release/caseway-bench http-healthz --port "$PORT" --handler "$HANDLER" >&2 &
server=$!
trap 'kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT

for _ in $(seq 1 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
    sleep 0.1
done

if [ "${SERVE_ONLY:-0}" = "1" ]; then
    wait "$server"
else
    command -v wrk >/dev/null || { echo "bench-http-healthz: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
    wrk -t1 -c50 -d"$DURATION" "http://127.0.0.1:$PORT/healthz"
fi
