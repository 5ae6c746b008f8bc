#!/usr/bin/env bash
# Installs what is missing, builds Easel with its tests and runs them all offscreen.
# Exits non-zero on any failure.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="$here/build/test"
"$here/scripts/setup.sh" "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEASEL_BUILD_TESTS=ON
export QT_QPA_PLATFORM=offscreen
cd "$build"
ctest --output-on-failure --parallel "$(nproc 2>/dev/null || echo 2)" "$@"
