import { registerRestCollection } from '../restRoutes';
import type { AssetCategoryRow } from '../state';
import { defineRoutes } from '../context';

/**
 * Asset library categories (`/contact_center/asset_library/categories`). Names are unique per scope, and the scope
 * cannot change (the PATCH takes only the name): assumptions the README states. (Assets themselves are not served yet.)
 */
export const CATEGORY_SCOPES = ['system', 'agent'] as const;

export function registerAssetCategoryRoutes(route: ReturnType<typeof defineRoutes>) {
  registerRestCollection<AssetCategoryRow>(route, {
    noun: 'Asset category',
    path: '/contact_center/asset_library/categories',
    param: 'categoryId',
    listKey: 'categories',
    maxPageSize: 300,
    idField: 'category_id',
    nameField: 'category_name',
    identifierType: 'asset_category_identifier_type',
    table: (state) => state.assetCategories,
    create: {
      category_name: { type: 'string', required: true, min: 1, max: 64 },
      category_scope: { type: 'enum', values: CATEGORY_SCOPES, required: true },
    },
    patch: { category_name: { type: 'string', min: 1, max: 64 } },
    uniqueWithin: (row) => String((row as AssetCategoryRow).category_scope),
    newRow: (_state, body) => ({
      category_id: '',
      category_name: String(body.category_name),
      category_scope: body.category_scope as AssetCategoryRow['category_scope'],
    }),
    listFilter: (rows, q) =>
      typeof q.category_scope === 'string' && q.category_scope !== '' ? rows.filter((row) => row.category_scope === q.category_scope) : rows,
    view: (_state, row) => ({ category_id: row.category_id, category_name: row.category_name, category_scope: row.category_scope }),
  });
}
