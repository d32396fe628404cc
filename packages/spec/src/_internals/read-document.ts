import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AssayError } from '@assay/model';
import { parseDocument } from './parse-document.js';

/** A document as read: where it is (an absolute `file:` or `http(s):` URL) and its parsed content. */
export interface ReadDocument {
  /** Absolute URL of the document, the base for its relative `$ref`s. */
  url: string;
  /** How to name it to people: the path as given, or the URL. */
  display: string;
  content: unknown;
  /** The text it was parsed from. */
  text: string;
}

/** Turns what the caller passed into an absolute URL (relative paths resolve from the working directory). */
export function sourceUrl(source: string | URL): string {
  if (source instanceof URL) return source.href;
  if (/^(https?|file):/i.test(source)) return new URL(source).href;
  return pathToFileURL(resolve(source)).href;
}

/** Reads and parses the document at an absolute `file:` or `http(s):` URL. */
export async function readDocument(url: string, display: string): Promise<ReadDocument> {
  const text = url.startsWith('file:') ? await readLocal(url, display) : await readRemote(url);
  return { url, display, content: parseDocument(text, display), text };
}

async function readLocal(url: string, display: string): Promise<string> {
  const path = fileURLToPath(url);
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new AssayError('spec-not-found', `${display}: no such file. Check the path to the spec.`, {
        file: display,
        cause: error,
      });
    }
    if (code === 'EISDIR') {
      throw new AssayError('spec-not-found', `${display} is a directory; pass the spec file itself.`, {
        file: display,
      });
    }
    throw new AssayError('spec-not-found', `${display}: cannot read the file (${code ?? String(error)}).`, {
      file: display,
      cause: error,
    });
  }
}

async function readRemote(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new AssayError(
      'spec-not-found',
      `${url}: could not fetch the spec (${(error as Error).message}).`,
      {
        file: url,
        cause: error,
      },
    );
  }
  if (!response.ok) {
    throw new AssayError(
      'spec-not-found',
      `${url}: the server answered ${response.status} instead of the spec.`,
      {
        file: url,
      },
    );
  }
  return await response.text();
}
