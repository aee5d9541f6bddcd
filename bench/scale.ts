import { LocalWorkspace, PulumiCommand } from '@pulumi/pulumi/automation';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startEmulator, type Emulator } from '../emulator/server';
import { EmulatorControl } from '../emulator/control';
import { emulatorStackConfig, installPackage, pulumiEnv, requireCli } from '../scripts/pulumiProject';

/**
 * `make bench` scale run: the real Pulumi CLI against an emulator enforcing Zoom's Pro budget (Light 20/s, Medium
 * 10/s, Heavy 5/s; BENCH_PLAN=business doubles it). For each operation it prints wall time, API calls per object and two ratios measured in this
 * run: against the budget lower bound (each category's calls over its per-second budget; categories run in
 * parallel, so the largest) and against the no-refresh `preview` of the same stack (Pulumi's own cost). Timings
 * are noisy on shared machines; the ratios are what to compare. Checkpoints are written once per operation
 * (PULUMI_SKIP_CHECKPOINTS), which isolates this package's part from the file backend's (see docs/scale.md).
 *
 *   BENCH_SCALE="1000q 1000qc 1000 5000" node dist/bench/scale.js   (BENCH_OPS=preview-refresh,refresh,destroy: which to run after up and preview)
 * where `1000q` is 1,000 queues alone (`c`: with a checkpoint after every step; `p4`: --parallel 4) and a number
 * is a realistic mix of that many objects.
 */
const repoRoot = path.resolve(__dirname, '../..');
/** Zoom's per-second budgets by plan (BENCH_PLAN: pro, the default, or business). */
const BUDGETS: Record<string, Record<string, number>> = { pro: { light: 20, medium: 10, heavy: 5 }, business: { light: 40, medium: 20, heavy: 10 } };

type Declaration = { kind: string; name: string; args: Record<string, unknown> };

/** A centre of about `n` objects: queues with settings and a routing profile, each with 10 agents; skills in categories; profiles. */
function mix(n: number): Declaration[] {
  const categories = Math.max(2, Math.round(n / 50));
  const skills = Math.round(n / 5);
  const agentProfiles = Math.max(1, Math.round(n / 50));
  const consumerProfiles = Math.max(1, Math.round(n / 50));
  const queues = Math.floor((n - categories - skills - agentProfiles - consumerProfiles) / 2);
  const out: Declaration[] = [];
  for (let i = 0; i < categories; i++) out.push({ kind: 'SkillCategory', name: `cat${i}`, args: { name: `Category ${i}`, skillType: 'text' } });
  for (let i = 0; i < skills; i++)
    out.push({ kind: 'Skill', name: `skill${i}`, args: { name: `Skill ${i}`, skillCategoryId: { $ref: `cat${i % categories}.skillCategoryId` } } });
  for (let i = 0; i < agentProfiles; i++) {
    out.push({
      kind: 'AgentRoutingProfile',
      name: `ap${i}`,
      args: {
        name: `Agents ${i}`,
        waitTimeAgentInSeconds: 60,
        priorities: [{ categoryType: 'skill', skillCategoryId: { $ref: `cat${i % categories}.skillCategoryId` } }],
      },
    });
  }
  for (let i = 0; i < consumerProfiles; i++)
    out.push({
      kind: 'ConsumerRoutingProfile',
      name: `cp${i}`,
      args: { name: `Callers ${i}`, accumulatedPriorities: [{ attributeType: 'entrance_to_queue', incrementalRate: 1 }] },
    });
  for (let i = 0; i < queues; i++) {
    out.push({
      kind: 'Queue',
      name: `q${i}`,
      args: {
        name: `Queue ${i}`,
        channel: 'voice',
        maxWaitTime: 300,
        wrapUpTime: 30,
        serviceLevelTargetInPercentage: 80,
        agentRoutingProfileId: { $ref: `ap${i % agentProfiles}.agentRoutingProfileId` },
      },
    });
    const agents = Array.from({ length: 10 }, (_, k) => `agent_${String(((i + k) % 60) + 1).padStart(3, '0')}`);
    out.push({ kind: 'QueueMembers', name: `m${i}`, args: { queueId: { $ref: `q${i}.queueId` }, userIds: agents } });
  }
  return out;
}

const queuesOnly = (n: number): Declaration[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'Queue', name: `q${i}`, args: { name: `Queue ${i}`, channel: 'voice' } }));

