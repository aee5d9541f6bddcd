import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { LIGHT_WRITES, objectPath, type Collection } from '../client/endpoints';
import { isAmbiguous, unlessNotFound, ZccApiError } from '../client/errors';
import type { ZccClient } from '../client/client';
import { sameValue } from '../engine/compare';
import { defineSpec, type ObjectStore, type Props } from '../engine/spec';
import { LANGUAGE_CODES, multilineText, oneOf, text, zoomId } from './fields';
import { assetUsers } from './assetUsers';

/**
 * The asset library's assets (`/contact_center/asset_library/assets`): prompts, texts, images, videos, slides and
 * saved replies, one item per language. The endpoint and API shapes live here, beside the spec.
 *
 * A file item is declared as `zcc.assetFile(path)`: the path (relative to the program's directory) and the file's
 * SHA-256, read when the program runs, so a changed file is a diff and state never holds the bytes. Zoom answers a
 * file only as a URL; the URL each item was last read with is recorded (`fileUrls`), and a refresh that finds
 * another one downloads the file and compares its digest: a file replaced in the console shows as drift, and one
 * replaced by the same bytes does not. Adoption and export download each file once.
 *
 * Assumptions (the document is silent; docs/resources.md says them): `upload_file` is the file's bytes in base64;
 * one item per language; a PATCH's `asset_items` changes the items it names by `asset_item_id`, adds those without,
 * and keeps the rest, which `DELETE …/items` removes.
 */
const TYPES = ['audio', 'image', 'slides', 'text', 'video', 'saved_reply'] as const;
const FILE_TYPES = new Set(['audio', 'image', 'slides', 'video']);
const TEXT_TYPES = new Set(['text', 'saved_reply']);
/** The largest file read or downloaded (Zoom's limit is not documented; prompts are far smaller). */
export const MAX_ASSET_FILE_BYTES = 16 * 1024 * 1024;

const zoomItem = z.object({
  asset_item_id: z.string().optional(),
  asset_item_name: z.string().optional(),
  asset_item_language: z.string().optional(),
  is_default: z.boolean().optional(),
  asset_item_content: z.string().optional(),
  asset_item_file_url: z.string().optional(),
  asset_item_voice: z.string().optional(),
});
export const assetSchema = z.object({
  asset_id: z.string(),
  asset_name: z.string().optional(),
  asset_description: z.string().optional(),
  asset_type: z.enum([...TYPES, 'script']).optional(),
  asset_category_id: z.string().optional(),
  category_id: z.string().optional(),
  asset_language_code: z.string().optional(),
  asset_items: z.array(zoomItem).optional(),
  archived: z.boolean().optional(),
  modified_by: z.string().optional(),
  last_modified_time: z.string().optional(),
});
type ZoomAsset = z.infer<typeof assetSchema>;
type ZoomItem = z.infer<typeof zoomItem>;

export const assetsEndpoint: Collection<ZoomAsset> = {
  path: '/contact_center/asset_library/assets',
  objectId: 'assetId',
  listKey: 'assets',
  item: assetSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};

/** An item as the engine holds it (the inputs' snake_case form); the store translates to Zoom's `asset_item_*`. */
interface Item {
  language: string;
  name?: string;
  content?: string;
  voice?: string;
  file?: { path: string; sha256: string };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The declared file's bytes, read from the program's directory and checked against the digest the program saw. */
function fileBytes(file: { path: string; sha256: string }, asset: string, language: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(file.path));
  } catch (error) {
    throw new Error(`Asset ${JSON.stringify(asset)} (${language}): cannot read ${JSON.stringify(file.path)} in ${process.cwd()}: ${(error as Error).message}`);
  }
  if (sha256(bytes) !== file.sha256)
    throw new Error(
      `Asset ${JSON.stringify(asset)} (${language}): ${JSON.stringify(file.path)} changed after the program read it (SHA-256 ${sha256(bytes)}, the program saw ${file.sha256}); run again.`,
    );
  return bytes;
}

