#!/usr/bin/env bash
# The pull-queue benchmark (issue 6), side by side with ../shared/bench/peers.sh rabbitmq in the same run:
#   - 4 pollers (wrk -t1 -c4) each receiving up to 10 messages and acknowledging them in one batch, from a
#     queue holding 200,000 ready messages       vs  RabbitMQ consume with multi-ack
#   - long-poll wake-up: a poller waiting (wait=20) receives a case this long after its 202 (p50, p99)
#
#   scripts/bench-queue.sh            # full length
#   QUICK=1 scripts/bench-queue.sh    # short runs
bench=bench-queue
port="${PORT:-18382}"
source "$(dirname "$0")/bench/lib.sh"
duration=10s; seconds=10; samples=200; messages=200000
[ "${QUICK:-0}" = "1" ] && { duration=5s; seconds=5; samples=50; messages=100000; }

build_release
run_peers rabbitmq

export CASEWAY_BENCH_QUEUE="bench-queue"

make_hub() {
    mkdir -p "$1/Connectors" "$1/Mappings"
    cat >"$1/caseway.json5" <<JSON
{
  listen: "127.0.0.1:$port",
  data_directory: "$1/data",
  clients: [ { name: "bench", scopes: ["submit", "receive"], key: { env: "CASEWAY_BENCH_KEY" }, queues: ["bench-queue"] } ],
}
JSON
    echo '{ name: "bench-queue", kind: "queue", visibility: "60s" }' >"$1/Connectors/bench-queue.json5"
}
delivered() {
    python3 - "$1/data/caseway.sqlite" <<'PY'
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM deliveries WHERE state = 'delivered'").fetchone()[0])
PY
}

# 1. Receive + batch ack with 4 pollers from a full queue.
make_hub "$work/consume"
.build/release/caseway-bench seed-waiting --data "$work/consume/data" --connector bench-queue --count "$messages" --due-in 0 >&2
# The seeded store (about 500 MB) is still dirty in the page cache: without this, the first checkpoint's
# fsync writes all of it back inside the measurement (a one-second stall that no running hub sees).
sync
start_hub "$work/consume"
wrk -t1 -c4 -d"$duration" -s scripts/bench/queue.lua "http://127.0.0.1:$port" >"$work/consume.txt" 2>"$work/consume.err"
stop_hub
grep -h "non-200" "$work/consume.err" >&2 || true
acked=$(delivered "$work/consume")
result queue_receive10_batch_ack_c4 "$((acked / seconds))" msgs/s

# 2. Long-poll wake-up after a case is accepted.
make_hub "$work/longpoll"
start_hub "$work/longpoll"
python3 scripts/bench/longpoll.py "$port" "$CASEWAY_BENCH_KEY" bench-queue "$kit/reference/sample_request.json" "$samples" \
    | tee -a "$work/caseway.txt"
stop_hub

rate=$(value caseway queue_receive10_batch_ack_c4)
echo "ratio queue_receive10_batch_ack_c4 / rabbitmq quorum_consume_multiack = $(ratio "$rate" "$(value rabbitmq quorum_consume_multiack)") (target >= 1.0)"
echo "ratio queue_receive10_batch_ack_c4 / rabbitmq classic_consume_multiack = $(ratio "$rate" "$(value rabbitmq classic_consume_multiack)")"
echo "longpoll_wakeup_p99 = $(value caseway longpoll_wakeup_p99) us (target <= 5000)"
