import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AssayError } from '@assay/model';
import { pointerGet } from './json-pointer.js';
import { readDocument } from './read-document.js';

/** What a `$ref` points at: the document's URL, the pointer inside it, and the value there. */
export interface RefTarget {
  url: string;
  pointer: string;
  value: unknown;
}

/** Where a `$ref` was written, for error messages. */
export interface RefSite {
  url: string;
  pointer: string;
}

// Keys whose values are data, not spec structure: a `$ref` string inside an example is not a reference.
const DATA_KEYS = new Set(['example', 'examples', 'enum', 'const', 'default']);

/**
 * The documents of one spec: the root and every file (or, when allowed, URL) its `$ref`s reach.
 * Everything is read up front so that resolution afterwards is synchronous. Reading failures are
 * kept and raised only when a `$ref` that needs the document is actually followed.
 */
export class DocumentSet {
  readonly rootUrl: string;
  private readonly docs = new Map<string, unknown>();
  private readonly failures = new Map<string, AssayError>();
  private readonly displays = new Map<string, string>();
  private readonly rootFolder: string | undefined;

  constructor(
    rootUrl: string,
    rootDisplay: string,
    root: unknown,
    private readonly allowRemoteRefs: boolean,
    private readonly allowExternalFiles: boolean,
  ) {
    this.rootUrl = rootUrl;
    this.docs.set(rootUrl, root);
    this.displays.set(rootUrl, rootDisplay);
    this.rootFolder = rootUrl.startsWith('file:') ? dirname(fileURLToPath(rootUrl)) : undefined;
  }

  /** Reads every document reachable through `$ref`s from the root. */
  async loadReferenced(): Promise<void> {
    const queue = [this.rootUrl];
    while (queue.length > 0) {
      const url = queue.shift()!;
      const refs = new Set<string>();
      collectRefs(this.docs.get(url), refs);
      for (const ref of refs) {
        const hash = ref.indexOf('#');
        const file = hash === -1 ? ref : ref.slice(0, hash);
        if (file === '') continue;
        let target: string;
        try {
          target = stripFragment(new URL(file, url).href);
        } catch {
          continue; // Reported as a broken reference when followed.
        }
        if (this.docs.has(target) || this.failures.has(target)) continue;
        if (this.refusal(target) !== undefined) continue;
        try {
          const read = await readDocument(target, this.displayOf(target));
          this.docs.set(target, read.content);
          queue.push(target);
        } catch (error) {
          if (!AssayError.is(error)) throw error;
          this.failures.set(target, error);
        }
      }
    }
  }

  /** How to name a document to people: a path relative to the working directory, or the URL. */
  displayOf(url: string): string {
    const known = this.displays.get(url);
    if (known !== undefined) return known;
    const display = url.startsWith('file:') ? fileURLToPath(url) : url;
    this.displays.set(url, display);
    return display;
  }

  /** The root document's content. */
  get root(): unknown {
    return this.docs.get(this.rootUrl);
  }

  /**
   * Follows one `$ref` written at `site`. Throws `spec-ref` when it leads nowhere and
   * `spec-ref-refused` when it leaves the places the caller allowed.
   */
  resolve(ref: string, site: RefSite): RefTarget {
    const hash = ref.indexOf('#');
    const file = hash === -1 ? ref : ref.slice(0, hash);
    let fragment = hash === -1 ? '' : ref.slice(hash + 1);
    const where = `${this.displayOf(site.url)}#${site.pointer}`;
    let url: string;
    try {
      url = file === '' ? site.url : stripFragment(new URL(file, site.url).href);
      fragment = decodeURIComponent(fragment);
    } catch {
      throw this.broken(ref, site, `${where}: $ref ${JSON.stringify(ref)} is not a valid URI reference.`);
    }
    if (fragment !== '' && !fragment.startsWith('/')) {
      throw this.broken(
        ref,
        site,
        `${where}: $ref ${JSON.stringify(ref)} uses a plain-name fragment; only JSON pointers (#/...) are supported.`,
      );
    }
    const refusal = this.refusal(url);
    if (refusal !== undefined) {
      throw new AssayError('spec-ref-refused', `${where}: $ref ${JSON.stringify(ref)} ${refusal}`, {
        file: this.displayOf(site.url),
        pointer: site.pointer,
      });
    }
    const failure = this.failures.get(url);
    if (failure !== undefined) {
      throw new AssayError(
        'spec-ref',
        `${where}: $ref ${JSON.stringify(ref)} cannot be read: ${failure.message}`,
        {
          file: this.displayOf(site.url),
          pointer: site.pointer,
          cause: failure,
        },
      );
    }
    if (!this.docs.has(url)) {
      throw this.broken(
        ref,
        site,
        `${where}: $ref ${JSON.stringify(ref)} points to a document that was not read.`,
      );
    }
    const value = pointerGet(this.docs.get(url), fragment);
    if (value === undefined) {
      throw this.broken(
        ref,
        site,
        `${where}: $ref ${JSON.stringify(ref)} points to nothing; fix the path or add the target.`,
      );
    }
    return { url, pointer: fragment, value };
  }

  private broken(_ref: string, site: RefSite, message: string): AssayError {
    return new AssayError('spec-ref', message, { file: this.displayOf(site.url), pointer: site.pointer });
  }

  /** Why a document may not be read, or `undefined` when it may. */
  private refusal(url: string): string | undefined {
    if (/^https?:/i.test(url)) {
      if (/^https?:/i.test(this.rootUrl) && new URL(url).origin === new URL(this.rootUrl).origin)
        return undefined;
      return this.allowRemoteRefs
        ? undefined
        : 'is remote; remote references are refused unless allowRemoteRefs is set.';
    }
    if (!url.startsWith('file:')) return `uses an unsupported URL scheme.`;
    if (this.allowExternalFiles) return undefined;
    if (this.rootFolder === undefined) {
      return 'is a file reference from a remote spec; set allowExternalFiles to follow it.';
    }
    const path = fileURLToPath(url);
    const folder = pathToFileURL(this.rootFolder).href.replace(/\/?$/, '/');
    if (!pathToFileURL(path).href.startsWith(folder)) {
      return "leaves the spec's folder; set allowExternalFiles to follow it.";
    }
    return undefined;
  }
}

function stripFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

function collectRefs(node: unknown, refs: Set<string>): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, refs);
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref') {
      if (typeof value === 'string' && !value.startsWith('#')) refs.add(value);
      else collectRefs(value, refs);
    } else if (!DATA_KEYS.has(key) && !key.startsWith('x-')) {
      collectRefs(value, refs);
    }
  }
}
