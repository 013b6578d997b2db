#!/usr/bin/env bash
# Benchmarks the store's group-commit writer against raw SQLite (the peers' `disk` benchmark) on the
# same filesystem, in the same session, and prints the ratios Caseway is held to:
#   64 writers   vs sqlite wal_full_batch100   target >= 70 %
#   1 writer     vs sqlite wal_full_batch1     target >= 80 %
# The peers run just before and just after Caseway; ratios use the mean of the two runs.
#
# usage: scripts/bench-store.sh [--quick]
#   --quick   short runs (peers --quick, 2 s per writer count) for a rough figure
# Environment: PEERS_DIR, PEERS_DISK_DIR as for peers.sh; the Caseway store is written beside
# PEERS_DISK_DIR so that both measure the same filesystem. PEERS_DIR defaults to a directory of its
# own: peers.sh locks its work directory, and other sessions may be running the kit at the same time.
set -euo pipefail

kit="$(dirname "$0")/../../shared/bench"
cd "$(dirname "$0")/.."

quick=""
seconds=5
case "${1:-}" in
    --quick) quick="--quick"; seconds=2 ;;
    "") ;;
    *) echo "usage: scripts/bench-store.sh [--quick]" >&2; exit 2 ;;
esac
[ -x "$kit/peers.sh" ] || { echo "bench-store: peer kit not found at $kit (expected /work/shared/bench)" >&2; exit 1; }

export PEERS_DIR="${PEERS_DIR:-/tmp/caseway-peers-store}"
disk_dir="${PEERS_DISK_DIR:-$PEERS_DIR/disk}"
data="${disk_dir%/}-caseway-store"
log="$(mktemp -t bench-store.XXXXXX.log)"
trap 'rm -rf "$data"' EXIT

echo "# building caseway-bench (release)" >&2
swift build -c release --product caseway-bench >&2

echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(hostname), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); log $log" >&2
peers() {  # one run of the peers' disk benchmark; its sqlite lines
    local lines
    lines="$("$kit/peers.sh" disk $quick 2>>"$log" | grep '^peer=sqlite' || true)"
    [ -n "$lines" ] || echo "bench-store: the peers' disk benchmark gave no figures (see $log)" >&2
    printf '%s' "$lines"
}

echo "# peers (before)" >&2
before="$(peers)"
echo "# caseway store, data in $data" >&2
caseway="$(.build/release/caseway-bench store --writers 1,8,64 --seconds "$seconds" --data "$data" 2>>"$log")"
echo "# peers (after)" >&2
after="$(peers)"
grep '^# store' "$log" >&2 || true

[ -z "$before" ] || echo "$before" | sed 's/$/ run=before/'
echo "$caseway"
[ -z "$after" ] || echo "$after" | sed 's/$/ run=after/'

value() {  # lines case: the value of that case
    awk -v c="$2" '{ for (i = 1; i <= NF; i++) if ($i == "case=" c) { for (j = 1; j <= NF; j++) if (index($j, "value=") == 1) print substr($j, 7) } }' <<<"$1"
}
mean() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" && b == "") print ""; else if (a == "") print b; else if (b == "") print a; else printf "%.0f", (a + b) / 2 }'; }
ratio() {  # name caseway-case peer-case target
    local ours peer
    ours="$(value "$caseway" "$2")"
    peer="$(mean "$(value "$before" "$3")" "$(value "$after" "$3")")"
    if [ -z "$ours" ] || [ -z "$peer" ]; then
        echo "ratio case=$1 value=missing"
        return
    fi
    awk -v n="$1" -v o="$ours" -v p="$peer" -v t="$4" 'BEGIN {
        r = o / p
        printf "ratio case=%s value=%.2f caseway=%s peer=%s target=%.2f %s\n", n, r, o, p, t, (r >= t ? "met" : "MISSED")
    }'
}
ratio writers64_vs_wal_full_batch100 group_commit_writers64 wal_full_batch100 0.70
ratio writers1_vs_wal_full_batch1 group_commit_writers1 wal_full_batch1 0.80