/** One declared item in Zoom's create/PATCH shape. */
function toZoom(item: Item, asset: string, id?: string, sameFile = false): Props {
  return {
    ...(id ? { asset_item_id: id } : {}),
    asset_item_language: item.language,
    ...(item.name !== undefined ? { asset_item_name: item.name } : {}),
    ...(item.content !== undefined ? { asset_item_content: item.content } : {}),
    ...(item.voice !== undefined ? { asset_item_voice: item.voice } : {}),
    ...(item.file && !sameFile ? { upload_file: fileBytes(item.file, asset, item.language).toString('base64') } : {}),
  };
}

/** Each file item's URL, by language. */
const fileUrlsOf = (asset: ZoomAsset): Record<string, string> =>
  Object.fromEntries(
    (asset.asset_items ?? []).filter((item) => item.asset_item_file_url).map((item) => [item.asset_item_language ?? 'en-US', item.asset_item_file_url!]),
  );

const itemsOf = (api: Props) => (api.asset_items as Item[] | undefined) ?? [];

/**
 * Files downloaded in this process, by URL (a URL names one upload: new bytes get a new URL), so that an export,
 * which hashes each file when it reads the asset and then writes it, downloads it once. Bounded in bytes.
 */
const downloads = new Map<string, Buffer>();
let downloadedBytes = 0;
const MAX_CACHED_BYTES = 64 * 1024 * 1024;
async function downloaded(client: ZccClient, url: string): Promise<Buffer> {
  const cached = downloads.get(url);
  if (cached) return cached;
  const bytes = await client.downloadFile(url, MAX_ASSET_FILE_BYTES);
  downloads.set(url, bytes);
  downloadedBytes += bytes.length;
  for (const [key, value] of downloads) {
    if (downloadedBytes <= MAX_CACHED_BYTES) break;
    downloads.delete(key);
    downloadedBytes -= value.length;
  }
  return bytes;
}

/** A file name extension from the first bytes (Zoom answers no file name or type): what export names the file. */
function extensionOf(bytes: Buffer): string {
  const head = bytes.subarray(0, 12).toString('latin1');
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WAVE') return '.wav';
  if (head.startsWith('ID3') || (bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0)) return '.mp3';
  if (head.startsWith('\x89PNG')) return '.png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return '.jpg';
  if (head.startsWith('GIF8')) return '.gif';
  if (head.startsWith('%PDF')) return '.pdf';
  if (head.slice(4, 8) === 'ftyp') return '.mp4';
  if (head.startsWith('PK')) return '.pptx';
  return '.bin';
}

