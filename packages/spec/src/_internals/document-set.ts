import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { readPointer } from '@assay/json-schema';
import { AssayError } from '@assay/model';
import { parseDocument } from './parse-document.js';
import { readDocumentText } from './read-document.js';
import { absolute, SchemaIdentifiers, type SchemaLocation, stripFragment } from './schema-identifiers.js';

type FileInfo = SwaggerParser.FileInfo;

/**
 * swagger-parser's base class, the `$RefParser` it extends. `SwaggerParser#parse` adds a version
 * gate that refuses documents real APIs publish (`info.version: 1.0` as a number, `openapi: 3.0`
 * without a patch number); Assay reports those as meta-schema problems instead, so it reads through
 * the base class and keeps the resolution machinery.
 */
const RefParser = Object.getPrototypeOf(SwaggerParser) as new () => SwaggerParser;

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

/**
 * The documents of one spec: the root and every file (or, when allowed, URL) its `$ref`s reach.
 * Everything is read up front, by swagger-parser's `$RefParser` with Assay's own resolvers (which
 * enforce the folder and remote rules before anything is read) and YAML parser (js-yaml with the
 * alias-bomb limit), so that resolution afterwards is synchronous. Reading failures are kept and
 * raised only when a `$ref` that needs the document is actually followed.
 */
export class DocumentSet {
  readonly rootUrl: string;
  private readonly docs = new Map<string, unknown>();
  private readonly failures = new Map<string, AssayError>();
  private readonly displays = new Map<string, string>();
  private readonly rootFolder: string | undefined;

  private readonly texts = new Map<string, string>();
  private ids: SchemaIdentifiers | undefined;

  constructor(
    rootUrl: string,
    rootDisplay: string,
    private readonly allowRemoteRefs: boolean,
    private readonly allowExternalFiles: boolean,
  ) {
    this.rootUrl = rootUrl;
    this.displays.set(rootUrl, rootDisplay);
    this.rootFolder = rootUrl.startsWith('file:') ? dirname(fileURLToPath(rootUrl)) : undefined;
  }

  /**
   * Reads the root (unless its content is given) and every document reachable through `$ref`s.
   * Throws the root's own reading or parsing error (`spec-not-found`, `spec-parse`).
   */
  async read(root?: unknown): Promise<void> {
    if (root !== undefined) this.docs.set(this.rootUrl, root);
    const resolver = (canRead: RegExp | boolean, order: number) => ({
      order,
      canRead: typeof canRead === 'boolean' ? canRead : (file: FileInfo) => canRead.test(file.url),
      read: (file: FileInfo) => this.readText(normalUrl(file.url)),
    });
    const parser = {
      order: 1,
      allowEmpty: true,
      canParse: true,
      parse: (file: FileInfo) => this.parseText(normalUrl(file.url)),
    };
    const options = {
      resolve: {
        external: true,
        file: resolver(/^(file:|\/)/i, 1),
        http: resolver(/^https?:/i, 2),
        // Any other scheme is refused when followed; nothing is read for it.
        other: resolver(true, 3),
      },
      parse: { json: false, yaml: false, text: false, binary: false, spec: parser },
    } as unknown as SwaggerParser.Options;
    const refParser = new RefParser();
    // A root already in memory is handed over as an object ($RefParser then only reads references).
    const container = root !== undefined && isObject(root) ? root : undefined;
    // $RefParser takes a local root as a path (a `file:` URL would be encoded twice).
    const base = this.rootUrl.startsWith('file:') ? fileURLToPath(this.rootUrl) : this.rootUrl;
    if (container !== undefined) await refParser.resolve(base, container as never, options);
    else if (root === undefined) await refParser.resolve(base, options);
    const failure = this.failures.get(this.rootUrl);
    if (failure !== undefined) throw failure;
  }

  /** The root document's text, when it was read from a file or URL. */
  get rootText(): string | undefined {
    return this.texts.get(this.rootUrl);
  }

  private async readText(url: string): Promise<string> {
    const refusal = url === this.rootUrl ? undefined : this.refusal(url);
    // Refused documents are never read; following a `$ref` into one raises the refusal.
    if (refusal !== undefined || this.texts.has(url) || this.failures.has(url)) return '';
    try {
      const text = await readDocumentText(url, this.displayOf(url), (target) =>
        url === this.rootUrl ? true : this.refusal(target) === undefined,
      );
      this.texts.set(url, text);
      return text;
    } catch (error) {
      this.failures.set(url, AssayError.is(error) ? error : unreadable(this.displayOf(url), error));
      return '';
    }
  }

