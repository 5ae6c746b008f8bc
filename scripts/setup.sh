#!/usr/bin/env bash
# Shared set-up of run.sh and test.sh: installs what a fresh Debian or Ubuntu machine lacks (only
# the missing packages, with apt-get; sudo when not root), then configures and builds Easel.
# Usage: scripts/setup.sh BUILD_DIR [extra cmake arguments...]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="$1"
shift

packages=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins qt6-l10n-tools
    libqt6sql6-sqlite qt6-image-formats-plugins qtkeychain-qt6-dev
    libgl-dev libvulkan-dev libdeflate-dev
    fonts-dejavu-core
)
# Callers add what only they need, e.g. test.sh the validators of the packaging tests.
read -r -a extra_packages <<< "${EASEL_EXTRA_PACKAGES:-}"
packages+=("${extra_packages[@]}")

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -gt 0 ]; then
    echo "==> Installing missing packages: ${missing[*]}"
    sudo_cmd=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo_cmd=(sudo)
        else
            echo "error: these packages are missing and there is no sudo to install them: ${missing[*]}" >&2
            exit 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get update -q
    "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

jobs="$(nproc 2>/dev/null || echo 2)"
echo "==> Configuring in $build_dir"
cmake -S "$here" -B "$build_dir" -G Ninja "$@"
echo "==> Building with $jobs jobs"
cmake --build "$build_dir" --parallel "$jobs"
