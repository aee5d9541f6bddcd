import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { control, useEmulatorEnv } from './emulatorEnv';
import { runExport } from '../../cli/exportCommand';
import { resetRuntime } from '../../provider/runtime';
import { foldKey } from '../../cli/export/naming';

jest.setTimeout(60_000);

/**
 * `zcc-pulumi export` against an account whose names and timing are hostile (each case from the security review):
 * what it writes, where, and what it refuses. Every value here could be typed by any console admin.
 */
const emulator = useEmulatorEnv({ plan: 'unlimited' });
const work = mkdtempSync(path.join(os.tmpdir(), 'zcc-export-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const exportTo = (out: string, ...flags: string[]) => {
  resetRuntime();
  const options: Record<string, string | boolean> = { out, 'base-url': emulator().baseUrl };
  for (const flag of flags) options[flag] = true;
  return runExport(options);
};
/** Runs `run` with the console captured: what export prints goes to `printed`. */
const printed: string[] = [];
const quietly = async <T>(run: () => Promise<T>): Promise<T> => {
  printed.length = 0;
  const capture = (line: unknown) => void printed.push(String(line));
  const spies = [jest.spyOn(console, 'log').mockImplementation(capture), jest.spyOn(console, 'error').mockImplementation(capture)];
  try {
    return await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
};

describe('export with hostile account data', () => {
  beforeEach(() => control(emulator(), 'POST', '/reset'));

  it('--out replaced by a link while the account is read: the rename fails, nothing is written through the link', async () => {
    const out = path.join(work, 'raced');
    const elsewhere = path.join(work, 'elsewhere');
    mkdirSync(out);
    mkdirSync(elsewhere);
    // The account read takes over a second; the link goes in after 300 ms.
    await control(emulator(), 'POST', '/faults', { method: 'GET', path: 'skills/categories$', action: 'delay', delayMs: 1_500, times: 1 });
    setTimeout(() => {
      rmSync(out, { recursive: true });
      symlinkSync(elsewhere, out);
    }, 300);
    const error = await quietly(() => exportTo(out)).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/changed while the account was read \((ENOTDIR|EEXIST|ENOTEMPTY)\), so nothing was written there; the project is in/);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    const staged = /the project is in "([^"]+)"/.exec(error!.message)![1];
    expect(readdirSync(staged).sort()).toEqual(['Pulumi.yaml', 'flows', 'index.ts', 'package.json', 'tsconfig.json']);
  });

  it('a link put inside an empty --out meanwhile is never followed', async () => {
    const out = path.join(work, 'planted');
    const victim = path.join(work, 'victim.json');
    mkdirSync(out);
    await control(emulator(), 'POST', '/faults', { method: 'GET', path: 'skills/categories$', action: 'delay', delayMs: 1_000, times: 1 });
    setTimeout(() => symlinkSync(victim, path.join(out, 'package.json')), 300);
    await expect(quietly(() => exportTo(out))).rejects.toThrow(/changed while the account was read/);
    expect(existsSync(victim)).toBe(false);
  });

  it('long CJK names, case-folding twins and Windows device names become distinct, short, safe files', async () => {
    const renames: Record<string, string> = {
      flow_seed_voice: '客户服务热线'.repeat(15), // 90 characters, 270 bytes: within Zoom's 128-character limit
      flow_seed_messaging: 'ΑΣ',
      flow_seed_video: 'ασ',
      flow_seed_email: 'CON',
    };
    for (const [id, name] of Object.entries(renames)) await control(emulator(), 'PATCH', `/objects/flows/${id}`, { flow_name: name });
    const out = path.join(work, 'names');
    expect(await quietly(() => exportTo(out))).toBe(0);
    const files = readdirSync(path.join(out, 'flows'));
    expect(files).toHaveLength(5);
    for (const file of files) expect(Buffer.byteLength(file)).toBeLessThanOrEqual(255);
    expect(new Set(files.map(foldKey)).size).toBe(5);
    expect(files).toEqual(expect.arrayContaining(['ας.json', 'ασ-2.json', 'con-file.json']));
    expect(existsSync(path.join(out, 'package.json'))).toBe(true);
  });

  it('an object the SDK cannot declare fails the export listing it, escaped; --skip-unsupported exports the rest and lists it', async () => {
    await control(emulator(), 'PATCH', '/objects/flows/flow_seed_voice', { flow_name: 'Bad\u0007\u202ename' });
    const out = path.join(work, 'unsupported');
    const error = await quietly(() => exportTo(out)).then(
      () => undefined,
      (e: Error) => e,
    );
    // The flow, and the entry points that hang on it.
    expect(error?.message).toContain('2 object(s) cannot be declared');
    expect(error?.message).toContain('Flow "Bad\\u0007\\u202ename" ("flow_seed_voice")');
    expect(error?.message).toContain('FlowEntryPoints "Bad\\u0007\\u202ename" ("flow_seed_voice"): its Flow (flow_seed_voice) cannot be declared, see above');
    expect(error?.message).toContain('--skip-unsupported');
    expect(existsSync(out)).toBe(false);

    expect(await quietly(() => exportTo(out, 'skip-unsupported'))).toBe(0);
    expect(printed).toContain("Skipped 2 object(s) that this package's resources cannot declare (--skip-unsupported):");
    expect(printed.join('\n')).toContain('  - Flow "Bad\\u0007\\u202ename" ("flow_seed_voice"): name');
    const program = readFileSync(path.join(out, 'index.ts'), 'utf8');
    expect(program).not.toContain('flow_seed_voice');
    expect(program).toContain('flow_seed_video');
  });
});

