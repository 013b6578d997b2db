#!/usr/bin/env bash
# Installs the system packages Caseway builds against, when they are missing.
# As root it uses apt-get; otherwise it prints exactly what to install and exits 1.
set -euo pipefail

# libcurl4-openssl-dev: the http connector uses FoundationNetworking, whose static library (linked by
# `--static-swift-stdlib` in scripts/run.sh) needs `-lcurl`, i.e. the libcurl.so link only the -dev package has.
packages=(libsqlite3-dev libxml2-dev pkg-config libcurl4-openssl-dev)
missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if ! command -v swift >/dev/null 2>&1; then
    echo "setup: swift is not on PATH; install Swift 6 from https://swift.org/install and try again" >&2
    exit 1
fi

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing system packages: ${missing[*]}" >&2
    echo "setup: install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi

echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq "${missing[@]}" >/dev/null
