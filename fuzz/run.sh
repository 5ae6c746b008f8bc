#!/usr/bin/env bash
# Runs every fuzz target for a while, one after the other, and says how each went.
# Usage: fuzz/run.sh [seconds per target, default 60] [build-dir, default <repo>/build-fuzz]
#        EASEL_FUZZ_TARGETS="fuzz_sseparser fuzz_imagelinks" fuzz/run.sh 600   (a subset)
# Build first with fuzz/build.sh. The seed corpus is written at run time into a temporary folder
# (gateway fixtures of the repository, ../shared/fixtures/recorded when present, files made by the
# app's own writers); what the fuzzer finds beyond it accumulates in <build>/corpus/<target>.
# Crash, leak, timeout and out-of-memory inputs are kept in <build>/crashes/<target>/.
# Exits non-zero when any target failed.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
seconds="${1:-60}"
build="${2:-${EASEL_FUZZ_BUILD:-$repo/build-fuzz}}"
bin="$build/fuzz"

# target:max_len:dictionary
targets=(
    fuzz_sseparser:16384:sse.dict
    fuzz_base64:16384:base64.dict
    fuzz_responsesdecoder:65536:responses.dict
    fuzz_chatcompletionsdecoder:65536:chatcompletions.dict
    fuzz_imagesdecoder:65536:images.dict
    fuzz_imagelinks:8192:imagelinks.dict
    fuzz_imagemetadata:65536:imagemetadata.dict
    fuzz_fastpng:65536:fastpng.dict
    fuzz_demorequest:16384:demorequest.dict
    fuzz_httprequestreader:16384:httprequest.dict
)

if [ ! -x "$bin/easel_fuzz_seeds" ]; then
    if ! problem="$("$here/build.sh" --check)"; then
        echo "fuzz/run.sh: skipped: $problem."
        exit 0
    fi
    echo "fuzz/run.sh: no fuzz targets in $bin: build them with fuzz/build.sh $build" >&2
    exit 1
fi

seeds="$(mktemp -d "${TMPDIR:-/tmp}/easel-fuzz-seeds.XXXXXX")"
trap 'rm -rf "$seeds"' EXIT
if ! "$bin/easel_fuzz_seeds" "$repo" "$repo/../shared/fixtures/recorded" "$seeds" >/dev/null; then
    echo "fuzz/run.sh: writing the seed corpus failed" >&2
    exit 1
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$here/ubsan.supp}"
export QT_QPA_PLATFORM=offscreen

selected="${EASEL_FUZZ_TARGETS:-}"
failed=0
mkdir -p "$build/logs"
for entry in "${targets[@]}"; do
    IFS=: read -r target max_len dict <<<"$entry"
    if [ -n "$selected" ] && [[ " $selected " != *" $target "* ]]; then
        continue
    fi
    if [ ! -x "$bin/$target" ]; then
        printf '%-28s MISSING (not built)\n' "$target"
        failed=1
        continue
    fi
    corpus="$build/corpus/$target"
    crashes="$build/crashes/$target"
    log="$build/logs/$target.log"
    mkdir -p "$corpus" "$crashes" "$seeds/$target"
    "$bin/$target" -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=2048 \
        -timeout=10 -use_value_profile=1 -print_final_stats=1 -dict="$here/$dict" \
        -artifact_prefix="$crashes/" "$corpus" "$seeds/$target" >"$log" 2>&1
    status=$?

    last="$(grep -E '^#[0-9]+' "$log" | grep -E 'cov: ' | tail -n 1)"
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
    [ -n "$runs" ] || runs="$(sed -E -n 's/^#([0-9]+).*/\1/p' <<<"$last")"
    cov="$(sed -E -n 's/.*cov: ([0-9]+).*/\1/p' <<<"$last")"
    ft="$(sed -E -n 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")"
    artifact="$(sed -E -n 's/.*Test unit written to (.*)$/\1/p' "$log" | tail -n 1)"
    if [ "$status" -eq 0 ] && [ -z "$artifact" ]; then
        result="ok"
    else
        failed=1
        why="$(grep -m 1 -E 'FUZZ PROPERTY VIOLATED|runtime error:|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|SUMMARY: ' "$log" \
            | sed -E 's/^==[0-9]+==//' | cut -c 1-160)"
        result="FAILED (exit $status): ${why:-see $log}${artifact:+ -> $artifact}"
    fi
    printf '%-28s %10s execs  cov %-5s ft %-6s %s\n' "$target" "${runs:-?}" "${cov:-?}" \
        "${ft:-?}" "$result"
done
exit "$failed"
