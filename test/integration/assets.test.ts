import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check, create, diff, read, remove, update } from '../../provider/handlers';
import { forgetAllListings } from '../../provider/engine/listings';
import { getClient } from '../../provider/runtime';
import { getAsset } from '../../sdk/generated/lookups';
import { assetFile } from '../../sdk/assetFile';
import { checkTraffic } from '../support/conformance';
import { parseOfficialApi } from '../support/officialApi';
import { useEngineTest } from './emulatorEnv';
import { deleteRefusals } from '../../cli/drift/refusals';

/**
 * Assets with text and file items through the engine against the emulator: files compared by content, a file
 * replaced in the console caught at refresh, items added and removed by language, ZCC's refusal to delete an asset
 * a queue plays, and every request and answer in the official shapes.
 */
jest.setTimeout(60_000);

const { emulator, control, stub } = useEngineTest();
const dir = mkdtempSync(path.join(tmpdir(), 'zcc-assets-'));
const wav = (name: string, tone: number) => {
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVEfmt '), Buffer.alloc(64, tone)]));
  return assetFile(file);
};
const fileDownloads = async () =>
  ((await control('GET', '/requests')).entries as Array<{ path: string }>).filter((entry) => entry.path.startsWith('/file/')).length;

afterEach(async () => {
  const entries = ((await control('GET', '/requests')).entries as Array<{ path: string }>).filter((entry) => !entry.path.startsWith('/file/'));
  const report = checkTraffic(entries as never, parseOfficialApi());
  expect(report.unknownOperations).toEqual([]);
  expect(report.mismatches).toEqual([]);
});

