#!/usr/bin/env bash
# Provides a real Pulumi CLI and Node.js language host in .tools/bin.
# The npm package `pulumi` downloads the CLI from get.pulumi.com at run time, which this network blocks,
# so we build it from Go modules through the Go module proxy. Idempotent: a finished build is reused.
#
# The Node.js language host is Pulumi's own. Its current module (sdk/nodejs/cmd/pulumi-language-nodejs/v3) is
# not served by the Go module proxy, but the same host lived inside the sdk/v3 module up to v3.68.0, which is:
# we build it from there, in a module of its own (it needs that older sdk/v3, the CLI the current one).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="${PULUMI_CLI_VERSION:-v3.274.1}"
langhost_version="${PULUMI_LANGHOST_VERSION:-v3.68.0}"
bin="$root/.tools/bin"
stamp="$version nodejs-host-$langhost_version"
mkdir -p "$bin"

link_nodejs_provider_script() {
  # The dynamic provider plugin is a shell script shipped at the root of @pulumi/pulumi.
  local script="$root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
  if [ ! -f "$script" ]; then
    echo "install-pulumi-cli: pulumi-resource-pulumi-nodejs not found; run npm ci first" >&2
    exit 1
  fi
  ln -sf "$script" "$bin/pulumi-resource-pulumi-nodejs"
  chmod +x "$script"
}

if [ -x "$bin/pulumi" ] && [ -x "$bin/pulumi-language-nodejs" ] && [ "$(cat "$bin/.version" 2>/dev/null)" = "$stamp" ]; then
  link_nodejs_provider_script
  echo "pulumi CLI $version already in .tools/bin"
  exit 0
fi

if command -v pulumi >/dev/null 2>&1 && command -v pulumi-language-nodejs >/dev/null 2>&1 && [ -z "${ZCC_FORCE_CLI_BUILD:-}" ]; then
  ln -sf "$(command -v pulumi)" "$bin/pulumi"
  ln -sf "$(command -v pulumi-language-nodejs)" "$bin/pulumi-language-nodejs"
  echo "$stamp" > "$bin/.version"
  link_nodejs_provider_script
  echo "using pulumi from PATH: $(command -v pulumi)"
  exit 0
fi

command -v go >/dev/null 2>&1 || { echo "install-pulumi-cli: Go is required to build the Pulumi CLI" >&2; exit 1; }
work="$root/.tools/build-$version"
mkdir -p "$work"
cd "$work"
export GOFLAGS=-mod=mod GONOSUMDB=github.com/pulumi GOTOOLCHAIN=local
if [ ! -f go.mod ]; then
  go mod init pulumi-cli-build >/dev/null 2>&1
fi
cat > tools.go <<'GO'
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
GO

go mod download -json "github.com/pulumi/pulumi/pkg/v3@$version" > pkg.json
pkg_mod="$(sed -n 's/.*"GoMod": "\(.*\)".*/\1/p' pkg.json)"
# Pulumi's own go.mod pins some forks with replace directives; a consumer must repeat the non-local ones.
grep -E '^replace ' "$pkg_mod" | grep -v '=> \.' | while read -r line; do
  from="$(echo "$line" | awk '{print $2}')"
  to="$(echo "$line" | sed 's/.*=> //' | tr ' ' '@')"
  go mod edit -replace "$from=$to"
done
go get "github.com/pulumi/pulumi/pkg/v3@$version" "github.com/pulumi/pulumi/sdk/v3@$version"
go mod tidy -e >/dev/null 2>&1 || true
build() { CGO_ENABLED=0 go build -trimpath -tags osusergo,grpcnotrace -ldflags "$1" -o "$2" "$3"; }
build "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version" "$bin/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi

# Pulumi's own Node.js language host, from sdk/v3@$langhost_version (see the top of this file).
host="$root/.tools/build-nodejs-host-$langhost_version"
mkdir -p "$host"
cd "$host"
if [ ! -f go.mod ]; then
  go mod init pulumi-nodejs-host-build >/dev/null 2>&1
fi
cat > tools.go <<'GO'
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs"
GO
go mod download -json "github.com/pulumi/pulumi/sdk/v3@$langhost_version" > sdk.json
sdk_mod="$(sed -n 's/.*"GoMod": "\(.*\)".*/\1/p' sdk.json)"
{ grep -E '^replace ' "$sdk_mod" || true; } | { grep -v '=> \.' || true; } | while read -r line; do
  from="$(echo "$line" | awk '{print $2}')"
  to="$(echo "$line" | sed 's/.*=> //' | tr ' ' '@')"
  go mod edit -replace "$from=$to"
done
go get "github.com/pulumi/pulumi/sdk/v3@$langhost_version"
go mod tidy -e >/dev/null 2>&1 || true
build "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$langhost_version" "$bin/pulumi-language-nodejs" github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs
echo "$stamp" > "$bin/.version"
link_nodejs_provider_script
"$bin/pulumi" version
