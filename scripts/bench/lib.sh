# Sourced by scripts/bench-delivery.sh and scripts/bench-queue.sh: the checks, a work folder removed on exit,
# the release build, the peers of ../shared/bench in the same run, a hub started and stopped by its own PID,
# and the result and ratio lines. The sourcing script sets `bench` (its name) and `port` first.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
kit="$repo/../shared/bench"
[ -x "$kit/peers.sh" ] || { echo "$bench: the peer kit is not at $kit" >&2; exit 1; }
command -v wrk >/dev/null || { echo "$bench: wrk is missing (apt-get install wrk)" >&2; exit 1; }

quick=()
[ "${QUICK:-0}" = "1" ] && quick=(--quick)
work=$(mktemp -d "/tmp/caseway-$bench.XXXXXX")
peers_out="$work/peers.txt"
server=""
stop_hub() {
    if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi
}
trap 'stop_hub; rm -rf "$work"' EXIT

export CASEWAY_BENCH_KEY="bench-key-0123456789abcdef"

build_release() {
    echo "# building release" >&2
    swift build -c release --product caseway --static-swift-stdlib >&2
    swift build -c release --product caseway-bench >&2
}

# run_peers NAME...: the kit's benchmarks, their lines kept in $peers_out.
run_peers() {
    echo "# peers: $*" >&2
    # NO_PEERS=1: Caseway's figures only, for trying a change; no ratio printed is one to claim.
    if [ "${NO_PEERS:-0}" = "1" ]; then echo "# NO_PEERS=1: peers skipped" >&2; : >"$peers_out"; return 0; fi
    if ! "$kit/peers.sh" "$@" "${quick[@]}" 2>"$work/peers.log" | tee "$peers_out"; then
        tail -20 "$work/peers.log" >&2
        echo "$bench: the peer benchmarks failed (another peers.sh run? set PEERS_DIR to a directory of your own)" >&2
        exit 1
    fi
}

# start_hub DIR: serves DIR/caseway.json5 (log in DIR/hub.log) and waits until $port accepts connections.
start_hub() {
    .build/release/caseway serve --config "$1/caseway.json5" >"$1/hub.log" 2>&1 &
    server=$!
    for _ in $(seq 1 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "$bench: the hub did not start; its log:" >&2
    tail -20 "$1/hub.log" >&2
    exit 1
}

result() { echo "bench=caseway case=$1 value=$2 unit=$3" | tee -a "$work/caseway.txt"; }
wrk_rate() { awk '/^Requests\/sec/ { printf "%d", $2 }'; }
value() { awk -F'[ =]' -v p="$1" -v c="$2" '($1 == "peer" || $1 == "bench") && $2 == p && $4 == c { print $6; exit }' "$peers_out" "$work/caseway.txt"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
