import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expectNoChanges, outputCollector, useProject } from './harness';

jest.setTimeout(10 * 60_000);

type Row = Record<string, any>;

/**
 * An audio asset read from the program's directory and a queue's interrupts playing it, on the real Pulumi CLI:
 * the provider uploads the file the program hashed, an empty preview, a file replaced in the console caught at
 * refresh (by content) and put back, a changed file re-uploaded, the interrupts removed (the preview says what the queue loses)
 * and destroy.
 */
describe('Asset files and QueueInterrupts on the real Pulumi CLI', () => {
  const current = useProject('program');
  const quiet = () => ({ onOutput: outputCollector().onOutput });
  const wav = (tone: number) => Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVEfmt '), Buffer.alloc(48, tone)]);
  const put = (file: string, bytes: Buffer) => {
    mkdirSync(path.join(current().dir, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(current().dir, file), bytes);
  };
  const declaration = (withInterrupts = true) => [
    {
      kind: 'Asset',
      name: 'hold-music',
      args: {
        name: 'Hold music',
        type: 'audio',
        categoryId: 'asset_cat_general',
        items: [
          { language: 'en-US', file: { $assetFile: 'assets/hold-en.wav' } },
          { language: 'de-DE', content: 'Bitte warten', voice: 'Vicki' },
        ],
        defaultLanguage: 'en-US',
      },
    },
    { kind: 'Queue', name: 'waiting', args: { name: 'Waiting queue', channel: 'voice' } },
    ...(withInterrupts
      ? [
          {
            kind: 'QueueInterrupts',
            name: 'waiting-interrupts',
            args: {
              queueId: { $ref: 'waiting.queueId' },
              audioInterrupts: [{ audioAssetId: { $ref: 'hold-music.assetId' }, playAfterSeconds: 0, isLoop: true, loopInterval: 30 }],
            },
          },
        ]
      : []),
  ];

  it('uploads → empty preview → console file caught and restored → new file → interrupts removed → destroy', async () => {
    const { stack, control } = current();
    put('assets/hold-en.wav', wav(1));
    await current().declare(declaration());
    expect((await stack.up(quiet())).summary.resourceChanges).toEqual({ create: 4 });
    const [asset] = (await control('GET', '/objects/assets')) as Row[];
    const firstDigest = asset.items.find((item: Row) => item.asset_item_language === 'en-US')._file_sha256;
    expect(firstDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(await control('GET', '/objects/queue_interrupts')).toEqual({
      [(await control('GET', '/objects/queues')).find((row: Row) => row.queue_name === 'Waiting queue').queue_id]: {
        audio_interrupts: [{ audio_asset_id: asset.asset_id, play_after_seconds: 0, is_loop: true, loop_interval: 30 }],
      },
    });
    await expectNoChanges(stack);

    // Someone uploads another file in the console: the refresh downloads it, and its digest is the drift.
    await control('DELETE', '/requests');
    const token = (await (
      await fetch(`${current().emulator.origin}/oauth/token?grant_type=account_credentials&account_id=${current().emulator.options.accountId}`, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${Buffer.from(`${current().emulator.options.clientId}:${current().emulator.options.clientSecret}`).toString('base64')}`,
        },
      })
    ).json()) as { access_token: string };
    const answer = await fetch(`${current().emulator.baseUrl}/contact_center/asset_library/assets/items`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token.access_token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ items: [{ asset_id: asset.asset_id, asset_item_language: 'en-US', upload_file_content: wav(7).toString('base64') }] }),
    });
    expect(answer.status).toBe(200);
    const drift = outputCollector();
    await expect(stack.preview({ refresh: true, expectNoChanges: true, diff: true, onOutput: drift.onOutput })).rejects.toThrow();
    expect(drift.text()).toContain('sha256');
    expect(
      (await control('GET', '/requests')).entries.filter(
        (entry: Row) => entry.method !== 'GET' && entry.path !== '/oauth/token' && !entry.path.endsWith('/assets/items'),
      ),
    ).toEqual([]);
    await stack.up({ refresh: true, ...quiet() });
    const restored = ((await control('GET', '/objects/assets')) as Row[])[0].items.find((item: Row) => item.asset_item_language === 'en-US');
    expect(restored._file_sha256).toBe(firstDigest);
    await expectNoChanges(stack);

    // A new file in the program: one update, uploaded from the program's directory.
    put('assets/hold-en.wav', wav(2));
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ update: 1 });
    expect(((await control('GET', '/objects/assets')) as Row[])[0].items.find((item: Row) => item.asset_item_language === 'en-US')._file_sha256).not.toBe(
      firstDigest,
    );
    await expectNoChanges(stack);

    // Removing the interrupts leaves the queue without audio (the preview says so).
    await current().declare(declaration(false));
    const removal = outputCollector();
    await stack.preview({ diff: true, onOutput: removal.onOutput });
    expect(removal.text()).toContain('the queue plays no interrupt audio any more');
    expect((await stack.up(quiet())).summary.resourceChanges).toMatchObject({ delete: 1 });
    await expectNoChanges(stack);

    await stack.destroy(quiet());
    expect(await control('GET', '/objects/assets')).toEqual([]);
  });
});