describe('export of data that meets an assumption of the package', () => {
  beforeEach(() => control(emulator(), 'POST', '/reset'));

  it('business hours with ranges on an all-day day (API-accepted) export as they are, with a warning', async () => {
    // custom_hour_type 1 (assumed: open all day) with ranges, as the API accepts and Zoom keeps.
    await control(emulator(), 'PATCH', '/objects/business_hours/bh_default', {
      hours: { hour_type: 2, custom_hours: [{ day_of_week: 2, custom_hour_type: 1, custom_hour_ranges: [{ start_time: '09:00', end_time: '17:00' }] }] },
    });
    const out = path.join(work, 'assumption');
    expect(await quietly(() => exportTo(out))).toBe(0);
    expect(printed.filter((line) => line.startsWith('warning: '))).toEqual([
      'warning: BusinessHours "Default business hours" ("bh_default"): monday has customHourRanges with customHourType "allDay": kept as declared, but this package assumes custom_hour_type 1 means open all day, so Zoom may ignore the ranges. Use customHourType "hours" to open only during them.',
    ]);
    const program = readFileSync(path.join(out, 'index.ts'), 'utf8');
    expect(program).toMatch(/customHourType: "allDay",\s*customHourRanges: \[\s*\{\s*startTime: "09:00",\s*endTime: "17:00"/);
  });
});

describe('export credentials', () => {
  it('a refused secret names the environment variables export reads, not stack config', async () => {
    const saved = process.env.ZOOM_CLIENT_SECRET;
    process.env.ZOOM_CLIENT_SECRET = 'wrong-secret';
    try {
      await expect(quietly(() => exportTo(path.join(work, 'refused')))).rejects.toThrow(
        /Zoom refused the Server-to-Server OAuth credentials \(Invalid client_id or client_secret\)\. Check ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET\./,
      );
    } finally {
      process.env.ZOOM_CLIENT_SECRET = saved;
    }
  });
});

describe('zcc-pulumi emulator --seed none', () => {
  it('starts an empty account; the default seed is what the README lists', async () => {
    const { startEmulator } = await import('../../emulator/server');
    const empty = await startEmulator({ seed: { none: true } });
    const seeded = await startEmulator();
    try {
      const { EmulatorControl } = await import('../../emulator/control');
      const count = async (origin: string, collection: string) => (await new EmulatorControl(origin).objects(collection)).length;
      expect(await Promise.all(['users', 'skill_categories', 'flows', 'engagements'].map((c) => count(empty.origin, c)))).toEqual([0, 0, 0, 0]);
      expect(await Promise.all(['users', 'skill_categories', 'flows', 'engagements'].map((c) => count(seeded.origin, c)))).toEqual([60, 2, 5, 60]);
    } finally {
      await Promise.all([empty.close(), seeded.close()]);
    }
  });
});