/** Peak resident memory of the dynamic provider processes working in `dir`, polled while an operation runs. */
function rssWatcher(dir: string) {
  let peak = 0;
  const poll = () => {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (readlinkSync(`/proc/${entry}/cwd`) !== dir) continue;
        if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('dynamic-provider')) continue;
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
        if (match) peak = Math.max(peak, Number(match[1]) * 1024);
      } catch {
        // The process ended between listing and reading.
      }
    }
  };
  const timer = setInterval(poll, 250);
  return { stop: () => (clearInterval(timer), poll(), peak) };
}

interface Measured {
  op: string;
  seconds: number;
  calls: number;
  bound: number;
  rss: number;
  /** Seconds from the operation's start to its first API call, and from its last API call to its end. */
  lead: number;
  tail: number;
  /** Seconds from the first API call to the last. */
  span: number;
  throttled: number;
  /** Writes (calls other than GET and the token call): what the operation needs at the least. */
  writes: number;
  /** GETs of a collection's list (listings, preexisting snapshots, stamp walks). */
  listReads: number;
}

async function measure(control: EmulatorControl, dir: string, op: string, rates: Record<string, number>, run: () => Promise<unknown>): Promise<Measured> {
  await control.clearRequests();
  const rss = rssWatcher(dir);
  const started = Date.now();
  await run();
  const seconds = (Date.now() - started) / 1000;
  const peak = rss.stop();
  const log = await control.requests();
  const byCategory: Record<string, number> = {};
  for (const entry of log.entries) if (entry.category) byCategory[entry.category] = (byCategory[entry.category] ?? 0) + 1;
  const bound = Math.max(0, ...Object.entries(byCategory).map(([category, calls]) => calls / rates[category]));
  // Where the time went: Pulumi's start-up before the first call, the calls themselves, Pulumi's finish after.
  const times = log.entries.map((entry) => Date.parse(entry.at));
  const first = times.length ? Math.min(...times) : started;
  const last = times.length ? Math.max(...times) : started;
  const ended = started + seconds * 1000;
  const throttled = log.entries.filter((entry) => entry.status === 429).length;
  if (process.env.BENCH_TIMELINE) {
    // Calls per category in each 5-second slice of the operation, to see which budget idles when.
    const slices: Record<string, number[]> = {};
    for (const entry of log.entries) {
      const slice = Math.floor((Date.parse(entry.at) - started) / 5000);
      const key = `${entry.category ?? 'token'} ${entry.route.split(' ')[0]}`;
      (slices[key] ??= [])[slice] = ((slices[key] ?? [])[slice] ?? 0) + 1;
    }
    for (const [key, counts] of Object.entries(slices))
      console.log(`    ${op} ${key.padEnd(14)} ${Array.from(counts, (n) => String(n ?? 0).padStart(4)).join('')}`);
  }
  return {
    op,
    seconds,
    calls: log.total,
    bound,
    rss: peak,
    lead: (first - started) / 1000,
    tail: (ended - last) / 1000,
    span: (last - first) / 1000,
    throttled,
    writes: log.entries.filter((entry) => entry.method !== 'GET' && !entry.route.includes('/oauth/')).length,
    listReads: log.entries.filter((entry) => entry.method === 'GET' && /^GET \/v2\/contact_center\/[a-z_]+$/.test(entry.route)).length,
  };
}

interface Variant {
  /** Write checkpoints after every step, as Pulumi does by default (the file backend rewrites the whole state). */
  checkpoints: boolean;
  /** `--parallel`; Pulumi's default when undefined. */
  parallel?: number;
}