describe('Asset', () => {
  it('uploads files and texts per language, compares files by content, and catches a file replaced in the console', async () => {
    const hello = wav('hello.wav', 1);
    const inputs = {
      name: 'Welcome prompt',
      type: 'audio',
      categoryId: 'asset_cat_general',
      items: [
        { language: 'en-US', file: hello },
        { language: 'es-US', content: 'Bienvenido', voice: 'Lupe' },
      ],
      defaultLanguage: 'es-US',
    };
    const asset = await create('Asset', (await check('Asset', {}, { ...inputs, ...stub })).inputs!);
    expect(asset.outs).toMatchObject({ name: 'Welcome prompt', items: inputs.items, defaultLanguage: 'es-US' });
    expect(Object.keys(asset.outs!.fileUrls)).toEqual(['en-US']);
    expect(await getAsset({ name: 'Welcome prompt' })).toMatchObject({ assetId: asset.id, type: 'audio' });

    // A refresh compares the recorded URL: nothing is downloaded, nothing differs.
    forgetAllListings();
    const fresh = (await read('Asset', asset.id, asset.outs!)).props!;
    expect(fresh.items).toEqual(inputs.items);
    expect(await fileDownloads()).toBe(0);
    expect((await diff('Asset', asset.id, fresh, { ...inputs, ...stub })).changes).toBe(false);

    // A new file for en-US in the console: the refresh downloads it, and its digest is the drift.
    const consoleBytes = Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVEfmt '), Buffer.alloc(64, 9)]);
    await getClient().http.request('PATCH', '/contact_center/asset_library/assets/items', {
      category: 'light',
      body: {
        items: [{ asset_id: asset.id, asset_item_language: 'en-US', upload_file_name: 'other.wav', upload_file_content: consoleBytes.toString('base64') }],
      },
    });
    forgetAllListings();
    const drifted = (await read('Asset', asset.id, fresh)).props!;
    expect((drifted.items as Array<{ file?: { sha256: string } }>)[0].file!.sha256).not.toBe(hello.sha256);
    expect(await fileDownloads()).toBe(1);
    expect((await diff('Asset', asset.id, drifted, { ...inputs, ...stub })).changes).toBe(true);

    // up puts the declared file back, renames, drops es-US and adds fr-FR: one PATCH, one item delete.
    await control('DELETE', '/requests');
    const next = {
      ...inputs,
      name: 'Welcome',
      items: [
        { language: 'en-US', file: hello },
        { language: 'fr-FR', content: 'Bienvenue', voice: 'Lea' },
      ],
      defaultLanguage: 'en-US',
    };
    const updated = await update('Asset', asset.id, drifted, { ...next, ...stub });
    const writes = ((await control('GET', '/requests')).entries as Array<{ method: string; path: string }>).filter((entry) => entry.method !== 'GET');
    expect(writes.map((entry) => `${entry.method} ${entry.path.replace(asset.id, '{id}')}`)).toEqual([
      'PATCH /v2/contact_center/asset_library/assets/{id}',
      'DELETE /v2/contact_center/asset_library/assets/{id}/items',
    ]);
    forgetAllListings();
    const after = (await read('Asset', asset.id, updated.outs!)).props!;
    expect(after).toMatchObject({ name: 'Welcome', items: next.items, defaultLanguage: 'en-US' });
    expect(await fileDownloads()).toBe(0);
  });

  it('refuses items that do not fit the type, and a delete ZCC refuses names what uses the asset', async () => {
    const wrong = await check('Asset', {}, { name: 'Hours text', type: 'text', items: [{ language: 'en-US', file: wav('x.wav', 2) }], ...stub });
    expect(wrong.failures?.map((failure) => failure.reason).join('\n')).toMatch(/a text item needs content[\s\S]*a text item is text \(content\), not a file/);
    const twice = await check(
      'Asset',
      {},
      {
        name: 'Twice',
        type: 'text',
        items: [
          { language: 'en-US', content: 'a' },
          { language: 'en-US', content: 'b' },
        ],
        ...stub,
      },
    );
    expect(twice.failures?.[0]?.reason).toMatch(/items has more than one item in en-US: one item per language/);
    const badDefault = await check(
      'Asset',
      {},
      { name: 'Hours text', type: 'text', items: [{ language: 'en-US', content: 'Open 9-5' }], defaultLanguage: 'de-DE', ...stub },
    );
    expect(badDefault.failures?.[0]?.reason).toMatch(/defaultLanguage must be the language of one of the items \(en-US\)/);

    const music = await create(
      'Asset',
      (await check('Asset', {}, { name: 'Hold music', type: 'audio', items: [{ language: 'en-US', file: wav('hold.wav', 3) }], ...stub })).inputs!,
    );
    const queue = await create('Queue', { name: 'Music queue', channel: 'voice', ...stub });
    await create(
      'QueueInterrupts',
      (await check('QueueInterrupts', {}, { queueId: queue.id, audioInterrupts: [{ audioAssetId: music.id, playAfterSeconds: 0, isLoop: true }], ...stub }))
        .inputs!,
    );
    // A flow made in the console (outside any stack) plays it too. Zoom documents no where-used list for assets: the
    // refusal names both from reading every flow version and every queue's interrupts, and so does drift's check.
    const flow = await getClient().importFlow(
      { flow_name: 'Console IVR', import_mode: 'new' },
      JSON.stringify({ studioType: 0, nodes: [{ id: 'hold', type: 'PlayAudio', assetId: music.id }] }),
    );
    await expect(remove('Asset', music.id, { ...music.outs!, ...stub })).rejects.toThrow(
      `Asset ${music.id} was not deleted: flow "Console IVR" (${flow.flow_id}), queue "Music queue" (${queue.id}) still use it. Point those flows and queues at another asset (a new flow version, their QueueInterrupts) in an earlier up, or keep this one.`,
    );
    const steps = [
      { op: 'delete', urn: 'urn:pulumi:e2e::p::pulumi-nodejs:dynamic/zcc:Asset::music', type: 'pulumi-nodejs:dynamic/zcc:Asset', old: { id: music.id } },
    ];
    await control('DELETE', '/requests');
    expect(await deleteRefusals(steps, getClient)).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(`flow "Console IVR" (${flow.flow_id}), queue "Music queue" (${queue.id}), outside the stack`),
      }),
    ]);
    expect((await control('GET', '/requests')).writes).toBe(0);
    await control('DELETE', `/objects/flows/${flow.flow_id}`);
    await remove('QueueInterrupts', queue.id, { queueId: queue.id, audioInterrupts: [], ...stub });
    expect(await deleteRefusals(steps, getClient)).toEqual([]);
    await remove('Asset', music.id, { ...music.outs!, ...stub });
    expect(await control('GET', '/objects/assets')).toEqual([]);
  });
});