  private parseText(url: string): unknown {
    const text = this.texts.get(url);
    if (text === undefined || this.docs.has(url)) return this.docs.get(url) ?? {};
    try {
      const content = parseDocument(text, this.displayOf(url));
      this.docs.set(url, content);
      // $RefParser walks objects only; a scalar root is refused later with a clear message.
      return isObject(content) ? content : {};
    } catch (error) {
      // $RefParser would wrap anything thrown here and hide what it was: keep it an AssayError.
      this.failures.set(url, AssayError.is(error) ? error : unreadable(this.displayOf(url), error));
      return {};
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
    const byIdentifier = this.resolveByIdentifier(ref, site);
    if (byIdentifier !== undefined) return byIdentifier;
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
        `${where}: $ref ${JSON.stringify(ref)} names no $anchor or $dynamicAnchor of its schema resource.`,
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
        failure.code === 'spec-ref-refused' ? 'spec-ref-refused' : 'spec-ref',
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
    const value = readPointer(this.docs.get(url), fragment);
    if (value === undefined) {
      throw this.broken(
        ref,
        site,
        `${where}: $ref ${JSON.stringify(ref)} points to nothing; fix the path or add the target.`,
      );
    }
    return { url, pointer: fragment, value };
  }

  /** The schema identifiers ($id, $anchor, $dynamicAnchor) of every document read. */
  identifiers(): SchemaIdentifiers {
    if (this.ids === undefined) {
      this.ids = new SchemaIdentifiers();
      for (const [url, document] of this.docs) this.ids.add(url, document);
    }
    return this.ids;
  }

  /** The value at a location of a document read. */
  valueAt(location: SchemaLocation): unknown {
    return readPointer(this.docs.get(location.url), location.pointer);
  }

  /** The base URI in force where a schema sits (JSON Schema 2020-12 §8.2.1). */
  baseOf(site: RefSite): string {
    return this.identifiers().baseAt(site.url, site.pointer, this.docs.get(site.url));
  }

  /**
   * Follows a reference the JSON Schema way: against the base URI its enclosing `$id`s give, into a
   * schema resource of the documents read, by JSON pointer inside the resource or by `$anchor`.
   * Undefined when the reference names no embedded resource or anchor: it is then read as a
   * reference into a document, relative to that document, as OpenAPI reads it.
   */
  private resolveByIdentifier(ref: string, site: RefSite): RefTarget | undefined {
    const ids = this.identifiers();
    const base = this.baseOf(site);
    const target = absolute(ref, base);
    if (target === undefined) return undefined;
    const hash = target.indexOf('#');
    const resourceUri = stripFragment(target);
    let fragment = hash === -1 ? '' : target.slice(hash + 1);
    try {
      fragment = decodeURIComponent(fragment);
    } catch {
      return undefined;
    }
    let location: SchemaLocation | undefined;
    if (fragment !== '' && !fragment.startsWith('/'))
      location = ids.anchors.get(`${resourceUri}#${fragment}`);
    else {
      const resource = ids.resources.get(resourceUri);
      if (resource !== undefined) location = { url: resource.url, pointer: resource.pointer + fragment };
    }
    if (location === undefined) return undefined;
    const value = readPointer(this.docs.get(location.url), location.pointer);
    return value === undefined ? undefined : { ...location, value };
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

/** An unexpected failure while reading or parsing a document, as the error the user gets. */
function unreadable(display: string, error: unknown): AssayError {
  const deep = error instanceof RangeError && /call stack/i.test(error.message);
  return new AssayError(
    'spec-parse',
    deep
      ? `${display} nests objects too deeply to be read as an API description.`
      : `${display} could not be read: ${error instanceof Error ? error.message : String(error)}`,
    { file: display, cause: error },
  );
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

/**
 * The one spelling of a document's URL: $RefParser names local files by their percent-encoded
 * path (`/a%20b/c.yaml`), Assay by the `file:` URL `pathToFileURL` gives.
 */
function normalUrl(url: string): string {
  try {
    return stripFragment(new URL(url.startsWith('/') ? `file://${url}` : url).href);
  } catch {
    return stripFragment(url);
  }
}
