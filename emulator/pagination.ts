import { invalidField } from './errors';

export const DEFAULT_PAGE_SIZE = 30;
export const MAX_PAGE_SIZE = 300;

/**
 * Slices a list the way Zoom does: `page_size` (default 30, at most the endpoint's documented cap) and an opaque
 * `next_page_token`. A page size over the cap is a 400, stricter than Zoom (which may clamp), so a client that
 * ignores a cap fails a test.
 */
export function paginate<T>(
  items: readonly T[],
  query: Record<string, unknown>,
  key: string,
  maxPageSize = MAX_PAGE_SIZE,
  fields: boolean | { total?: boolean; pageSize?: boolean } = true,
): Record<string, unknown> {
  const withTotal = typeof fields === 'boolean' ? fields : fields.total !== false;
  const withPageSize = typeof fields === 'boolean' || fields.pageSize !== false;
  let pageSize = Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
  if (query.page_size !== undefined && query.page_size !== '') {
    const parsed = Number(query.page_size);
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > maxPageSize) throw invalidField('page_size', `Must be an integer from 1 to ${maxPageSize}.`);
    pageSize = parsed;
  }
  let offset = 0;
  const token = query.next_page_token;
  if (typeof token === 'string' && token !== '') {
    const decoded = Number(
      Buffer.from(token, 'base64url')
        .toString('utf8')
        .replace(/^offset:/, ''),
    );
    if (!Number.isInteger(decoded) || decoded < 0 || decoded > items.length) throw invalidField('next_page_token', 'The token is invalid or expired.');
    offset = decoded;
  }
  const page = items.slice(offset, offset + pageSize);
  const next = offset + pageSize < items.length ? Buffer.from(`offset:${offset + pageSize}`).toString('base64url') : '';
  // Some of Zoom's lists (skill categories, a skill's users) carry no total_records.
  return { ...(withPageSize ? { page_size: pageSize } : {}), ...(withTotal ? { total_records: items.length } : {}), next_page_token: next, [key]: page };
}
