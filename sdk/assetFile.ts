import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import * as pulumi from '@pulumi/pulumi';
import { printable } from '../provider/client/printable';
import { MAX_ASSET_FILE_BYTES } from '../provider/specs/assetSpec';

/** A file item of an `Asset`: its path and SHA-256, which is what a diff compares. */
export interface AssetFile {
  /** The path as given, relative to the program's directory (where the provider reads it to upload). */
  path: string;
  /** The file's SHA-256, 64 lower-case hex digits. */
  sha256: string;
}

/**
 * A file (audio, image, video, slides) for an `Asset` item, read now to compute its SHA-256: a changed file is a
 * diff, the same bytes under another name are not re-uploaded, and state holds the digest, never the bytes. Give a
 * path relative to the program's directory (`assets/welcome-en.wav`). Fails the program with one line naming the
 * file when it cannot be read.
 */
export function assetFile(path: string): AssetFile {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_ASSET_FILE_BYTES) throw new Error(`it is ${size} bytes; at most ${MAX_ASSET_FILE_BYTES} are uploaded`);
    bytes = readFileSync(path);
  } catch (error) {
    throw new pulumi.RunError(printable(`assetFile: cannot use ${JSON.stringify(path)}: ${(error as Error).message}`));
  }
  return { path, sha256: createHash('sha256').update(bytes).digest('hex') };
}
