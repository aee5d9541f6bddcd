import { execFile, spawn, type ChildProcess } from 'node:child_process';

/** Helpers for tests that use the package as a user installs it: npm, npx and shell commands in a directory. */
export const run = (command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

export async function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const result = await run('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], cwd, env);
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${result.stdout}${result.stderr}`);
  return result;
}

/** Starts `npx zcc-pulumi emulator --port 0` and resolves with its base URL once it listens. */
export function startInstalledEmulator(cwd: string, extraArgs: string[] = []): Promise<{ child: ChildProcess; baseUrl: string; origin: string }> {
  const child = spawn('npx', ['--no-install', 'zcc-pulumi', 'emulator', '--port', '0', ...extraArgs], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/ZCC_BASE_URL=(http:\/\/127\.0\.0\.1:\d+)\/v2/);
      if (match) resolve({ child, baseUrl: `${match[1]}/v2`, origin: match[1] });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`npx zcc-pulumi emulator exited with ${code} before listening:\n${output}`)));
  });
}
