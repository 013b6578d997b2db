#!/usr/bin/env bash
# The mapping benchmark (docs/benchmarks.md, "Mapping"): the reference mapping over the reference request,
# Caseway in process on one thread against jq, xsltproc and lxml from ../shared/bench/peers.sh, in one run.
#
#   scripts/bench-mapping.sh [--quick] [--seconds N]
#
# Prints the peers' figures, Caseway's, and the ratios; exits non-zero if Caseway's output is wrong.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
peers="$(dirname "$0")/../../shared/bench/peers.sh"
seconds=5
quick=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick="--quick"; seconds=2 ;;
    --seconds) seconds="$2"; shift ;;
    *) echo "usage: $0 [--quick] [--seconds N]" >&2; exit 2 ;;
  esac
  shift
done
[ -x "$peers" ] || { echo "peers.sh not found at $peers" >&2; exit 1; }

cd "$repo"
echo "# building release"
swift build -c release --product caseway-bench >/dev/null
swift build -c release --product caseway >/dev/null
bin="$(swift build -c release --show-bin-path)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# peers.sh takes a lock on its work directory; another engineer's run may hold it for a while.
peers_retry() {
  for _ in $(seq 120); do
    if "$peers" "$@" 2> "$work/peers.err"; then cat "$work/peers.err" >&2; return 0; fi
    if grep -q "another peers.sh run" "$work/peers.err"; then sleep 5; else cat "$work/peers.err" >&2; return 1; fi
  done
  echo "peers.sh stayed locked" >&2
  return 1
}

echo "# peers: $peers transform $quick"
peers_retry transform $quick | tee "$work/peers.txt"

docs="$(peers_retry gen-docs | tail -1)"
echo "# caseway: $bin/caseway-bench mapping --input $docs/stream.ndjson --seconds $seconds"
"$bin/caseway-bench" mapping --input "$docs/stream.ndjson" --seconds "$seconds" --mappings "$repo/Mappings" --output "$work" \
  | tee "$work/caseway.txt"
peers_retry check-output "$work/all.ndjson"
peers_retry check-output "$work/all.xml"

# caseway map, one process per document, as jq per_process runs.
export CASEWAY_DEMO_KEY="${CASEWAY_DEMO_KEY:-bench-key-not-used-for-anything}"
sample="$repo/Mappings/work-order-json.tests/sample.input.json"
runs=200
[ -n "$quick" ] && runs=50
"$bin/caseway" map work-order-json "$sample" --config "$repo/caseway.json5" > "$work/one.json"
peers_retry check-output "$work/one.json"
start=$(date +%s.%N)
for _ in $(seq "$runs"); do "$bin/caseway" map work-order-json "$sample" --config "$repo/caseway.json5" > /dev/null; done
end=$(date +%s.%N)
per_process=$(echo "$runs / ($end - $start)" | bc -l)
printf 'mapping caseway_map_per_process %.0f docs/s\n' "$per_process" | tee -a "$work/caseway.txt"

value() { awk -v p="$1" -v c="$2" '$1=="peer="p && $2=="case="c { sub("value=", "", $3); print $3 }' "$work/peers.txt"; }
ours() { awk -v c="$1" '$1=="mapping" && $2==c { print $3 }' "$work/caseway.txt"; }
jq_stream=$(value jq ndjson_stream_10k); jq_process=$(value jq per_process)
xslt_files=$(value xsltproc files_10k); lxml_json=$(value lxml json_to_xml_in_process)
json=$(ours json_to_json); xml=$(ours json_to_xml); map=$(ours caseway_map_per_process)
ratio() { echo "scale=1; $1 / $2" | bc -l; }
echo
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) CPUs"
echo "JSON -> JSON in process:   $json docs/s   = $(ratio "$json" "$jq_stream") x jq ndjson_stream_10k ($jq_stream docs/s)"
echo "JSON -> XML in process:    $xml docs/s   = $(ratio "$xml" "$xslt_files") x xsltproc files_10k ($xslt_files docs/s)"
echo "                                          = $(ratio "$xml" "$lxml_json") x lxml json_to_xml_in_process ($lxml_json docs/s)"
echo "caseway map per process:   $map docs/s   = $(ratio "$map" "$jq_process") x jq per_process ($jq_process docs/s)"
