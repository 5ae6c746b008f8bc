#!/usr/bin/env bash
# Installs what is missing, builds Easel in Release and launches it. Arguments go to easel,
# e.g. ./run.sh --provider demo
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/scripts/setup.sh" "$here/build/release" -DCMAKE_BUILD_TYPE=Release -DEASEL_BUILD_TESTS=OFF -DEASEL_BUILD_BENCH=OFF
exec "$here/build/release/easel" "$@"
