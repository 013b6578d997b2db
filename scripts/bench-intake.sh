#!/usr/bin/env bash
# The HTTP intake benchmark (issue 3), side by side with the peers of ../shared/bench in the same run:
#   - GET /healthz, wrk -t1 -c50             vs  peers.sh http-baseline (a C epoll server)
#   - POST /v1/cases, 1.5 KiB, wrk -t1 -c64  vs  peers.sh rabbitmq (durable publish with confirms)
#   - one client, one request at a time      vs  peers.sh disk (one raw fdatasync)
#   - RSS idle and with 1,000 idle keep-alive connections
#
#   scripts/bench-intake.sh                 # full length (about 6 minutes)
#   QUICK=1 scripts/bench-intake.sh         # short runs, for trying it out
# Prints result lines in the peers' style (bench=… case=… value=… unit=…) and the ratios at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
kit="$repo/../shared/bench"
[ -x "$kit/peers.sh" ] || { echo "bench-intake: the peer kit is not at $kit" >&2; exit 1; }
command -v wrk >/dev/null || { echo "bench-intake: wrk is missing (apt-get install wrk)" >&2; exit 1; }

quick=()
duration=10s
[ "${QUICK:-0}" = "1" ] && { quick=(--quick); duration=5s; }
port="${PORT:-18380}"
work=$(mktemp -d /tmp/caseway-bench-intake.XXXXXX)
peers_out="$work/peers.txt"
server=""
cleanup() {
    if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "# building release" >&2
swift build -c release --product caseway --static-swift-stdlib >&2

echo "# peers: http-baseline disk rabbitmq" >&2
if ! "$kit/peers.sh" http-baseline disk rabbitmq "${quick[@]}" 2>"$work/peers.log" | tee "$peers_out"; then
    tail -20 "$work/peers.log" >&2
    echo "bench-intake: the peer benchmarks failed (another peers.sh run? set PEERS_DIR to a directory of your own)" >&2
    exit 1
fi

# The hub on a fresh data directory, on the same filesystem as the peers' disk benchmark (/tmp).
mkdir -p "$work/hub/Connectors" "$work/hub/Mappings"
cat >"$work/hub/caseway.json5" <<JSON
{
  listen: "127.0.0.1:$port",
  data_directory: "$work/hub/data",
  clients: [ { name: "bench", scopes: ["submit"], key: { env: "CASEWAY_BENCH_KEY" } } ],
  limits: { connections: 20000 },
}
JSON
export CASEWAY_BENCH_KEY="bench-key-0123456789abcdef"
export CASEWAY_BENCH_BODY="$kit/reference/sample_request.json"
.build/release/caseway serve --config "$work/hub/caseway.json5" >"$work/hub.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
done

rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$server/status"; }
result() { echo "bench=caseway case=$1 value=$2 unit=$3" | tee -a "$work/caseway.txt"; }
wrk_rate() { awk '/^Requests\/sec/ { printf "%d", $2 }'; }
# wrk --latency prints "50%  1.23ms"; convert to microseconds.
wrk_percentile() {
    awk -v p="$1%" '$1 == p { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
        f = (u == "us") ? 1 : (u == "ms") ? 1000 : (u == "s") ? 1000000 : 0; printf "%d", v * f }'
}

sleep 1
result rss_idle "$(rss_kb)" kB

wrk -t1 -c50 -d"$duration" "http://127.0.0.1:$port/healthz" >"$work/healthz.txt"
result healthz_c50 "$(wrk_rate <"$work/healthz.txt")" req/s

wrk -t1 -c64 -d"$duration" --latency -s scripts/bench/intake.lua "http://127.0.0.1:$port" >"$work/intake64.txt" 2>"$work/intake64.err"
result intake_c64 "$(wrk_rate <"$work/intake64.txt")" cases/s
result intake_c64_p50 "$(wrk_percentile 50 <"$work/intake64.txt")" us
result intake_c64_p99 "$(wrk_percentile 99 <"$work/intake64.txt")" us
grep -h "non-202" "$work/intake64.err" >&2 || true

wrk -t1 -c1 -d"$duration" --latency -s scripts/bench/intake.lua "http://127.0.0.1:$port" >"$work/intake1.txt" 2>"$work/intake1.err"
result intake_c1 "$(wrk_rate <"$work/intake1.txt")" cases/s
result intake_c1_p50 "$(wrk_percentile 50 <"$work/intake1.txt")" us
result intake_c1_p99 "$(wrk_percentile 99 <"$work/intake1.txt")" us

# 1,000 idle keep-alive connections, each having made one request.
python3 - "$port" "$server" <<'PY'
import socket, sys, time
port, pid = int(sys.argv[1]), sys.argv[2]
conns = []
for _ in range(1000):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: bench\r\n\r\n")
    conns.append(s)
for s in conns:
    s.settimeout(5)
    s.recv(4096)
time.sleep(1)
rss = [l.split()[1] for l in open(f"/proc/{pid}/status") if l.startswith("VmRSS")][0]
print(f"bench=caseway case=rss_1000_idle_keepalive value={rss} unit=kB", flush=True)
for s in conns:
    s.close()
PY

# Ratios against the peers of this same run.
value() { awk -F'[ =]' -v p="$1" -v c="$2" '($1 == "peer" || $1 == "bench") && $2 == p && $4 == c { print $6; exit }' "$peers_out" "$work/caseway.txt"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
healthz=$(value caseway healthz_c50); tiny=$(value tiny_http get_c50)
intake=$(value caseway intake_c64); rabbit_window=$(value rabbitmq quorum_publish_window1000)
rabbit_each=$(value rabbitmq quorum_publish_confirm_each)
p50=$(value caseway intake_c1_p50); fsync=$(value fdatasync append_group1_lat_med)
echo "ratio healthz_c50 / tiny_http get_c50 = $(ratio "$healthz" "$tiny") (target >= 0.50)"
echo "ratio intake_c64 / rabbitmq quorum_publish_window1000 = $(ratio "$intake" "$rabbit_window") (target >= 1.0)"
echo "ratio intake_c64 / rabbitmq quorum_publish_confirm_each = $(ratio "$intake" "$rabbit_each") (target >= 10)"
echo "ratio intake_c1_p50 / fdatasync append_group1_lat_med = $(ratio "$p50" "$fsync") (target <= 2.0)"
echo "intake_c64_p99 = $(value caseway intake_c64_p99) us (target <= 25000)"
