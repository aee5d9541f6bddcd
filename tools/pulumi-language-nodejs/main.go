// Command pulumi-language-nodejs is a small Node.js language host for the Pulumi CLI.
//
// Pulumi's own host lives in a Go module that the module proxy reachable from our build machines does not
// serve, so `make tools` builds this one against the same sdk/v3 release as the CLI. It does exactly what the
// engine needs to run a Node.js program: start `@pulumi/pulumi/cmd/run` (resolved from the program's own
// node_modules) with the monitor address, stack settings and config, and report how the program exited.
// Plugin discovery and dependency installation are left to npm and PATH, as this project's programs need.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

// version is set at build time to the CLI version this host was built with.
var version = "3.0.0"

// exitCodeAfterLoggedError is what @pulumi/pulumi/cmd/run exits with once it has shown the user the error.
const exitCodeAfterLoggedError = 32

type languageHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	mu            sync.Mutex
	engineAddress string
	running       map[*exec.Cmd]struct{}
}

func (h *languageHost) Handshake(_ context.Context, req *pulumirpc.LanguageHandshakeRequest) (*pulumirpc.LanguageHandshakeResponse, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if req.GetEngineAddress() != "" {
		h.engineAddress = req.GetEngineAddress()
	}
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *languageHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: strings.TrimPrefix(version, "v")}, nil
}

// Plugins are found on PATH (the dynamic provider) rather than by scanning node_modules.
func (h *languageHost) GetRequiredPlugins(context.Context, *pulumirpc.GetRequiredPluginsRequest) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (h *languageHost) GetRequiredPackages(context.Context, *pulumirpc.GetRequiredPackagesRequest) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

func (h *languageHost) GetProgramDependencies(context.Context, *pulumirpc.GetProgramDependenciesRequest) (*pulumirpc.GetProgramDependenciesResponse, error) {
	return &pulumirpc.GetProgramDependenciesResponse{}, nil
}

func (h *languageHost) About(context.Context, *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("node not found on PATH: %w", err)
	}
	out, err := exec.Command(node, "--version").Output()
	if err != nil {
		return nil, err
	}
	return &pulumirpc.AboutResponse{Executable: node, Version: strings.TrimSpace(strings.TrimPrefix(string(out), "v"))}, nil
}

// Dependencies are installed by npm before Pulumi runs; there is nothing left to do here.
func (h *languageHost) InstallDependencies(*pulumirpc.InstallDependenciesRequest, grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse]) error {
	return nil
}

func (h *languageHost) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for cmd := range h.running {
		if cmd.Process != nil {
			_ = cmd.Process.Signal(os.Interrupt)
		}
	}
	return &emptypb.Empty{}, nil
}

func programDirectory(req *pulumirpc.RunRequest) string {
	if dir := req.GetInfo().GetProgramDirectory(); dir != "" {
		return dir
	}
	return req.GetPwd()
}

func runtimeOption(req *pulumirpc.RunRequest, name string) (string, bool) {
	options := req.GetInfo().GetOptions()
	if options == nil {
		return "", false
	}
	value, ok := options.GetFields()[name]
	if !ok {
		return "", false
	}
	switch kind := value.AsInterface().(type) {
	case string:
		return kind, true
	case bool:
		return strconv.FormatBool(kind), true
	default:
		return fmt.Sprint(kind), true
	}
}

// resolveRunScript asks node for @pulumi/pulumi/cmd/run as the program would see it, so the program and the
// runner share one copy of @pulumi/pulumi.
func resolveRunScript(programDir string) (string, error) {
	cmd := exec.Command("node", "-e", "process.stdout.write(require.resolve('@pulumi/pulumi/cmd/run'))")
	cmd.Dir = programDir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("cannot find @pulumi/pulumi from %s (run npm install there): %s", programDir, strings.TrimSpace(stderr.String()))
	}
	return string(out), nil
}

func (h *languageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	programDir := programDirectory(req)
	runScript, err := resolveRunScript(programDir)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	entryPoint := req.GetInfo().GetEntryPoint()
	if entryPoint == "" {
		entryPoint = req.GetProgram()
	}
	if entryPoint == "" {
		entryPoint = "."
	}
	h.mu.Lock()
	engineAddress := h.engineAddress
	h.mu.Unlock()

	args := []string{runScript,
		"--monitor=" + req.GetMonitorAddress(),
		"--project=" + req.GetProject(),
		"--stack=" + req.GetStack(),
		"--pwd=" + programDir,
		"--parallel=" + strconv.Itoa(int(req.GetParallel())),
	}
	if engineAddress != "" {
		args = append(args, "--engine="+engineAddress)
	}
	if req.GetOrganization() != "" {
		args = append(args, "--organization="+req.GetOrganization())
	}
	if root := req.GetInfo().GetRootDirectory(); root != "" {
		args = append(args, "--root-directory="+root)
	}
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	args = append(args, entryPoint)
	args = append(args, req.GetArgs()...)

	config, err := json.Marshal(req.GetConfig())
	if err != nil {
		return nil, err
	}
	secretKeys, err := json.Marshal(append([]string{}, req.GetConfigSecretKeys()...))
	if err != nil {
		return nil, err
	}
	typeScript := "true"
	if value, ok := runtimeOption(req, "typescript"); ok {
		typeScript = value
	}
	env := append(os.Environ(),
		"PULUMI_CONFIG="+string(config),
		"PULUMI_CONFIG_SECRET_KEYS="+string(secretKeys),
		"PULUMI_NODEJS_TYPESCRIPT="+typeScript,
	)
	if tsconfig, ok := runtimeOption(req, "tsconfig"); ok {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+filepath.Join(programDir, tsconfig))
	}

	nodeArgs := []string{}
	if extra, ok := runtimeOption(req, "nodeargs"); ok && extra != "" {
		nodeArgs = strings.Fields(extra)
	}
	cmd := exec.CommandContext(ctx, "node", append(nodeArgs, args...)...)
	cmd.Dir = programDir
	cmd.Env = env
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("failed to start node: %v", err)}, nil
	}
	h.mu.Lock()
	h.running[cmd] = struct{}{}
	h.mu.Unlock()
	err = cmd.Wait()
	h.mu.Lock()
	delete(h.running, cmd)
	h.mu.Unlock()

	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return &pulumirpc.RunResponse{}, nil
	case errors.As(err, &exitErr) && exitErr.ExitCode() == exitCodeAfterLoggedError:
		return &pulumirpc.RunResponse{Bail: true}, nil
	case errors.As(err, &exitErr):
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exitErr.ExitCode())}, nil
	default:
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("Program failed: %v", err)}, nil
	}
}

func main() {
	host := &languageHost{running: map[*exec.Cmd]struct{}{}}
	// The engine passes flags (-root, -tracing, -v, --logtostderr …) and then its own address.
	for _, arg := range os.Args[1:] {
		if !strings.HasPrefix(arg, "-") {
			host.engineAddress = arg
		}
	}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(server *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(server, host)
			return nil
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %v\n", err)
		os.Exit(1)
	}
	// The engine reads the port from our first line of stdout.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: %v\n", err)
		os.Exit(1)
	}
}