function assetStore(): ObjectStore {
  /**
   * The asset in the engine's shape. A file's digest comes from what was declared when the URL is the one recorded
   * with it; otherwise (a console upload, adoption, export) the file is downloaded and hashed.
   */
  const fromZoom = async (client: ZccClient, asset: ZoomAsset, previous?: Props, recorded?: Props): Promise<Props> => {
    const declared = new Map(itemsOf(previous ?? {}).map((item) => [item.language, item]));
    const urls = (recorded?.fileUrls ?? {}) as Record<string, string>;
    const zoomItems = asset.asset_items ?? [];
    const items = await Promise.all(
      zoomItems.map(async (zoom: ZoomItem): Promise<Item> => {
        const language = zoom.asset_item_language ?? 'en-US';
        const mine = declared.get(language);
        const item: Item = { language };
        if (zoom.asset_item_name !== undefined && zoom.asset_item_name !== '') item.name = zoom.asset_item_name;
        if (zoom.asset_item_content !== undefined) item.content = zoom.asset_item_content;
        if (zoom.asset_item_voice !== undefined && zoom.asset_item_voice !== '') item.voice = zoom.asset_item_voice;
        const url = zoom.asset_item_file_url;
        if (url) {
          const known = mine?.file && urls[language] === url ? mine.file.sha256 : undefined;
          item.file = { path: mine?.file?.path ?? '', sha256: known ?? sha256(await downloaded(client, url)) };
        }
        return item;
      }),
    );
    const chosen = zoomItems.find((item) => item.is_default)?.asset_item_language;
    return {
      asset_id: asset.asset_id,
      asset_name: asset.asset_name,
      asset_description: asset.asset_description ?? '',
      asset_type: asset.asset_type,
      ...((asset.category_id ?? asset.asset_category_id) ? { category_id: asset.category_id ?? asset.asset_category_id } : {}),
      asset_items: items,
      ...(chosen ? { default_language: chosen } : {}),
      file_urls: fileUrlsOf(asset),
      last_modified_time: asset.last_modified_time,
    };
  };
  const getZoom = (client: ZccClient, id: string) => unlessNotFound(() => client.getOne(assetsEndpoint, [id]));

  return {
    list: (client) => client.listOf(assetsEndpoint) as Promise<Props[]>,
    pages: (client, from) => client.pagesOf(assetsEndpoint, [], from) as AsyncIterable<{ items: Props[]; token: string }>,
    create: async (client, body) => {
      const name = String(body.asset_name);
      const items = itemsOf(body).map((item) => ({ ...toZoom(item, name), ...(item.language === body.default_language ? { is_default: true } : {}) }));
      const { asset_items: _items, default_language: _default, ...rest } = body;
      const created = await client.createIn(assetsEndpoint, { ...rest, asset_items: items });
      // The files it answers are the ones just uploaded: their digests are the declared ones, nothing to download.
      return fromZoom(client, created, body, { fileUrls: fileUrlsOf(created) });
    },
    get: async (client, id, previous, recorded) => {
      const asset = await getZoom(client, id);
      return asset && fromZoom(client, asset, previous, recorded);
    },
    // Items are matched by language with the asset as it is: changed ones are sent with their id (a file only when
    // its digest changed), new ones without, and then the ones no longer declared are removed.
    update: async (client, id, changed, full, previous) => {
      const name = String(full.asset_name ?? previous.asset_name);
      const { asset_items: wantedItems, default_language: defaultLanguage, ...fields } = changed;
      const itemsChange = wantedItems !== undefined || defaultLanguage !== undefined;
      const before = new Map(itemsOf(previous).map((item) => [item.language, item]));
      const wanted = wantedItems !== undefined ? (wantedItems as Item[]) : itemsOf(full);
      const chosen = defaultLanguage ?? full.default_language;
      // A PATCH that adds an item (one without an id) must not be repeated blindly: a repeat after a lost answer
      // would add a second item for the language, which Zoom refuses. It is rebuilt from the asset as read instead,
      // where the landed item now has an id.
      for (let attempt = 1; ; attempt++) {
        const body: Props = { ...fields };
        let removed: string[] = [];
        if (itemsChange) {
          const current = await getZoom(client, id);
          if (!current) throw new ZccApiError(`Asset ${id} no longer exists in ZCC.`, { status: 404, method: 'GET', path: objectPath(assetsEndpoint, [id]) });
          const byLanguage = new Map((current.asset_items ?? []).map((item) => [item.asset_item_language ?? 'en-US', item]));
          const sent = wanted.flatMap((item) => {
            const existing = byLanguage.get(item.language);
            const old = before.get(item.language);
            const sameFile = !!existing?.asset_item_file_url && !!item.file && old?.file?.sha256 === item.file.sha256;
            const unchanged = existing && old !== undefined && sameValue(old, item);
            if (unchanged && chosen !== item.language) return [];
            return [{ ...toZoom(item, name, existing?.asset_item_id, sameFile), ...(chosen === item.language ? { is_default: true } : {}) }];
          });
          if (sent.length > 0) body.asset_items = sent;
          const kept = new Set(wanted.map((item) => item.language));
          removed = (current.asset_items ?? [])
            .filter((item) => !kept.has(item.asset_item_language ?? 'en-US') && item.asset_item_id)
            .map((item) => item.asset_item_id!);
        }
        const adds = ((body.asset_items as Props[] | undefined) ?? []).some((item) => item.asset_item_id === undefined);
        try {
          if (Object.keys(body).length > 0) await client.updateOne(assetsEndpoint, [id], body, { idempotent: !adds });
        } catch (error) {
          if (!adds || !isAmbiguous(error) || attempt >= 3) throw error;
          continue;
        }
        if (removed.length > 0)
          await client.http.request('DELETE', `${objectPath(assetsEndpoint, [id])}/items`, {
            category: assetsEndpoint.categories.delete,
            body: { asset_item_ids: removed },
            objectKey: objectPath(assetsEndpoint, [id]),
          });
        return;
      }
    },
    remove: async (client, id) => {
      await unlessNotFound(() => client.deleteOne(assetsEndpoint, [id]));
    },
  };
}

