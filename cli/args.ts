/**
 * Command-line parsing for `zcc-pulumi`: `--flag value`, `--flag=value` and boolean `--switch`, checked against
 * what each subcommand declares so a typo fails with one line instead of being ignored.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface OptionSpec {
  /** Takes a value (`--out dir`), or is a switch (`--portable`). */
  value: boolean;
  description: string;
  /** Placeholder shown in help, e.g. `<dir>`. */
  placeholder?: string;
}

export type ParsedOptions = Record<string, string | boolean | undefined>;

export function parseOptions(command: string, argv: string[], specs: Record<string, OptionSpec>): ParsedOptions {
  const parsed: ParsedOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new UsageError(`zcc-pulumi ${command}: unexpected argument ${JSON.stringify(arg)}; see \`zcc-pulumi ${command} --help\`.`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const spec = specs[name];
    if (!spec)
      throw new UsageError(
        `zcc-pulumi ${command}: unknown option --${name}; it takes ${Object.keys(specs)
          .map((key) => `--${key}`)
          .join(', ')}.`,
      );
    if (!spec.value) {
      if (inline !== undefined) throw new UsageError(`zcc-pulumi ${command}: --${name} takes no value.`);
      parsed[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--')))
      throw new UsageError(`zcc-pulumi ${command}: --${name} needs a value ${spec.placeholder ?? ''}`.trimEnd() + '.');
    parsed[name] = value;
  }
  return parsed;
}

export function optionsHelp(specs: Record<string, OptionSpec>): string {
  const rows = Object.entries(specs).map(([name, spec]) => [`--${name}${spec.value ? ` ${spec.placeholder ?? '<value>'}` : ''}`, spec.description]);
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join('\n');
}
