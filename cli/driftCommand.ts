import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EngineEvent } from '@pulumi/pulumi/automation';
import { UsageError, type OptionSpec, type ParsedOptions } from './args';
import { buildReport, masked, stepsOf, type DriftReport, type StepEvent } from './drift/report';
import { deleteRefusals } from './drift/refusals';
import { ZccClient } from '../provider/client/client';
import { resolveClientConfig } from '../provider/client/config';
import { parseReport } from './drift/reportFile';
import { renderMarkdown, renderText } from './drift/render';
import { renderGraph, routingFromEvents } from './drift/graph';
import { printable } from '../provider/client/printable';

export const driftOptions: Record<string, OptionSpec> = {
  stack: { value: true, placeholder: '<name>', description: 'Stack to check (default: PULUMI_STACK, else the selected stack).' },
  cwd: { value: true, placeholder: '<dir>', description: 'The Pulumi project directory (default: the current directory).' },
  json: { value: true, placeholder: '<file>', description: 'Also write the report as JSON (versioned shape, see docs/drift.md).' },
  markdown: { value: true, placeholder: '<file>', description: 'Also write the report as Markdown, for a PR comment or $GITHUB_STEP_SUMMARY.' },
  report: {
    value: true,
    placeholder: '<file>',
    description:
      'Run no preview: read a JSON report written by an earlier run (hostile: checked, counts recomputed, every value escaped) and print it, or write it with --markdown. For the job that comments on a pull request.',
  },
};

/**
 * Exit codes, for CI (documented in the help and docs/drift.md): a nightly drift job fails on 1 only, a pull
 * request job expects 3 (its own changes pending) and fails on 1 or 2.
 */
export const EXIT = { clean: 0, drift: 1, failed: 2, pendingOnly: 3, refused: 4 } as const;

/** The error lines of a failed preview, without the CLI's banner and resource table. */
function failureSummary(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const errorLines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^error:/i.test(line) || /^(Error|RunError|ZccApiError):/.test(line));
  const chosen =
    errorLines.length > 0
      ? errorLines
      : text
          .split('\n')
          .filter((line) => line.trim() !== '')
          .slice(0, 10);
  return [...new Set(chosen)].slice(0, 10).join('\n  ');
}

/**
 * `zcc-pulumi drift`: a preview with refresh (reads only; nothing is written to ZCC or to the stack's state),
 * reported from Pulumi's structured engine events, never from its human output.
 */
export async function runDrift(options: ParsedOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (typeof options.report === 'string') return fromReportFile(options.report, options);
  const workDir = path.resolve((options.cwd as string | undefined) ?? '.');
  const automation = require('@pulumi/pulumi/automation') as typeof import('@pulumi/pulumi/automation');
  let stackName = (options.stack as string | undefined) ?? env.PULUMI_STACK;
  const events: StepEvent[] = [];
  let stack: import('@pulumi/pulumi/automation').Stack;
  try {
    if (!stackName) {
      const workspace = await automation.LocalWorkspace.create({ workDir });
      stackName = (await workspace.stack())?.name;
      if (!stackName) throw new UsageError('zcc-pulumi drift: no stack is selected in this project; pass --stack <name> or set PULUMI_STACK.');
    }
    stack = await automation.LocalWorkspace.selectStack({ stackName, workDir });
    await stack.preview({
      refresh: true,
      onEvent: (event: EngineEvent) => {
        if (event.resOutputsEvent) events.push({ resOutputsEvent: event.resOutputsEvent as unknown as StepEvent['resOutputsEvent'] });
        if (event.diagnosticEvent) events.push({ diagnosticEvent: event.diagnosticEvent });
      },
    });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const summary = failureSummary(error).split('\n').map(printable).join('\n');
    console.error(`zcc-pulumi drift: the check itself failed (exit ${EXIT.failed}), so drift is unknown:\n  ${summary}`);
    return EXIT.failed;
  }
  // The routing travels in the JSON for --report: its values masked like the report's own.
  const routing = routingFromEvents(events).map((resource) => ({
    ...resource,
    inputs: masked(resource.inputs) as Record<string, unknown>,
    ...(resource.recorded ? { recorded: masked(resource.recorded) as Record<string, unknown> } : {}),
  }));
  const report: DriftReport = { ...buildReport(stackName, events), routing };
  // The client only when a delete needs a where-used read: credentials as the provider resolves them (stack config,
  // then ZOOM_*; ZCC_READ_ONLY refuses the stack's own), so a PR job reads with its read-only app.
  let client: Promise<ZccClient> | undefined;
  const connect = async () => {
    const config = Object.fromEntries(Object.entries(await stack.getAllConfig()).map(([key, item]) => [key, item.value]));
    return new ZccClient(resolveClientConfig((key) => config[key], env));
  };
  const refusals = await deleteRefusals(stepsOf(events), () => (client ??= connect()));
  return written(refusals.length > 0 ? { ...report, refusals } : report, options);
}

/** Prints the report, writes the files asked for, and answers the exit code its content calls for. */
function written(report: DriftReport, options: ParsedOptions): number {
  console.log(renderText(report));
  if (typeof options.json === 'string') writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
  if (typeof options.markdown === 'string') writeFileSync(options.markdown, renderMarkdown(report, renderGraph(report.routing ?? [], { report })));
  if (report.refusals?.length) return EXIT.refused;
  return report.drift.length > 0 ? EXIT.drift : report.pending.length > 0 ? EXIT.pendingOnly : EXIT.clean;
}

/** `--report <file>`: an earlier run's JSON, rendered by this (trusted) installation. */
function fromReportFile(file: string, options: ParsedOptions): number {
  let report: DriftReport;
  try {
    report = parseReport(readFileSync(file, 'utf8'), file);
  } catch (error) {
    console.error(`zcc-pulumi drift: ${printable((error as Error).message)}`);
    return EXIT.failed;
  }
  return written(report, options);
}