const fileInput = z
  .strictObject({
    path: z
      .string({ error: 'expected a string path' })
      .min(1, { error: 'must not be empty' })
      .describe("The file's path, relative to the program's directory."),
    sha256: z
      .string({ error: 'expected a string' })
      .regex(/^[0-9a-f]{64}$/, { error: 'expected the SHA-256 of the file as 64 lower-case hex digits (zcc.assetFile computes it)' })
      .describe("The file's SHA-256, as `zcc.assetFile` computes it; what is compared."),
  })
  .describe('A file (audio, image, video, slides): `zcc.assetFile(path)`, read when the program runs and compared by content.');

export const assetSpec = defineSpec<Props>()({
  kind: 'Asset',
  description:
    "An asset of the asset library: an audio prompt, a text, an image, a video, slides or an agent's saved reply, with one item per language. A file item is `zcc.assetFile(path)` and is compared by content (SHA-256): a file replaced in the console shows as drift. Flows and queue interrupts name assets by id; ZCC refuses to delete one they still use.",
  endpoint: assetsEndpoint,
  usedBy: assetUsers,
  usedByAdvice: 'Point those flows and queues at another asset (a new flow version, their QueueInterrupts) in an earlier up, or keep this one.',
  idField: 'asset_id',
  idOutput: 'assetId',
  inputSchema: z.strictObject({
    name: text('Asset name, unique in the account (`asset_name`, 1-128 characters: an assumption). Renaming updates in place.', { min: 1, max: 128 }),
    description: text('Description (`asset_description`, at most 512 characters: an assumption).', { max: 512 }).optional(),
    type: oneOf(TYPES, 'What it is (`asset_type`). Changing it replaces the asset.'),
    categoryId: zoomId('Its category (`category_id`, e.g. `prompts.categoryId`).').optional(),
    items: z
      .array(
        z.strictObject({
          language: oneOf(LANGUAGE_CODES, 'The language of this item (`asset_item_language`), one item per language.'),
          name: text('Item name (`asset_item_name`).', { max: 128 }).optional(),
          content: multilineText('The text (`asset_item_content`): of a text or saved reply, or the words an audio item speaks with `voice`.', {
            max: 10_000,
          }).optional(),
          voice: text('The text-to-speech voice of an audio item given as `content` (`asset_item_voice`).', { max: 64 }).optional(),
          file: fileInput.optional(),
        }),
      )
      .min(1, { error: 'an asset has at least one item' })
      .max(LANGUAGE_CODES.length)
      .describe('Its items, one per language (`asset_items`); items no longer declared are removed.'),
    defaultLanguage: oneOf(
      LANGUAGE_CODES,
      'The language of the default item (`is_default`), one of the items; omitted: not managed (Zoom makes the first the default).',
    ).optional(),
  }),
  apiFields: {
    name: 'asset_name',
    description: 'asset_description',
    type: 'asset_type',
    categoryId: 'category_id',
    items: 'asset_items',
    defaultLanguage: 'default_language',
  },
  serverDefaults: { description: '' },
  replaceOnChanges: ['type'],
  uniqueName: true,
  naturalKey: ['name'],
  whileReplaced: 'flows and queues that play it have nothing to play meanwhile',
  references: { categoryId: 'AssetCategory' },
  crossFieldCheck: (inputs) => {
    const failures: Array<[string, string]> = [];
    const type = String(inputs.type);
    for (const [index, item] of ((inputs.items as Array<Props> | undefined) ?? []).entries()) {
      const at = `items[${index}]`;
      if (TEXT_TYPES.has(type) && item.content === undefined) failures.push([at, `a ${type} item needs content`]);
      if (TEXT_TYPES.has(type) && item.file !== undefined) failures.push([`${at}.file`, `a ${type} item is text (content), not a file`]);
      if (FILE_TYPES.has(type) && type !== 'audio' && item.file === undefined) failures.push([at, `an ${type} item needs a file (zcc.assetFile)`]);
      if (FILE_TYPES.has(type) && type !== 'audio' && item.content !== undefined) failures.push([`${at}.content`, `an ${type} item is a file, not text`]);
      if (type === 'audio' && (item.file === undefined) === (item.content === undefined))
        failures.push([at, 'an audio item is either a file (zcc.assetFile) or content spoken with a voice, exactly one']);
      if (item.voice !== undefined && !(type === 'audio' && item.content !== undefined))
        failures.push([`${at}.voice`, 'only an audio item given as content has a voice']);
    }
    const languages = ((inputs.items as Array<Props> | undefined) ?? []).map((item) => item.language);
    const twice = languages.filter((language, index) => languages.indexOf(language) !== index);
    if (twice.length > 0) failures.push(['items', `has more than one item in ${[...new Set(twice)].join(', ')}: one item per language`]);
    if (inputs.defaultLanguage !== undefined && !languages.includes(inputs.defaultLanguage))
      failures.push(['defaultLanguage', `must be the language of one of the items (${languages.join(', ')})`]);
    return failures;
  },
  computedOutputs: (server) => ({ fileUrls: server.file_urls ?? {} }),
  // A write may upload files, which gives them new URLs: read them back, so the next refresh knows them.
  // A write that left the items as they were (a rename) uploaded nothing: the recorded URLs stand.
  afterWrite: async (client, id, inputs, previous) => {
    if (previous === undefined || sameValue(inputs.items, previous.items)) return;
    const asset = await unlessNotFound(() => client.getOne(assetsEndpoint, [id]));
    return { fileUrls: asset ? fileUrlsOf(asset) : {} };
  },
  exportAs: {
    role: 'object',
    files: {
      dir: 'assets',
      read: async (client, id) => {
        const asset = await client.getOne(assetsEndpoint, [id]);
        const files: Record<string, Buffer> = {};
        for (const item of asset.asset_items ?? [])
          if (item.asset_item_file_url) {
            const bytes = await downloaded(client, item.asset_item_file_url);
            files[`${item.asset_item_language ?? 'en-US'}${extensionOf(bytes)}`] = bytes;
          }
        return files;
      },
      // Each file was named `<language><extension>` by read.
      place: (inputs, dir, names) => ({
        ...inputs,
        items: (inputs.items as Props[]).map((item) => {
          const file = item.file as { sha256: string } | undefined;
          const name = names.find((candidate) => candidate.startsWith(`${String(item.language)}.`));
          return file && name ? { ...item, file: { path: `${dir}/${name}`, sha256: file.sha256 } } : item;
        }),
      }),
    },
  },
  lookup: {
    returns: {
      assetId: { from: 'asset_id', type: 'string', required: true, description: 'The asset id.' },
      name: { from: 'asset_name', type: 'string', required: true, description: 'The name.' },
      type: { from: 'asset_type', type: 'string', description: 'What it is (audio, text, …).' },
    },
  },
  outputs: {
    assetId: { description: 'The asset id ZCC assigned.' },
    fileUrls: { description: "Each file item's URL as last read, by language (what a refresh compares)." },
  },
  example: `const welcome = new zcc.Asset('welcome', {
  name: 'Welcome prompt',
  type: 'audio',
  categoryId: prompts.categoryId,
  items: [
    { language: 'en-US', file: zcc.assetFile('assets/welcome-en.wav') },
    { language: 'es-US', content: 'Bienvenido', voice: 'Lupe' },
  ],
  defaultLanguage: 'en-US',
});`,
  store: assetStore(),
});
