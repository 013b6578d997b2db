#!/usr/bin/env bash
# The delivery benchmark (issue 5), side by side with the peers of ../shared/bench in the same run:
#   - end to end: POST /v1/cases (wrk -c64) -> route -> map (work-order-json) -> file written, fsynced,
#     renamed, folder fsynced; the sustained rate is cases delivered / time until the last one was
#     delivered                                        vs  peers.sh rabbitmq, disk
#   - the delivery loop's overhead: intake rate with 100,000 deliveries waiting for a retry in the store
#     vs the same hub on an empty store (target: within 10 %)
#
#   scripts/bench-delivery.sh              # full length (about 3 minutes)
#   QUICK=1 scripts/bench-delivery.sh      # short runs
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
kit="$repo/../shared/bench"
[ -x "$kit/peers.sh" ] || { echo "bench-delivery: the peer kit is not at $kit" >&2; exit 1; }
command -v wrk >/dev/null || { echo "bench-delivery: wrk is missing (apt-get install wrk)" >&2; exit 1; }

quick=()
duration=10s
[ "${QUICK:-0}" = "1" ] && { quick=(--quick); duration=5s; }
port="${PORT:-18381}"
work=$(mktemp -d /tmp/caseway-bench-delivery.XXXXXX)
peers_out="$work/peers.txt"
server=""
stop_hub() {
    if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; fi
}
cleanup() { stop_hub; rm -rf "$work"; }
trap cleanup EXIT

echo "# building release" >&2
swift build -c release --product caseway --static-swift-stdlib >&2
swift build -c release --product caseway-bench >&2

echo "# peers: disk rabbitmq" >&2
if ! "$kit/peers.sh" disk rabbitmq "${quick[@]}" 2>"$work/peers.log" | tee "$peers_out"; then
    tail -20 "$work/peers.log" >&2
    echo "bench-delivery: the peer benchmarks failed (another peers.sh run? set PEERS_DIR to a directory of your own)" >&2
    exit 1
fi

export CASEWAY_BENCH_KEY="bench-key-0123456789abcdef"
export CASEWAY_BENCH_BODY="$kit/reference/sample_request.json"
result() { echo "bench=caseway case=$1 value=$2 unit=$3" | tee -a "$work/caseway.txt"; }
wrk_rate() { awk '/^Requests\/sec/ { printf "%d", $2 }'; }
wrk_total() { awk '/requests in/ { print $1 }'; }
now_ms() { date +%s%3N; }

# A hub in $1 with a file connector taking every case (mapped by work-order-json) and an http connector
# to a partner that is down, which takes no new case: the one the backlog of waiting retries belongs to.
make_hub() {
    local dir=$1
    mkdir -p "$dir/Connectors" "$dir/drop"
    cp -r Mappings "$dir/Mappings"
    cat >"$dir/caseway.json5" <<JSON
{
  listen: "127.0.0.1:$port",
  data_directory: "$dir/data",
  clients: [ { name: "bench", scopes: ["submit", "admin"], key: { env: "CASEWAY_BENCH_KEY" } } ],
  limits: { connections: 20000 },
}
JSON
    cat >"$dir/Connectors/drop.json5" <<JSON
{ name: "drop", kind: "file", mapping: "work-order-json", concurrency: 64, directory: "$dir/drop" }
JSON
    cat >"$dir/Connectors/down.json5" <<JSON
{ name: "down", kind: "http", url: "http://127.0.0.1:9/work-orders", when: { field: "client", equals: "nobody" } }
JSON
}

start_hub() {
    .build/release/caseway serve --config "$1/caseway.json5" >"$1/hub.log" 2>&1 &
    server=$!
    for _ in $(seq 1 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "bench-delivery: the hub did not start; its log:" >&2
    tail -20 "$1/hub.log" >&2
    exit 1
}

# 1. End to end, on an empty store.
make_hub "$work/e2e"
start_hub "$work/e2e"
started=$(now_ms)
wrk -t1 -c64 -d"$duration" -s scripts/bench/intake.lua "http://127.0.0.1:$port" >"$work/e2e.txt" 2>"$work/e2e.err"
accepted=$(wrk_total <"$work/e2e.txt")
grep -h "non-202" "$work/e2e.err" >&2 || true
result intake_c64_with_file_delivery "$(wrk_rate <"$work/e2e.txt")" cases/s
# Wait for the last file (one per case; no temporary files left behind).
for _ in $(seq 1 1200); do
    # ls -f neither sorts nor stats: polling must not cost the hub the CPU it is measured on.
    files=$(ls -f "$work/e2e/drop" | grep -vc '^\.')
    [ "$files" -ge "$accepted" ] && break
    sleep 0.1
done
finished=$(now_ms)
files=$(find "$work/e2e/drop" -maxdepth 1 -type f ! -name '.*' | wc -l)
[ "$files" -ge "$accepted" ] || echo "bench-delivery: only $files of $accepted cases delivered within 120 s" >&2
result e2e_file_delivered "$files" cases
result e2e_file_sustained "$(awk -v n="$files" -v ms="$((finished - started))" 'BEGIN { printf "%d", n * 1000 / ms }')" cases/s
stop_hub

# 2. The delivery loop's overhead: intake on an empty store, then with 100,000 waiting retries.
make_hub "$work/empty"
start_hub "$work/empty"
wrk -t1 -c64 -d"$duration" -s scripts/bench/intake.lua "http://127.0.0.1:$port" >"$work/empty.txt" 2>/dev/null
result intake_c64_empty_store "$(wrk_rate <"$work/empty.txt")" cases/s
stop_hub
make_hub "$work/backlog"
.build/release/caseway-bench seed-waiting --data "$work/backlog/data" --connector down --count 100000 >&2
start_hub "$work/backlog"
wrk -t1 -c64 -d"$duration" -s scripts/bench/intake.lua "http://127.0.0.1:$port" >"$work/backlog.txt" 2>/dev/null
result intake_c64_100k_waiting "$(wrk_rate <"$work/backlog.txt")" cases/s
stop_hub

value() { awk -F'[ =]' -v p="$1" -v c="$2" '($1 == "peer" || $1 == "bench") && $2 == p && $4 == c { print $6; exit }' "$peers_out" "$work/caseway.txt"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
sustained=$(value caseway e2e_file_sustained)
echo "e2e_file_sustained = $sustained cases/s (target >= 10000)"
echo "ratio e2e_file_sustained / rabbitmq quorum_publish_window1000 = $(ratio "$sustained" "$(value rabbitmq quorum_publish_window1000)")"
echo "ratio intake_c64_100k_waiting / intake_c64_empty_store = $(ratio "$(value caseway intake_c64_100k_waiting)" "$(value caseway intake_c64_empty_store)") (target >= 0.90)"
