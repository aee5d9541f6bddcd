import { z } from 'zod';
import { LIGHT_WRITES, type Collection } from '../client/endpoints';
import { defineSpec } from '../engine/spec';
import { oneOf, text } from './fields';

/**
 * Asset library categories (`/contact_center/asset_library/categories`), which group prompts, texts and saved
 * replies. The endpoint and API shape live here, beside the spec. The PATCH takes only the name: the scope cannot
 * change in place.
 */
export const CATEGORY_SCOPES = ['system', 'agent'] as const;

export const assetCategoryItemSchema = z.object({
  category_id: z.string(),
  category_name: z.string(),
  category_scope: z.enum(CATEGORY_SCOPES).optional(),
});
type ZccAssetCategory = z.infer<typeof assetCategoryItemSchema>;

export const assetCategoriesEndpoint: Collection<ZccAssetCategory> = {
  path: '/contact_center/asset_library/categories',
  objectId: 'categoryId',
  listKey: 'categories',
  item: assetCategoryItemSchema,
  maxPageSize: 300,
  categories: LIGHT_WRITES,
};

export const assetCategorySpec = defineSpec<ZccAssetCategory>()({
  kind: 'AssetCategory',
  description: "A category of the asset library: `system` categories hold the account's assets (prompts, texts), `agent` ones agents' saved replies.",
  endpoint: assetCategoriesEndpoint,
  idField: 'category_id',
  idOutput: 'categoryId',
  listHasEveryField: true,
  inputSchema: z.strictObject({
    name: text('Category name, unique within its scope (1-64 characters). Renaming updates in place.', { min: 1, max: 64 }),
    scope: oneOf(CATEGORY_SCOPES, '`system` or `agent` (`category_scope`). Changing it replaces the category (the PATCH does not take it).'),
  }),
  apiFields: { name: 'category_name', scope: 'category_scope' },
  replaceOnChanges: ['scope'],
  uniqueName: true,
  naturalKey: ['name', 'scope'],
  exportAs: { role: 'object' },
  lookup: {
    returns: {
      categoryId: { from: 'category_id', type: 'string', required: true, description: 'The category id.' },
      name: { from: 'category_name', type: 'string', required: true, description: 'The name.' },
      scope: { from: 'category_scope', type: 'string', description: '`system` or `agent`.' },
    },
    within: { arg: 'scope', field: 'category_scope', description: 'The scope to look in: names are unique only within one.' },
  },
  outputs: { categoryId: { description: 'The category id ZCC assigned.' } },
  example: `const prompts = new zcc.AssetCategory('prompts', { name: 'IVR prompts', scope: 'system' });`,
});
