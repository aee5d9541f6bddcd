#!/usr/bin/env node
import { optionsHelp, parseOptions, UsageError, type OptionSpec, type ParsedOptions } from './args';
import { printable } from '../provider/client/printable';

/**
 * `zcc-pulumi`: the package's command line. Each subcommand is loaded only when it runs, so `--help` and the
 * emulator start without loading Pulumi.
 */
interface Command {
  summary: string;
  /** A word the command requires first (`plugin install`). */
  subcommand?: string;
  usage: string;
  options: () => Record<string, OptionSpec>;
  run: (options: ParsedOptions) => Promise<number>;
}

const commands: Record<string, Command> = {
  export: {
    summary: 'Write a Pulumi program (TypeScript, YAML or Python) that adopts every object of a live contact center.',
    usage:
      'zcc-pulumi export --out <dir> [--language typescript|yaml|python] [--base-url <url>] [--portable] [--manage-deletes] [--package-spec <spec>] [--skip-unsupported]',
    options: () => require('./exportCommand').exportOptions,
    run: (options) => require('./exportCommand').runExport(options),
  },
  adopt: {
    summary: "Record an exported account in a stack with reads only, so the program's first preview plans no create.",
    usage: 'zcc-pulumi adopt [--stack <name>] [--cwd <dir>]',
    options: () => require('./adoptCommand').adoptOptions,
    run: (options) => require('./adoptCommand').runAdopt(options),
  },
  drift: {
    summary: 'Preview with refresh and report drift (changed in ZCC) apart from pending program changes; for CI.',
    usage: 'zcc-pulumi drift [--stack <name>] [--cwd <dir>] [--json <file>] [--markdown <file>] | zcc-pulumi drift --report <file> [--markdown <file>]',
    options: () => require('./driftCommand').driftOptions,
    run: (options) => require('./driftCommand').runDrift(options),
  },
  graph: {
    summary: "Print the stack's routing (flows, queues, routing profiles, skills, member counts) as a Mermaid flowchart.",
    usage: 'zcc-pulumi graph [--stack <name>] [--cwd <dir>] [--markdown] [--max-nodes <n>]',
    options: () => require('./graphCommand').graphOptions,
    run: (options) => require('./graphCommand').runGraph(options),
  },
  plugin: {
    summary: "Install the provider plugin pulumi-resource-zcc into Pulumi's plugin cache (for YAML, Python, Go and .NET programs).",
    subcommand: 'install',
    usage: 'zcc-pulumi plugin install [--pulumi <path>] [--reinstall]',
    options: () => require('./pluginCommand').pluginOptions,
    run: (options) => require('./pluginCommand').runPlugin(options),
  },
  emulator: {
    summary: 'Run a local ZCC emulator on 127.0.0.1 (no Zoom account needed).',
    usage: 'zcc-pulumi emulator [--port <port>] [--plan pro|business|unlimited] [--seed default|none] [--rate-limit <n>]',
    options: () => require('./emulatorCommand').emulatorOptions,
    run: (options) => require('./emulatorCommand').runEmulator(options),
  },
};

function mainHelp(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return [
    'zcc-pulumi: Zoom Contact Center configuration under Pulumi',
    '',
    'Usage: zcc-pulumi <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
    '',
    'Run `zcc-pulumi <command> --help` for its options. Exit codes: 0 success, 2 failure or bad usage; drift: 1 drift (with or without pending), 3 pending changes only, 4 up would fail (refused deletes, named).',
  ].join('\n');
}

function commandHelp(name: string, command: Command): string {
  return [
    `zcc-pulumi ${name}: ${command.summary}`,
    '',
    `Usage: ${command.usage}`,
    '',
    'Options:',
    optionsHelp({ ...command.options(), help: { value: false, description: 'Show this help.' } }),
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(mainHelp());
    return 0;
  }
  if (name === '--version') {
    console.log(require('./packageInfo').packageInfo().version);
    return 0;
  }
  const command = commands[name];
  if (!command)
    throw new UsageError(`zcc-pulumi: unknown command ${JSON.stringify(name)}; the commands are ${Object.keys(commands).join(', ')} (see zcc-pulumi --help).`);
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(commandHelp(name, command));
    return 0;
  }
  if (command.subcommand !== undefined) {
    if (rest[0] !== command.subcommand) throw new UsageError(`zcc-pulumi ${name}: the command is \`${command.usage}\`.`);
    rest.shift();
  }
  return command.run(parseOptions(name, rest, command.options()));
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // Never a stack: usage errors and failures the commands already worded for people. Messages quote account
      // data and server text, so every line is escaped once more for the terminal (bidi, C1 controls, separators).
      const message = error instanceof Error ? error.message : String(error);
      console.error(message.split('\n').map(printable).join('\n'));
      process.exitCode = 2;
    },
  );
}
