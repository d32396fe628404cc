import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AssayError } from '@assay/model';

/** Turns what the caller passed into an absolute URL (relative paths resolve from the working directory). */
export function sourceUrl(source: string | URL): string {
  if (source instanceof URL) return source.href;
  if (/^(https?|file):/i.test(source)) return new URL(source).href;
  return pathToFileURL(resolve(source)).href;
}

/**
 * The most bytes a spec document may have. GitHub's whole description is 7 MB; a server that
 * streams without end must not fill the memory of the process that reads it.
 */
export const MAX_DOCUMENT_BYTES = 128 * 1024 * 1024;

/** Redirects followed when fetching one document: enough for moved files, bounded for loops. */
const MAX_REDIRECTS = 5;

/**
 * Reads the text of the document at an absolute `file:` or `http(s):` URL. `mayRedirectTo` says
 * whether a redirect may be followed to a URL (a referenced document must not leave its origin by
 * a redirect when remote references are refused).
 */
export async function readDocumentText(
  url: string,
  display: string,
  mayRedirectTo: (target: string) => boolean = () => true,
): Promise<string> {
  return url.startsWith('file:') ? await readLocal(url, display) : await readRemote(url, mayRedirectTo);
}

async function readLocal(url: string, display: string): Promise<string> {
  const path = fileURLToPath(url);
  try {
    // A device or a pipe (/dev/zero, /dev/stdin) never ends; a huge file would fill the memory.
    const info = await stat(path);
    if (info.isFile() && info.size > MAX_DOCUMENT_BYTES) throw tooLarge(display);
    if (!info.isFile() && !info.isDirectory()) {
      throw new AssayError('spec-not-found', `${display} is not a regular file; pass the spec file itself.`, {
        file: display,
      });
    }
    return await readFile(path, 'utf8');
  } catch (error) {
    if (AssayError.is(error)) throw error;
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

async function readRemote(url: string, mayRedirectTo: (target: string) => boolean): Promise<string> {
  let response: Response;
  let current = url;
  try {
    for (let hops = 0; ; hops++) {
      response = await fetch(current, { redirect: 'manual', signal: AbortSignal.timeout(30_000) });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status > 399 || location === null) break;
      await response.body?.cancel().catch(() => undefined);
      const next = new URL(location, current).href;
      if (hops >= MAX_REDIRECTS) {
        throw new AssayError('spec-not-found', `${url}: more than ${MAX_REDIRECTS} redirects; giving up.`, {
          file: url,
        });
      }
      if (!/^https?:/i.test(next) || !mayRedirectTo(next)) {
        throw new AssayError(
          'spec-ref-refused',
          `${url}: redirects to ${next}, which remote references may not reach; set allowRemoteRefs to follow it.`,
          { file: url },
        );
      }
      current = next;
    }
  } catch (error) {
    if (AssayError.is(error)) throw error;
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
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_DOCUMENT_BYTES) throw tooLarge(url);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength;
      if (size > MAX_DOCUMENT_BYTES) {
        await response.body?.cancel().catch(() => undefined);
        throw tooLarge(url);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (AssayError.is(error)) throw error;
    // The connection closed mid-body, or the 30 s budget ran out while the body dripped in.
    const reason =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error);
    throw new AssayError('spec-not-found', `${url}: the spec could not be read to its end (${reason}).`, {
      file: url,
      cause: error,
    });
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

function tooLarge(where: string): AssayError {
  return new AssayError(
    'spec-not-found',
    `${where}: the document is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; refusing to read it.`,
    { file: where },
  );
}
