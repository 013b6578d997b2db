#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/README.md) and runs each for a bounded time from a copy of its
# committed seed corpus. Exit 1 on any crash, leak, timeout or out-of-memory; the input that caused it is
# saved under .build-fuzz/runs/<target>/ and its path printed.
#
#   scripts/fuzz.sh [--seconds N] [TARGET...]     (default: 60 seconds, every Fuzz/Corpus/<target>)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="${2:?--seconds needs a number}"; shift 2 ;;
        --seconds=*) seconds="${1#--seconds=}"; shift ;;
        -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
        -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done
if [ ${#targets[@]} -eq 0 ]; then
    for corpus in Fuzz/Corpus/*/; do targets+=("$(basename "$corpus")"); done
fi

# Longest input per target: requests fit in a few KiB (the harness's head limit is 1 KiB); intake bodies
# are the fixtures (up to a few KiB) grown by mutation. A target not listed gets the default.
max_len_for() {
    case "$1" in
        fuzz-http-request) echo 4096 ;;
        fuzz-intake) echo 65536 ;;
        *) echo 16384 ;;
    esac
}

scratch=.build-fuzz
for target in "${targets[@]}"; do
    [ -d "Fuzz/Corpus/$target" ] || { echo "fuzz.sh: no seed corpus Fuzz/Corpus/$target" >&2; exit 2; }
done

started=$(date +%s)
for target in "${targets[@]}"; do
    # One product per invocation: `swift build` accepts a single --product.
    swift build -c release --scratch-path "$scratch" --product "$target" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -D -Xswiftc CASEWAY_FUZZING
done
echo "fuzz.sh: built ${targets[*]} in $(( $(date +%s) - started ))s"
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"

# The Swift runtime's own crash backtracer would race ASan's report; libFuzzer prints the stack.
export SWIFT_BACKTRACE=enable=no
# Known false positives only; see the file for why each is there.
export LSAN_OPTIONS="suppressions=$(pwd)/Fuzz/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

failed=()
for target in "${targets[@]}"; do
    run="$scratch/runs/$target"
    rm -rf "$run"
    # libFuzzer adds what it finds to the first corpus directory: a copy, so nothing lands in git.
    mkdir -p "$run/corpus" "$run/artifacts"
    cp -R "Fuzz/Corpus/$target/." "$run/corpus/"
    echo "fuzz.sh: $target for ${seconds}s from $(ls "$run/corpus" | wc -l) seeds"
    status=0
    "$bin/$target" "$run/corpus" \
        -max_total_time="$seconds" -max_len="$(max_len_for "$target")" \
        -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 -detect_leaks=1 \
        -print_final_stats=1 -artifact_prefix="$run/artifacts/" \
        >"$run/log" 2>&1 || status=$?
    grep -E '^(stat::|Done|INFO: (Seed|.*files found))' "$run/log" || true
    if [ "$status" -ne 0 ] || ls "$run/artifacts" | grep -q .; then
        echo "fuzz.sh: $target FAILED (exit $status); last lines of $run/log:" >&2
        tail -n 40 "$run/log" >&2
        for artifact in "$run"/artifacts/*; do
            [ -e "$artifact" ] && echo "fuzz.sh: input saved at $artifact (replay: $bin/$target $artifact)" >&2
        done
        failed+=("$target")
    else
        echo "fuzz.sh: $target passed; $(( $(ls "$run/corpus" | wc -l) )) inputs in $run/corpus"
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz.sh: failed: ${failed[*]}" >&2
    exit 1
fi
echo "fuzz.sh: all passed in $(( $(date +%s) - started ))s"
