import { invalidField } from './errors';
import type { UploadedFile } from './routes/flows';

/**
 * A small multipart/form-data reader for the flow import (one file and a few text fields), so the emulator
 * needs no plugin. Text parts become strings, file parts `{ filename, contentType, content }`.
 */
export function parseMultipart(body: Buffer, contentType: string): Record<string, string | UploadedFile> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) throw invalidField('Content-Type', 'multipart/form-data needs a boundary.');
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const out: Record<string, string | UploadedFile> = {};
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF, then the next delimiter.
    const part = body.subarray(start + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) throw invalidField('body', 'A multipart part has no headers.');
    const headers = part.subarray(0, split).toString('utf8');
    const content = part.subarray(split + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (!name) throw invalidField('body', 'A multipart part has no name.');
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    if (filename !== undefined)
      out[name] = { filename, contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream', content: Buffer.from(content) };
    else out[name] = content.toString('utf8');
    at = next;
  }
  return out;
}
