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
bench=bench-delivery
port="${PORT:-18381}"
source "$(dirname "$0")/bench/lib.sh"
duration=10s
[ "${QUICK:-0}" = "1" ] && duration=5s

build_release
run_peers disk rabbitmq

export CASEWAY_BENCH_BODY="$kit/reference/sample_request.json"
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
sync   # the seeded store's pages go to disk now, not in the first checkpoint inside the measurement
start_hub "$work/backlog"
wrk -t1 -c64 -d"$duration" -s scripts/bench/intake.lua "http://127.0.0.1:$port" >"$work/backlog.txt" 2>/dev/null
result intake_c64_100k_waiting "$(wrk_rate <"$work/backlog.txt")" cases/s
stop_hub

sustained=$(value caseway e2e_file_sustained)
echo "e2e_file_sustained = $sustained cases/s (target >= 10000)"
echo "ratio e2e_file_sustained / rabbitmq quorum_publish_window1000 = $(ratio "$sustained" "$(value rabbitmq quorum_publish_window1000)")"
echo "ratio intake_c64_100k_waiting / intake_c64_empty_store = $(ratio "$(value caseway intake_c64_100k_waiting)" "$(value caseway intake_c64_empty_store)") (target >= 0.90)"
