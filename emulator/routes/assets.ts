import { createHash } from 'node:crypto';
import { z } from 'zod';
import { conflict, invalidField, notFound } from '../errors';
import { identified } from '../lookup';
import { paginate } from '../pagination';
import { now } from '../table';
import type { AssetItemRow, AssetRow, EmulatorState } from '../state';
import { asBody } from '../validate';
import { defineRoutes, params, query } from '../context';

/**
 * The asset library's assets (`/contact_center/asset_library/assets`): prompts, texts, images, videos, slides and
 * saved replies, each with one item per language. Assumptions the README states, where the document is silent:
 * - `upload_file` (create, PATCH) and `upload_file_content` (the items PATCH) are the file's bytes in base64; the
 *   emulator keeps the bytes and answers an `asset_item_file_url` that changes with every upload, served (with the
 *   bearer token) outside /v2 as Zoom's file host would;
 * - a text or saved reply item has `asset_item_content`; an audio item a file or a text to speak
 *   (`asset_item_content` with `asset_item_voice`); image, video and slides a file;
 * - one item per language; exactly one item is the default (the first, unless one says `is_default`);
 * - a PATCH's `asset_items` changes the items it names by `asset_item_id` and adds those without one; the others
 *   stay (`DELETE …/items` removes them);
 * - names are unique; an asset a flow's definition or a queue's interrupts name cannot be deleted (409, naming them).
 */
export const LANGUAGES = [
  'zh-CN',
  'zh-TW',
  'yue-CN',
  'cmn-CN',
  'da-DK',
  'nl-NL',
  'en-AU',
  'en-NZ',
  'en-GB',
  'en-US',
  'fr-CA',
  'fr-FR',
  'de-DE',
  'it-IT',
  'ja-JP',
  'ko-KR',
  'pl-PL',
  'pt-BR',
  'pt-PT',
  'ro-RO',
  'ru-RU',
  'es-ES',
  'es-MX',
  'es-US',
  'sv-SE',
  'tr-TR',
] as const;
const TYPES = ['audio', 'image', 'slides', 'text', 'video', 'saved_reply'] as const;
const FILE_TYPES = new Set(['audio', 'image', 'slides', 'video']);
const MAX_FILE_BYTES = 4 * 1024 * 1024;

const itemSchema = z.strictObject({
  asset_item_id: z.string().min(1).optional(),
  asset_item_name: z.string().max(128).optional(),
  asset_item_language: z.enum(LANGUAGES).optional(),
  upload_file: z.string().min(1).optional(),
  asset_item_content: z.string().max(10_000).optional(),
  is_default: z.boolean().optional(),
  asset_item_voice: z.string().max(64).optional(),
});
const createSchema = z.strictObject({
  asset_name: z.string().min(1).max(128),
  asset_description: z.string().max(512).optional(),
  asset_type: z.enum(TYPES),
  category_id: z.string().min(1).optional(),
  asset_items: z
    .array(itemSchema.omit({ asset_item_id: true }))
    .min(1)
    .max(LANGUAGES.length),
});
const patchSchema = z.strictObject({
  asset_name: z.string().min(1).max(128).optional(),
  asset_description: z.string().max(512).optional(),
  category_id: z.string().min(1).optional(),
  asset_items: z.array(itemSchema).max(LANGUAGES.length).optional(),
  restore: z.boolean().optional(),
});

function parsed<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(asBody(body));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw invalidField(issue.path.join('.') || 'body', issue.message);
}

/** The uploaded bytes, which must be base64. */
function decoded(field: string, value: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) throw invalidField(field, 'Expected the file content in base64.');
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length > MAX_FILE_BYTES) throw invalidField(field, `The file is over ${MAX_FILE_BYTES} bytes.`);
  return bytes;
}

