#!/usr/bin/env bash
# Installs what is missing, builds Easel with its tests under AddressSanitizer and
# UndefinedBehaviorSanitizer and runs them all offscreen (any finding fails its test), then runs
# each libFuzzer target of fuzz/ for a few seconds when clang with libFuzzer is there.
# Exits non-zero on any failure. Arguments go to ctest (e.g. ./test.sh -R tst_chat).
#   EASEL_TEST_SANITIZERS=0   a plain optimized build instead (quicker to build, no sanitizers)
#   EASEL_TEST_FUZZ_SECONDS=N seconds per fuzz target (default 10; 0 skips fuzzing)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
sanitizers="${EASEL_TEST_SANITIZERS:-1}"
fuzz_seconds="${EASEL_TEST_FUZZ_SECONDS:-10}"

if [ "$sanitizers" = "1" ]; then
    build="$here/build/test-sanitizers"
    # -O1 with line tables: sanitizer reports keep file:line, and the build is much quicker than
    # at -O2 with full debug information.
    options=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG"
             -DEASEL_BUILD_TESTS=ON -DEASEL_SANITIZERS=ON)
else
    build="$here/build/test"
    options=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DEASEL_BUILD_TESTS=ON -DEASEL_SANITIZERS=OFF)
fi
# The packaging tests validate the desktop file and the AppStream metadata with these.
export EASEL_EXTRA_PACKAGES="desktop-file-utils appstream"
"$here/scripts/setup.sh" "$build" "${options[@]}"

export QT_QPA_PLATFORM=offscreen
if ! (cd "$build" && ctest --output-on-failure --parallel "$(nproc 2>/dev/null || echo 2)" "$@"); then
    # Only a crash of LeakSanitizer's own tracer after every case passed earns one more run.
    [ "$sanitizers" = "1" ] && "$here/scripts/retry-tracer-crashes.sh" "$build" || exit 1
fi

if [ "$fuzz_seconds" != "0" ] && [ $# -eq 0 ]; then
    if problem="$("$here/fuzz/build.sh" --check)"; then
        echo "==> Fuzzing each target for ${fuzz_seconds} s"
        "$here/fuzz/build.sh" "$here/build/fuzz"
        "$here/fuzz/run.sh" "$fuzz_seconds" "$here/build/fuzz"
    else
        echo "==> Fuzzing skipped: $problem."
    fi
fi
