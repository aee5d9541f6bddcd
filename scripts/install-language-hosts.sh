#!/usr/bin/env bash
# Provides what the Pulumi YAML and Python programs need, and the SDK generator, in .tools (issue 22):
#   .tools/bin/pulumi-language-yaml          Pulumi's YAML host: github.com/pulumi/pulumi-yaml, built with its own
#                                            pins (pkg/sdk v3.206.0; it does not compile against v3.274)
#   .tools/bin/zcc-sdkgen                    scripts/sdkgen: Pulumi's code generators (pkg v3.206.0, the last with
#                                            .NET), built in the same module as the YAML host, so no second download
#   .tools/bin/pulumi-language-python(-exec) Pulumi's Python host, from sdk/v3@v3.68.0 like the Node.js host (the
#                                            current standalone module is not served by the Go module proxy)
#   .tools/python                            a virtualenv with the `pulumi` package from PyPI and what the generated
#                                            SDK (sdk/python) needs besides (parver, semver); the Python host runs
#                                            the `python3` first on PATH (it ignores runtime.options.virtualenv), so
#                                            the e2e tests put .tools/python/bin first
# Idempotent: each piece is kept when its stamp says it is the wanted version.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
yaml_version="${PULUMI_YAML_VERSION:-v1.25.0}"
python_host_version="${PULUMI_LANGHOST_VERSION:-v3.68.0}"
python_sdk_version="${PULUMI_PYTHON_SDK_VERSION:-3.272.0}"
bin="$root/.tools/bin"
mkdir -p "$bin"
export GOFLAGS=-mod=mod GONOSUMDB=github.com/pulumi GOTOOLCHAIN=local
command -v go >/dev/null 2>&1 || { echo "install-language-hosts: Go is required to build the language hosts" >&2; exit 1; }
build() { CGO_ENABLED=0 go build -trimpath -tags osusergo,grpcnotrace -ldflags "$1" -o "$2" "$3"; }

# --- Pulumi YAML host and the SDK generator (one module: pulumi-yaml's pins) ---
work="$root/.tools/build-yaml-host-$yaml_version"
sdkgen_sum="$(cat "$root/scripts/sdkgen/main.go" | sha256sum | cut -c1-16)"
yaml_stamp="yaml-host-$yaml_version sdkgen-$sdkgen_sum"
if [ -x "$bin/pulumi-language-yaml" ] && [ -x "$bin/zcc-sdkgen" ] && [ "$(cat "$bin/.yaml-version" 2>/dev/null)" = "$yaml_stamp" ]; then
  echo "pulumi-language-yaml $yaml_version and zcc-sdkgen already in .tools/bin"
else
  mkdir -p "$work/sdkgen"
  cd "$work"
  [ -f go.mod ] || go mod init pulumi-yaml-host-build >/dev/null 2>&1
  cat > tools.go <<'GO'
//go:build tools

package tools

import _ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"
GO
  go get "github.com/pulumi/pulumi-yaml@$yaml_version"
  build "-X github.com/pulumi/pulumi-yaml/pkg/version.Version=$yaml_version" "$bin/pulumi-language-yaml" github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml
  cp "$root/scripts/sdkgen/main.go" sdkgen/main.go
  go build -trimpath -o "$bin/zcc-sdkgen" ./sdkgen
  echo "$yaml_stamp" > "$bin/.yaml-version"
  echo "pulumi-language-yaml $yaml_version and zcc-sdkgen built into .tools/bin"
fi

# --- Pulumi Python host (sdk/v3@$python_host_version, the module install-pulumi-cli.sh builds the Node.js host in) ---
if [ -x "$bin/pulumi-language-python" ] && [ -x "$bin/pulumi-language-python-exec" ] && [ "$(cat "$bin/.python-version" 2>/dev/null)" = "$python_host_version" ]; then
  echo "pulumi-language-python $python_host_version already in .tools/bin"
else
  host="$root/.tools/build-nodejs-host-$python_host_version"
  [ -f "$host/go.mod" ] || { echo "install-language-hosts: run scripts/install-pulumi-cli.sh first" >&2; exit 1; }
  cd "$host"
  build "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$python_host_version" "$bin/pulumi-language-python" github.com/pulumi/pulumi/sdk/v3/python/cmd/pulumi-language-python
  sdk_dir="$(go list -m -f '{{.Dir}}' "github.com/pulumi/pulumi/sdk/v3")"
  install -m 0755 "$sdk_dir/python/cmd/pulumi-language-python-exec" "$bin/pulumi-language-python-exec"
  echo "$python_host_version" > "$bin/.python-version"
  echo "pulumi-language-python $python_host_version built into .tools/bin"
fi

# --- The Python virtualenv with Pulumi's Python SDK ---
venv="$root/.tools/python"
# The generated SDK's other requirements (sdk/python/pyproject.toml), so the e2e tests install it with --no-deps
# and no network.
sdk_requirements="parver>=0.2.1 semver>=2.8.1"
venv_stamp="pulumi-$python_sdk_version $sdk_requirements"
if [ -x "$venv/bin/python3" ] && [ "$(cat "$venv/.pulumi-version" 2>/dev/null)" = "$venv_stamp" ]; then
  echo "python venv with pulumi $python_sdk_version already in .tools/python"
else
  python3 -m venv "$venv"
  # shellcheck disable=SC2086 # the requirements are words
  "$venv/bin/pip" install --quiet --disable-pip-version-check "pulumi==$python_sdk_version" $sdk_requirements
  echo "$venv_stamp" > "$venv/.pulumi-version"
  echo "python venv with pulumi $python_sdk_version in .tools/python"
fi
