import { mismatches, operationFor, queryObject, type Operation } from './officialApi';

export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  body?: unknown;
  response?: unknown;
  status: number;
}

export interface ConformanceReport {
  /** Requests checked against an operation of the document (request and, when 2xx, response). */
  checked: number;
  byOperation: Record<string, number>;
  /** Each departure from the document, prefixed with the request. */
  mismatches: string[];
  /** Requests to paths the document does not have. */
  unknownOperations: string[];
}

/**
 * Checks recorded traffic (the emulator's request log) against the official document: the operation exists, the
 * query and body fields exist with the documented types (required body fields present), and every 2xx answer
 * has the documented shape. The token call is Zoom's OAuth endpoint, outside the Contact Center document.
 */
export function checkTraffic(entries: LoggedRequest[], operations: Operation[]): ConformanceReport {
  const report: ConformanceReport = { checked: 0, byOperation: {}, mismatches: [], unknownOperations: [] };
  for (const entry of entries) {
    if (entry.path === '/oauth/token') continue;
    const apiPath = entry.path.replace(/^\/v2/, '');
    const operation = operationFor(operations, entry.method, apiPath);
    const label = `${entry.method} ${apiPath}`;
    if (!operation) {
      report.unknownOperations.push(label);
      continue;
    }
    report.checked += 1;
    const key = `${operation.method} ${operation.template}`;
    report.byOperation[key] = (report.byOperation[key] ?? 0) + 1;
    const found: string[] = [];
    if (entry.query) {
      if (!operation.query) found.push(`query ${entry.query}: the operation takes no query`);
      else found.push(...mismatches(queryObject(entry.query, operation.query), operation.query, 'query', { requireRequired: false }));
    }
    if (entry.body !== undefined && entry.body !== null && !(typeof entry.body === 'object' && Object.keys(entry.body).length === 0 && !operation.body)) {
      if (!operation.body) found.push('body: the operation takes no body');
      else found.push(...mismatches(entry.body, operation.body, 'body', { requireRequired: true }));
    }
    // A flow export answers the file itself, which the document leaves unspecified (`void`): nothing to compare.
    const download = operation.template.endsWith('/export');
    if (entry.status >= 200 && entry.status < 300 && operation.response && !download)
      found.push(...mismatches(entry.response, operation.response, 'response', { requireRequired: false }));
    report.mismatches.push(...found.map((problem) => `${label}: ${problem}`));
  }
  return report;
}