async function scenario(label: string, declarations: Declaration[], variant: Variant): Promise<void> {
  const objects = declarations.length;
  const plan = process.env.BENCH_PLAN === 'business' ? 'business' : 'pro';
  const rates = BUDGETS[plan];
  const emulator: Emulator = await startEmulator({ plan });
  const control = new EmulatorControl(emulator.origin);
  const work = path.join(repoRoot, '.bench-work');
  mkdirSync(work, { recursive: true });
  const dir = mkdtempSync(path.join(work, 'scale-'));
  try {
    cpSync(path.join(repoRoot, 'test/e2e/fixtures/program'), dir, { recursive: true });
    installPackage(repoRoot, dir);
    const pulumiCommand = await PulumiCommand.get({ root: path.join(repoRoot, '.tools'), skipVersionCheck: true });
    const envVars: Record<string, string> = pulumiEnv(repoRoot, dir);
    if (!variant.checkpoints) envVars.PULUMI_SKIP_CHECKPOINTS = 'true';
    const parallel = variant.parallel !== undefined ? { parallel: variant.parallel } : {};
    const stack = await LocalWorkspace.createOrSelectStack({ stackName: 'bench', workDir: dir }, { envVars, pulumiCommand });
    await stack.setAllConfig({ ...emulatorStackConfig(emulator), 'zcc:plan': { value: plan } });
    writeFileSync(path.join(dir, 'resources.json'), JSON.stringify(declarations));
    await stack.setConfig('fixture:resourcesFile', { value: path.join(dir, 'resources.json') });
    const how = `${variant.checkpoints ? 'checkpoint after every step' : 'PULUMI_SKIP_CHECKPOINTS'}${variant.parallel !== undefined ? `, --parallel ${variant.parallel}` : ''}, ${plan} budget`;
    console.log(`\n${label}: ${objects} objects (${summary(declarations)}); ${how}`);
    console.log(
      `  ${'operation'.padEnd(34)} ${'wall'.padStart(8)} ${'calls/obj'.padStart(9)} ${'budget bound'.padStart(12)} ${'×bound'.padStart(7)} ${'×preview'.padStart(8)} ${'provider RSS'.padStart(12)}`,
    );
    // Rows are printed as operations finish (a 5,000-object run takes a while); `up` waits for the preview it is compared with.
    let preview = 0;
    const print = (result: Measured) => {
      const ratioBound = result.bound > 0 ? (result.seconds / result.bound).toFixed(2) : '-';
      const engine = Math.max(result.bound, preview);
      console.log(
        `  ${result.op.padEnd(34)} ${result.seconds.toFixed(1).padStart(7)}s ${(result.calls / objects).toFixed(3).padStart(9)} ${result.bound.toFixed(1).padStart(11)}s ${ratioBound.padStart(7)} ${(result.seconds / preview).toFixed(2).padStart(8)} ${`${(result.rss / 2 ** 20).toFixed(0)} MB`.padStart(12)}   ×max(bound, preview) ${(result.seconds / engine).toFixed(2)}; ` +
          `${result.writes > 0 ? `calls/writes ${(result.calls / result.writes).toFixed(3)} (${result.writes} writes, ${result.listReads} list pages), ` : ''}calls from ${result.lead.toFixed(1)} s to ${(result.seconds - result.tail).toFixed(1)} s (span ${result.span.toFixed(1)} s${result.bound > 0 ? `, ${(result.span / result.bound).toFixed(2)}× bound` : ''}), ${result.throttled} answered 429`,
      );
    };
    const up = await measure(control, dir, 'up', rates, () => stack.up(parallel));
    const previewed = await measure(control, dir, 'preview', rates, () => stack.preview());
    preview = previewed.seconds;
    print(up);
    print(previewed);
    // BENCH_OPS (e.g. "refresh"): only those after up and preview; the emulator and the stack are thrown away either way.
    const wanted = (op: string) => !process.env.BENCH_OPS || process.env.BENCH_OPS.split(',').includes(op);
    if (wanted('preview-refresh')) print(await measure(control, dir, 'preview --refresh', rates, () => stack.preview({ refresh: true })));
    if (wanted('refresh')) print(await measure(control, dir, 'refresh', rates, () => stack.refresh(parallel)));
    if (wanted('refresh')) print(await measure(control, dir, 'preview --refresh (after refresh)', rates, () => stack.preview({ refresh: true })));
    if (wanted('destroy')) print(await measure(control, dir, 'destroy', rates, () => stack.destroy(parallel)));
  } finally {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function summary(declarations: Declaration[]): string {
  const counts: Record<string, number> = {};
  for (const declaration of declarations) counts[declaration.kind] = (counts[declaration.kind] ?? 0) + 1;
  return Object.entries(counts)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ');
}

async function main() {
  requireCli(repoRoot);
  // <n> a mix of n objects; <n>q n queues alone; suffix c: with checkpoints; suffix p<k>: --parallel k.
  for (const spec of (process.env.BENCH_SCALE ?? '1000q 1000').split(/\s+/).filter(Boolean)) {
    const match = /^(\d+)(q?)(c?)(?:p(\d+))?$/.exec(spec);
    if (!match) throw new Error(`BENCH_SCALE: cannot read ${JSON.stringify(spec)}; use e.g. 1000q, 1000qc, 1000qp4 or 5000`);
    const n = Number(match[1]);
    const variant = { checkpoints: match[3] === 'c', parallel: match[4] !== undefined ? Number(match[4]) : undefined };
    await scenario(match[2] ? `${n} queues` : `mix of ${n}`, match[2] ? queuesOnly(n) : mix(n), variant);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
