#!/usr/bin/env bash
# Installs what migsafe needs to build and test on Debian 12 (run as root). Idempotent.
set -euo pipefail
packages=(
  build-essential cmake ninja-build ccache pkg-config
  libpg-query-dev libsimdjson-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libtomlplusplus-dev libgtest-dev libssl-dev libpq-dev libtree-sitter-dev
  postgresql-15 postgresql-client-15
)
command -v npm >/dev/null 2>&1 || packages+=(npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The tree-sitter-typescript grammar sources (and the squawk binary for bench/), exactly as locked.
cd "$(dirname "$0")/.."
if [ ! -f node_modules/tree-sitter-typescript/typescript/src/parser.c ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
fi
