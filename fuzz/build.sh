#!/usr/bin/env bash
# Configures and builds the libFuzzer targets (fuzz/) with clang in their own build folder.
# Usage: fuzz/build.sh [build-dir]        (default: <repo>/build-fuzz)
#        fuzz/build.sh --check            (only: is clang++ with libFuzzer usable here?)
# Without clang++ or libFuzzer it says so and exits 0: fuzzing is skipped, not failed.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cxx="${EASEL_FUZZ_CXX:-clang++}"

toolchain_problem() {
    if ! command -v "$cxx" >/dev/null 2>&1; then
        echo "$cxx is not installed"
        return
    fi
    local probe
    probe="$(mktemp -d)"
    printf '%s\n' '#include <cstddef>' '#include <cstdint>' \
        'extern "C" int LLVMFuzzerTestOneInput(const uint8_t *, size_t) { return 0; }' \
        >"$probe/probe.cpp"
    if ! "$cxx" -fsanitize=fuzzer,address,undefined "$probe/probe.cpp" -o "$probe/probe" \
        >"$probe/log" 2>&1; then
        echo "$cxx cannot link with -fsanitize=fuzzer (libFuzzer is missing: $(head -n 1 "$probe/log"))"
    fi
    rm -rf "$probe"
}

problem="$(toolchain_problem)"
if [ "${1:-}" = "--check" ]; then
    [ -z "$problem" ] && exit 0
    echo "$problem"
    exit 1
fi
if [ -n "$problem" ]; then
    echo "fuzz/build.sh: skipped: $problem."
    exit 0
fi

build="${1:-$repo/build-fuzz}"
jobs="${EASEL_FUZZ_JOBS:-2}"
generator=()
if [ ! -f "$build/CMakeCache.txt" ] && command -v ninja >/dev/null 2>&1; then
    generator=(-G Ninja)
fi
cmake -S "$repo" -B "$build" "${generator[@]}" \
    -DCMAKE_CXX_COMPILER="$(command -v "$cxx")" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DEASEL_FUZZ=ON -DEASEL_BUILD_TESTS=OFF -DEASEL_BUILD_BENCH=OFF -DEASEL_SANITIZERS=OFF
cmake --build "$build" --target fuzz_all -j "$jobs"
