# Two entry points: `make demo` and `make test`. Everything they need is installed by the targets below,
# idempotently: npm packages into node_modules/, the Pulumi CLI and its Node.js, YAML and Python language hosts into
# .tools/bin, a Python virtualenv with Pulumi's Python SDK into .tools/python.
SHELL := /bin/bash
.DEFAULT_GOAL := help
export PULUMI_SKIP_UPDATE_CHECK := true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION := true

help:
	@echo "make demo   run examples/contact-center against the local ZCC emulator with the real Pulumi CLI"
	@echo "make check  typecheck, format and schema checks, unit and integration tests: the inner loop (minutes)"
	@echo "make test   make check, then the e2e tests on the real Pulumi CLI (what CI runs)"
	@echo "make bench  print client throughput and scale runs (1,000 queues; mixes of 1,000, also at --parallel 1000, and 5,000) as ratios"
	@echo "make contract  contract/official-api.json from ../shared/zoom-cc-official-api.md (make check fails when stale)"
	@echo "make format lay out the TypeScript sources with prettier (make test checks it)"
	@echo "make tools  provide the Pulumi CLI, its Node.js, YAML and Python hosts and the SDK generator in .tools (built from Go modules)"
	@echo "make sdks   write the Python, Go and .NET SDKs (sdk/python, sdk/go, sdk/dotnet) from schema.json"
	@echo "make pack   build the release tarball zcc-pulumi-<version>.tgz that users install"
	@echo "make volume the two volume e2e tests at full size (1,000 queues drifting, export of 2,550+ objects; about 25 minutes)"

node_modules/.install-stamp: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.install-stamp

build: install
	npm run build

tools: install
	bash scripts/install-pulumi-cli.sh
	bash scripts/install-node-versions.sh
	bash scripts/install-language-hosts.sh

# The Python, Go and .NET SDKs (sdk/python, sdk/go, sdk/dotnet) from schema.json, by Pulumi's code generators
# (scripts/sdkgen, built by `make tools`). `make test` fails when they are stale and builds the Go one.
sdks: tools
	.tools/bin/zcc-sdkgen -schema schema.json -out sdk

sdks-check: tools
	.tools/bin/zcc-sdkgen -schema schema.json -out sdk -check
	cd sdk/go && GOFLAGS=-mod=mod GONOSUMDB=github.com/pulumi GOTOOLCHAIN=local go build ./... && GOFLAGS=-mod=mod GOTOOLCHAIN=local go vet ./...

typecheck: install
	npx tsc -p tsconfig.check.json

# Prettier lays out every hand-written .ts file (.prettierrc.json, .prettierignore); `make test` checks it.
format: install
	npx prettier --write --log-level warn "**/*.ts"

schema: build
	node dist/scripts/generateSchema.js

# Zoom's official shapes (../shared/zoom-cc-official-api.md) as contract/official-api.json, which the conformance
# tests read: a clone without ../shared has the contract too. `make check` fails when it is stale.
contract: build
	node dist/scripts/generateContract.js

demo: build tools
	node dist/scripts/demo.js

# The release tarball users install (README: quick start), built from a fresh dist/.
pack: build
	npm pack --ignore-scripts

emulator: build
	node dist/cli/main.js emulator

bench: build tools
	node dist/bench/rateLimits.js
	BENCH_SCALE="$${BENCH_SCALE:-1000q 1000qc 1000 1000p1000 5000}" node dist/bench/scale.js

# The inner loop: everything but the e2e tests (no Pulumi CLI needed), in a few minutes.
check: build typecheck
	npx prettier --check --log-level warn "**/*.ts" || { echo "run make format"; exit 1; }
	node dist/scripts/generateSchema.js --check
	node dist/scripts/generateContract.js --check
	npx jest --selectProjects unit --maxWorkers=2
	# Each integration file starts its own emulator on its own port: two run at once (118 s serially, 58 s so).
	npx jest --selectProjects integration --maxWorkers=2

test: check tools sdks-check
	npx jest --selectProjects e2e --runInBand

# The two volume tests at full size (make test runs them smaller): drift among 1,000 queues, export of 2,550+ objects.
volume: build tools
	ZCC_SCALE_DRIFT_N=1000 ZCC_EXPORT_PER_KIND=300 npx jest --selectProjects e2e --runInBand --testPathPatterns 'e2e/(scaleDrift|export)\.test'

.PHONY: help install build tools sdks sdks-check typecheck format schema contract demo emulator bench check test pack volume