export function registerAssetRoutes(route: ReturnType<typeof defineRoutes>) {
  /** The files themselves (item id → bytes), kept beside the rows: the API shows only their URL. */
  const files = new WeakMap<AssetItemRow, Buffer>();
  const fileUrl = (state: EmulatorState, asset: AssetRow, item: AssetItemRow) =>
    `${state.origin}/file/asset/${asset.asset_id}/${item.asset_item_id}/${item._file_sha256!.slice(0, 12)}`;

  const find = (state: EmulatorState, key: string, type?: unknown): AssetRow =>
    identified(
      'Asset',
      { id: (id: string) => state.assets.get(id), name: (name: string) => state.assets.all().find((row) => row.asset_name === name) },
      'asset_identifier_type',
      type,
      key,
    );

  const itemView = (state: EmulatorState, asset: AssetRow, item: AssetItemRow) => ({
    asset_item_id: item.asset_item_id,
    ...(item.asset_item_name !== undefined ? { asset_item_name: item.asset_item_name } : {}),
    asset_item_language: item.asset_item_language,
    is_default: item.is_default,
    ...(item.asset_item_content !== undefined ? { asset_item_content: item.asset_item_content } : {}),
    ...(item._file_sha256 ? { asset_item_file_url: fileUrl(state, asset, item) } : {}),
    ...(item.asset_item_voice !== undefined ? { asset_item_voice: item.asset_item_voice } : {}),
  });
  const defaultItem = (asset: AssetRow) => asset.items.find((item) => item.is_default) ?? asset.items[0];
  const category = (state: EmulatorState, asset: AssetRow) => (asset.category_id ? state.assetCategories.get(asset.category_id) : undefined);
  const view = (state: EmulatorState, asset: AssetRow) => ({
    asset_id: asset.asset_id,
    asset_name: asset.asset_name,
    asset_description: asset.asset_description ?? '',
    asset_type: asset.asset_type,
    modified_by: asset.modified_by,
    last_modified_time: asset.last_modified_time,
    archived: asset.archived,
    ...(asset.archived_time ? { archived_time: asset.archived_time } : {}),
    asset_items: asset.items.map((item) => itemView(state, asset, item)),
    asset_language_code: defaultItem(asset)?.asset_item_language,
    ...(asset.category_id ? { category_id: asset.category_id, category_name: category(state, asset)?.category_name ?? '' } : {}),
  });
  const listView = (state: EmulatorState, asset: AssetRow) => ({
    asset_id: asset.asset_id,
    asset_name: asset.asset_name,
    asset_description: asset.asset_description ?? '',
    asset_type: asset.asset_type,
    ...(asset.category_id ? { asset_category_id: asset.category_id, asset_category_name: category(state, asset)?.category_name ?? '' } : {}),
    asset_language_code: defaultItem(asset)?.asset_item_language,
    modified_by: asset.modified_by,
    last_modified_time: asset.last_modified_time,
    asset_items_url: `${state.origin}/v2/contact_center/asset_library/assets/${asset.asset_id}`,
  });

  /** Applies one item of a create or PATCH body to `item` (new or existing), checking what the asset's type needs. */
  const applyItem = (asset: AssetRow, item: AssetItemRow, given: z.infer<typeof itemSchema>, at: string) => {
    if (given.asset_item_name !== undefined) item.asset_item_name = given.asset_item_name;
    if (given.asset_item_voice !== undefined) item.asset_item_voice = given.asset_item_voice;
    if (given.asset_item_content !== undefined) {
      if (asset.asset_type !== 'text' && asset.asset_type !== 'saved_reply' && asset.asset_type !== 'audio')
        throw invalidField(`${at}.asset_item_content`, `An ${asset.asset_type} item is a file (upload_file).`);
      item.asset_item_content = given.asset_item_content;
      delete item._file_sha256;
      files.delete(item);
    }
    if (given.upload_file !== undefined) {
      if (!FILE_TYPES.has(asset.asset_type)) throw invalidField(`${at}.upload_file`, `A ${asset.asset_type} item is text (asset_item_content).`);
      const bytes = decoded(`${at}.upload_file`, given.upload_file);
      files.set(item, bytes);
      item._file_sha256 = createHash('sha256').update(bytes).digest('hex');
      delete item.asset_item_content;
    }
    if (item.asset_item_content === undefined && !item._file_sha256)
      throw invalidField(
        at,
        FILE_TYPES.has(asset.asset_type) && asset.asset_type !== 'audio' ? 'Needs upload_file.' : 'Needs asset_item_content or upload_file.',
      );
  };
  const settleDefault = (asset: AssetRow, chosen?: AssetItemRow) => {
    const wanted = chosen ?? defaultItem(asset);
    for (const item of asset.items) item.is_default = item === wanted;
  };
  const checkCategory = (state: EmulatorState, id: string | undefined) => {
    if (id !== undefined && !state.assetCategories.get(id)) throw notFound('Asset category', id);
  };
  const assertUnique = (state: EmulatorState, name: string, self?: AssetRow) => {
    if (state.assets.all().some((row) => row !== self && row.asset_name === name)) throw conflict(`Asset name already exists: ${name}.`);
  };

  route('GET', '/contact_center/asset_library/assets', 'medium', (request, { state }) => {
    const q = query(request);
    const rows = state.assets
      .all()
      .filter((row) => !row.archived)
      .filter((row) => typeof q.asset_type !== 'string' || q.asset_type === '' || row.asset_type === q.asset_type)
      .filter(
        (row) =>
          typeof q.asset_language_code !== 'string' ||
          q.asset_language_code === '' ||
          row.items.some((item) => item.asset_item_language === q.asset_language_code),
      )
      .filter(
        (row) => typeof q.asset_item_name !== 'string' || q.asset_item_name === '' || row.items.some((item) => item.asset_item_name === q.asset_item_name),
      );
    return {
      body: paginate(
        rows.map((row) => listView(state, row)),
        q,
        'assets',
        300,
      ),
    };
  });

  route('POST', '/contact_center/asset_library/assets', 'light', (request, { state }) => {
    const body = parsed(createSchema, request.body);
    checkCategory(state, body.category_id);
    assertUnique(state, body.asset_name);
    const asset: AssetRow = {
      asset_id: state.assets.nextId(),
      asset_name: body.asset_name,
      ...(body.asset_description !== undefined ? { asset_description: body.asset_description } : {}),
      asset_type: body.asset_type,
      ...(body.category_id !== undefined ? { category_id: body.category_id } : {}),
      items: [],
      archived: false,
      modified_by: 'api',
      last_modified_time: now(),
    };
    let chosen: AssetItemRow | undefined;
    body.asset_items.forEach((given, index) => {
      const language = given.asset_item_language ?? 'en-US';
      if (asset.items.some((item) => item.asset_item_language === language)) throw invalidField(`asset_items.${index}`, `A second item in ${language}.`);
      const item: AssetItemRow = { asset_item_id: `${asset.asset_id}_i${index + 1}`, asset_item_language: language, is_default: false };
      applyItem(asset, item, given, `asset_items.${index}`);
      asset.items.push(item);
      if (given.is_default) chosen = item;
    });
    settleDefault(asset, chosen);
    state.assets.insert(asset);
    return { status: 201, body: view(state, asset) };
  });

  route('GET', '/contact_center/asset_library/assets/:assetId', 'light', (request, { state }) => {
    const q = query(request);
    const asset = find(state, params(request).assetId, q.asset_identifier_type);
    const shown = view(state, asset);
    const items = shown.asset_items.filter(
      (item) =>
        (typeof q.asset_language_code !== 'string' || q.asset_language_code === '' || item.asset_item_language === q.asset_language_code) &&
        (typeof q.asset_item_name !== 'string' || q.asset_item_name === '' || item.asset_item_name === q.asset_item_name),
    );
    return { body: { ...shown, asset_items: items } };
  });

  route('PATCH', '/contact_center/asset_library/assets/:assetId', 'light', (request, { state }) => {
    const asset = find(state, params(request).assetId);
    const body = parsed(patchSchema, request.body);
    checkCategory(state, body.category_id);
    if (body.asset_name !== undefined) assertUnique(state, body.asset_name, asset);
    // Validate on a copy first: a refused PATCH changes nothing.
    const items = asset.items.map((item) => ({ ...item }));
    const copy: AssetRow = { ...asset, items };
    const bytes = new Map<AssetItemRow, Buffer | undefined>(asset.items.map((item, index) => [items[index], files.get(item)]));
    let chosen: AssetItemRow | undefined;
    let next = asset.items.length;
    (body.asset_items ?? []).forEach((given, index) => {
      const at = `asset_items.${index}`;
      let item = given.asset_item_id ? items.find((entry) => entry.asset_item_id === given.asset_item_id) : undefined;
      if (given.asset_item_id && !item) throw notFound('Asset item', given.asset_item_id);
      if (given.asset_item_language !== undefined && items.some((entry) => entry !== item && entry.asset_item_language === given.asset_item_language))
        throw invalidField(`${at}.asset_item_language`, `A second item in ${given.asset_item_language}.`);
      if (!item) {
        next += 1;
        item = {
          asset_item_id: `${asset.asset_id}_i${next}_${Date.now().toString(36)}`,
          asset_item_language: given.asset_item_language ?? 'en-US',
          is_default: false,
        };
        items.push(item);
      } else if (given.asset_item_language !== undefined) item.asset_item_language = given.asset_item_language;
      const before = files.get(item);
      applyItem(copy, item, given, at);
      bytes.set(item, files.get(item) ?? (item._file_sha256 ? before : undefined));
      if (given.is_default) chosen = item;
    });
    if (body.asset_name !== undefined) asset.asset_name = body.asset_name;
    if (body.asset_description !== undefined) asset.asset_description = body.asset_description;
    if (body.category_id !== undefined) asset.category_id = body.category_id;
    if (body.restore) {
      asset.archived = false;
      delete asset.archived_time;
    }
    asset.items = items;
    for (const [item, content] of bytes) if (content) files.set(item, content);
    settleDefault(asset, chosen);
    Object.assign(asset, { modified_by: 'api', last_modified_time: now() });
    return { status: 204 };
  });

  route('DELETE', '/contact_center/asset_library/assets/:assetId/items', 'light', (request, { state }) => {
    const asset = find(state, params(request).assetId);
    const body = asBody(request.body);
    const ids = body.asset_item_ids;
    if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string'))
      throw invalidField('asset_item_ids', 'Expected a non-empty list of item ids.');
    for (const id of ids as string[]) if (!asset.items.some((item) => item.asset_item_id === id)) throw notFound('Asset item', id);
    if (asset.items.every((item) => (ids as string[]).includes(item.asset_item_id))) throw invalidField('asset_item_ids', 'An asset keeps at least one item.');
    asset.items = asset.items.filter((item) => !(ids as string[]).includes(item.asset_item_id));
    settleDefault(asset);
    asset.last_modified_time = now();
    return { status: 204 };
  });

  route('DELETE', '/contact_center/asset_library/assets/:assetId', 'light', (request, { state }) => {
    const asset = find(state, params(request).assetId);
    const users = whereUsed(state, asset.asset_id);
    if (users.length > 0) throw conflict(`Asset ${asset.asset_id} is in use by ${users.join(', ')}.`);
    if (query(request).archive === 'true') {
      Object.assign(asset, { archived: true, archived_time: now() });
      return { status: 204 };
    }
    state.assets.delete(asset.asset_id);
    return { status: 204 };
  });

  // The items PATCH: one upload per asset and language (or the shared one), answered item by item.
  route('PATCH', '/contact_center/asset_library/assets/items', 'light', (request, { state }) => {
    const body = parsed(
      z.strictObject({
        items: z
          .array(
            z.strictObject({
              asset_id: z.string().min(1),
              asset_item_language: z.enum(LANGUAGES),
              asset_item_name: z.string().max(128).optional(),
              asset_item_voice: z.string().max(64).optional(),
              upload_file_name: z.string().max(256).optional(),
              upload_file_content: z.string().optional(),
              use_shared: z.boolean().optional(),
            }),
          )
          .min(1)
          .max(30),
        shared_item: z.strictObject({ upload_file_content: z.string().optional(), upload_file_name: z.string().max(256).optional() }).optional(),
      }),
      request.body,
    );
    const succeeded: Array<{ asset_id: string; asset_item_language: string }> = [];
    const failed: Array<{ asset_id: string; asset_item_language: string; error_code: number; error_message: string }> = [];
    for (const entry of body.items) {
      const asset = state.assets.get(entry.asset_id);
      const item = asset?.items.find((candidate) => candidate.asset_item_language === entry.asset_item_language);
      const content = entry.use_shared ? body.shared_item?.upload_file_content : entry.upload_file_content;
      if (!asset || !item || content === undefined) {
        failed.push({ ...entry, error_code: 1001, error_message: !asset ? 'Asset not found.' : !item ? 'No item in this language.' : 'No file content.' });
        continue;
      }
      try {
        applyItem(asset, item, { upload_file: content, asset_item_name: entry.asset_item_name, asset_item_voice: entry.asset_item_voice }, 'items');
        asset.last_modified_time = now();
        succeeded.push({ asset_id: entry.asset_id, asset_item_language: entry.asset_item_language });
      } catch (error) {
        failed.push({ asset_id: entry.asset_id, asset_item_language: entry.asset_item_language, error_code: 300, error_message: (error as Error).message });
      }
    }
    return { body: { succeeded_assets: succeeded, failed_assets: failed } };
  });

  route('POST', '/contact_center/asset_library/assets/:assetId/duplicate', 'light', (request, { state }) => {
    const asset = find(state, params(request).assetId);
    const body = parsed(
      z.strictObject({
        assets: z
          .array(z.strictObject({ asset_name: z.string().min(1).max(128), asset_description: z.string().max(512).optional() }))
          .min(1)
          .max(10),
      }),
      request.body,
    );
    const results = body.assets.map((wanted) => {
      if (state.assets.all().some((row) => row.asset_name === wanted.asset_name))
        return { asset_name: wanted.asset_name, status: 'failed' as const, error: 'Asset name already exists.' };
      const id = state.assets.nextId();
      const items = asset.items.map((item, index) => {
        const copy = { ...item, asset_item_id: `${id}_i${index + 1}` };
        const content = files.get(item);
        if (content) files.set(copy, content);
        return copy;
      });
      state.assets.insert({
        ...asset,
        asset_id: id,
        asset_name: wanted.asset_name,
        asset_description: wanted.asset_description ?? asset.asset_description,
        items,
        archived: false,
        last_modified_time: now(),
      });
      return { asset_id: id, asset_name: wanted.asset_name, status: 'success' as const };
    });
    return { status: 201, body: { results } };
  });

  // An item's file, at the URL the API answered (with the bearer token, like the API).
  route.outsideApi('GET', '/file/asset/:assetId/:itemId/:digest', 'light', (request, { state }) => {
    const { assetId, itemId, digest } = params(request);
    const item = state.assets.get(assetId)?.items.find((entry) => entry.asset_item_id === itemId);
    const content = item && files.get(item);
    if (!item || !content || !item._file_sha256?.startsWith(digest)) throw notFound('File', `${assetId}/${itemId}`);
    return { body: content, contentType: 'application/octet-stream' };
  });
}

/** What names an asset: flows whose latest definition holds its id, queues whose interrupts play it. */
export function whereUsed(state: EmulatorState, assetId: string): string[] {
  const flows = state.flows
    .all()
    .filter((flow) => flow.versions.some((version) => version.file.toString('utf8').includes(`"${assetId}"`)))
    .map((flow) => `flow ${flow.flow_name}`);
  const queues = [...state.queueInterrupts.entries()]
    .filter(([, interrupts]) => JSON.stringify(interrupts).includes(`"${assetId}"`))
    .map(([queueId]) => `queue ${state.queues.get(queueId)?.queue_name ?? queueId}`);
  return [...flows, ...queues];
}
