import { joinPointer, pointerTokens, schemaKeywords } from '@assay/json-schema';
import {
  AssayError,
  type JsonSchema,
  type JsonSchemaObject,
  type SpecFormat,
  type SpecProblem,
} from '@assay/model';
import { addImplicitMapping } from './add-implicit-mapping.js';
import type { DocumentSet, RefSite } from './document-set.js';
import { holdsKey } from './holds-key.js';
import { inPlaceRefs } from './in-place-refs.js';
import { makeNullable } from './make-nullable.js';
import { reachesDynamicRef } from './reaches-dynamic-ref.js';
import { withRef } from './with-ref.js';

// Keywords that would change how ajv resolves `$ref`s inside the schema once it is moved into `$defs`.
const DROPPED = new Set(['$id', 'id', '$schema', '$anchor', '$dynamicAnchor', '$defs', 'definitions']);
// Annotations kept beside a `$ref` even in OAS 3.0, where siblings are formally ignored: they do not
// constrain values, and readOnly/writeOnly beside a `$ref` is how most specs mark a reference read-only.
const REF_ANNOTATIONS = ['description', 'title', 'readOnly', 'writeOnly', 'deprecated', 'default'];

/** Only these characters go into a `$defs` key, so `#/$defs/<key>` needs no escaping anywhere. */
const UNSAFE_KEY = /[^A-Za-z0-9._-]+/g;

/**
 * Turns the Schema Objects of one document set into JSON Schema 2020-12, collecting every referenced
 * schema into one `$defs` map. Each referenced schema is converted once, keyed by where it lives, and
 * referred to as `#/$defs/<key>`: recursion stays a reference, never a JavaScript cycle.
 */
export class SchemaConverter {
  readonly defs: Record<string, JsonSchema> = {};
  private readonly keyByLocation = new Map<string, string>();
  private readonly locationByKey = new Map<string, string>();
  private readonly usedKeys = new Set<string>();
  /** Keys of the root document's own components, which are their schema names. */
  private readonly componentKeys = new Set<string>();
  private readonly legacy: boolean;
  /**
   * The dynamic scope (2020-12 §7.1): the schema resources conversion has entered on the way to the
   * schema it converts, outermost first. Kept only when a document uses `$dynamicRef`.
   */
  private readonly scope: string[] = [];
  private readonly dynamic: boolean;
  /** Locations known to reach a `$dynamicRef` ({@link reachesDynamicRef}). */
  private readonly reachingDynamicRef = new Set<string>();

  constructor(
    private readonly docs: DocumentSet,
    private readonly format: SpecFormat,
    private readonly problems: SpecProblem[],
  ) {
    this.legacy = format === 'swagger-2.0' || format === 'openapi-3.0';
    this.dynamic = !this.legacy && docs.identifiers().usesDynamicRef;
  }

  /** Converts every schema of the root's `components/schemas` (or `definitions`) into `$defs`, in document order. */
  convertComponents(): void {
    const root = this.docs.root as Record<string, unknown>;
    const base = this.format === 'swagger-2.0' ? '/definitions' : '/components/schemas';
    const map =
      this.format === 'swagger-2.0'
        ? root.definitions
        : (root.components as Record<string, unknown> | undefined)?.schemas;
    if (map === null || typeof map !== 'object') return;
    // Reserve the names first, so a document's own schemas keep their names whatever refers to what.
    for (const name of Object.keys(map))
      this.componentKeys.add(this.keyFor(this.docs.rootUrl, joinPointer(base, name)));
    for (const name of Object.keys(map))
      this.refTo(this.docs.rootUrl, joinPointer(base, name), map[name as keyof typeof map]);
  }

  /**
   * Throws `spec-ref` for definitions that are nothing but references going round in a circle
   * (`A: {$ref: B}`, `B: {$ref: A}`): no value can be checked against them, and a validator would
   * recurse forever. Recursion through properties or items is fine and stays as it is.
   */
  checkReferenceCycles(): void {
    const target = (key: string): string | undefined => {
      const def = this.defs[key];
      if (typeof def !== 'object' || typeof def.$ref !== 'string') return undefined;
      const constraining = Object.keys(def).some((k) => k !== '$ref' && !REF_ANNOTATIONS.includes(k));
      return constraining ? undefined : def.$ref.slice('#/$defs/'.length);
    };
    const safe = new Set<string>();
    for (const start of Object.keys(this.defs)) {
      const chain: string[] = [];
      let key: string | undefined = start;
      while (key !== undefined && !safe.has(key)) {
        if (chain.includes(key)) {
          const location = this.locationByKey.get(key) ?? '';
          const hash = location.indexOf('#');
          const url = location.slice(0, hash);
          throw new AssayError(
            'spec-ref',
            `${this.docs.displayOf(url)}#${location.slice(hash + 1)}: the references ${[...chain.slice(chain.indexOf(key)), key].join(' -> ')} go round in a circle without ever reaching a schema. Point one of them at a real schema.`,
            { file: this.docs.displayOf(url), pointer: joinPointer(location.slice(hash + 1), '$ref') },
          );
        }
        chain.push(key);
        key = target(key);
      }
      for (const seen of chain) safe.add(seen);
    }
    this.checkInPlaceCycles();
  }

  /**
   * Throws `spec-schema` for a definition that applies itself to the same value again without
   * moving into a property or an item (`A: {allOf: [{$ref: A}]}`, `A: {anyOf: [{type: string},
   * {$ref: A}]}`): validating a value that fails the other branches would recurse forever.
   */
  private checkInPlaceCycles(): void {
    const edges = new Map<string, string[]>();
    for (const [key, def] of Object.entries(this.defs)) edges.set(key, [...new Set(inPlaceRefs(def, []))]);
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (key: string): void => {
      state.set(key, 'open');
      path.push(key);
      for (const next of edges.get(key) ?? []) {
        const seen = state.get(next);
        if (seen === 'open') {
          const cycle = [...path.slice(path.indexOf(next)), next];
          const location = this.locationByKey.get(next) ?? '#';
          const hash = location.indexOf('#');
          const file = this.docs.displayOf(location.slice(0, hash));
          throw new AssayError(
            'spec-schema',
            `${file}#${location.slice(hash + 1)}: the schemas ${cycle.join(' -> ')} apply themselves to the same value again (through allOf/anyOf/oneOf/not/if), so validation would never end. Make the recursion go through a property or an array item.`,
            { file, pointer: location.slice(hash + 1) },
          );
        }
        if (seen === undefined) visit(next);
      }
      path.pop();
      state.set(key, 'done');
    };
    for (const key of edges.keys()) if (!state.has(key)) visit(key);
  }

  /** Converts the schema found at `site`. */
  convert(node: unknown, site: RefSite): JsonSchema {
    if (!this.dynamic) return this.convertNode(node, site);
    const base = this.docs.baseOf(site);
    const entered = !this.scope.includes(base);
    if (entered) this.scope.push(base);
    try {
      return this.convertNode(node, site);
    } finally {
      if (entered) this.scope.pop();
    }
  }

  private convertNode(node: unknown, site: RefSite): JsonSchema {
    if (typeof node === 'boolean') return node;
    if (node === null || typeof node !== 'object' || Array.isArray(node)) {
      this.warn('schema-not-object', site, 'a schema must be an object; treating it as {} (anything goes)');
      return {};
    }
    const source = node as Record<string, unknown>;
    if (typeof source.$ref === 'string') return this.convertRef(source, site);
    if (typeof source.$dynamicRef === 'string' && !this.legacy) return this.convertDynamicRef(source, site);

    const out: JsonSchemaObject = {};
    for (const [key, value] of Object.entries(source)) {
      if (DROPPED.has(key)) continue;
      const at = { url: site.url, pointer: joinPointer(site.pointer, key) };
      if (schemaKeywords.map.has(key)) {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
        const map: Record<string, JsonSchema> = {};
        for (const [name, sub] of Object.entries(value))
          map[name] = this.convert(sub, { url: at.url, pointer: joinPointer(at.pointer, name) });
        out[key] = map;
      } else if (schemaKeywords.list.has(key)) {
        if (!Array.isArray(value)) continue;
        out[key] = value.map((sub, i) =>
          this.convert(sub, { url: at.url, pointer: joinPointer(at.pointer, i) }),
        );
      } else if (key === 'additionalProperties' && typeof value === 'boolean') {
        out[key] = value;
      } else if (key === 'items') {
        if (Array.isArray(value)) {
          // A tuple: `items: [...]` became `prefixItems` in 2020-12.
          out.prefixItems = value.map((sub, i) =>
            this.convert(sub, { url: at.url, pointer: joinPointer(at.pointer, i) }),
          );
        } else {
          out.items = this.convert(value, at);
        }
      } else if (schemaKeywords.single.has(key)) {
        out[key] = this.convert(value, at);
      } else if (key === 'additionalItems') {
        if (Array.isArray(source.items)) out.items = this.convert(value, at);
      } else if (key === 'example') {
        if (!Object.hasOwn(source, 'examples') || !Array.isArray(source.examples)) out.examples = [value];
      } else if (key === 'examples') {
        // Only a list is a JSON Schema `examples`; OAS-style maps are dropped.
        if (Array.isArray(value)) out.examples = value;
      } else if (key === 'exclusiveMinimum' || key === 'exclusiveMaximum') {
        if (typeof value === 'number') out[key] = value;
        // Booleans are handled with minimum/maximum below.
      } else if (key === 'enum' && Array.isArray(value) && value.length === 0) {
        // An empty enum allows nothing (2020-12 §6.1.2 wants a non-empty list; ajv refuses to compile it).
        out.not = {};
      } else if (key === 'required') {
        if (Array.isArray(value) && value.every((name) => typeof name === 'string')) out.required = value;
        else
          this.warn(
            'schema-required-not-list',
            at,
            '`required` in a schema must be a list of property names; ignored',
          );
      } else if (key === 'discriminator') {
        const discriminator = this.convertDiscriminator(value, at);
        if (discriminator !== undefined) out.discriminator = discriminator;
      } else if (key === 'type') {
        if (value === 'file') {
          // Swagger 2.0 `type: file`: an uploaded file's bytes.
          out.type = 'string';
          out.format ??= 'binary';
        } else {
          out.type = value as JsonSchemaObject['type'];
        }
      } else if (key.startsWith('x-') && holdsKey(value, '$ref')) {
        // A vendor annotation pointing elsewhere (Stripe's x-expansionResources, x-enum-reference):
        // its `$ref` would be the one reference in the schema not into `$defs`, so the annotation goes.
      } else if (key === 'nullable' || key === 'x-nullable') {
        // Handled below. Never kept: ajv reads `nullable` as its own keyword and refuses it without `type`.
      } else {
        out[key] = value;
      }
    }
    for (const bound of ['Minimum', 'Maximum'] as const) {
      const flag = source[`exclusive${bound}`];
      const limitKey = bound === 'Minimum' ? 'minimum' : 'maximum';
      if (flag === true && typeof source[limitKey] === 'number') {
        out[`exclusive${bound}`] = source[limitKey] as number;
        delete out[limitKey];
      }
    }
    if (out.discriminator !== undefined) addImplicitMapping(out, this.componentKeys);
    // `nullable` is not a 3.1 keyword, but 3.1 specs converted from 3.0 keep it and mean it.
    const nullable = source.nullable === true || source['x-nullable'] === true;
    return nullable ? makeNullable(out) : out;
  }

  /** Where the definition `key` came from: its pointer, and its file when that is not the root. */
  locationOf(key: string): { pointer: string; file?: string } {
    const location = this.locationByKey.get(key) ?? '#';
    const hash = location.indexOf('#');
    const url = location.slice(0, hash);
    const pointer = location.slice(hash + 1).replace(/ .*$/, '');
    return url === this.docs.rootUrl || url === ''
      ? { pointer }
      : { pointer, file: this.docs.displayOf(url) };
  }

  /** A reference to a converted schema: `{ $ref: '#/$defs/<key>' }`. Converts the target the first time. */
  private convertRef(source: Record<string, unknown>, site: RefSite): JsonSchema {
    const refSite = { url: site.url, pointer: joinPointer(site.pointer, '$ref') };
    const target = this.docs.resolve(source.$ref as string, refSite);
    const ref: JsonSchemaObject = { $ref: this.refTo(target.url, target.pointer, target.value) };
    if (!this.legacy) {
      // In 3.1 a `$ref` has sibling keywords like any other schema keyword.
      const { $ref: _ignored, nullable, 'x-nullable': xNullable, ...rest } = source;
      const siblings = Object.keys(rest).length === 0 ? {} : this.convert(rest, site);
      const merged = typeof siblings === 'boolean' ? ref : withRef(siblings, ref.$ref as string);
      return nullable === true || xNullable === true ? makeNullable(merged) : merged;
    }
    for (const key of REF_ANNOTATIONS) if (Object.hasOwn(source, key)) ref[key] = source[key];
    if (source.nullable === true || source['x-nullable'] === true) return makeNullable(ref);
    return ref;
  }

  /**
   * `$dynamicRef` resolved statically (2020-12 §8.2.3.2): like `$ref`, unless it names a plain
   * fragment that the schema it first reaches declares as `$dynamicAnchor`; then it goes to the
   * outermost resource of the dynamic scope that declares that dynamic anchor.
   */
  private convertDynamicRef(source: Record<string, unknown>, site: RefSite): JsonSchema {
    const reference = source.$dynamicRef as string;
    const refSite = { url: site.url, pointer: joinPointer(site.pointer, '$dynamicRef') };
    let target = this.docs.resolve(reference, refSite);
    const hash = reference.indexOf('#');
    const name = hash === -1 ? '' : reference.slice(hash + 1);
    const declares = (value: unknown) =>
      value !== null &&
      typeof value === 'object' &&
      (value as Record<string, unknown>).$dynamicAnchor === name;
    if (name !== '' && !name.startsWith('/') && declares(target.value)) {
      const anchors = this.docs.identifiers().dynamicAnchors;
      for (const resource of this.scope) {
        const location = anchors.get(`${resource}#${name}`);
        if (location === undefined) continue;
        target = { ...location, value: this.docs.valueAt(location) };
        break;
      }
    }
    const { $dynamicRef: _ignored, ...rest } = source;
    const key = this.refTo(target.url, target.pointer, target.value);
    const siblings = Object.keys(rest).length === 0 ? {} : this.convert(rest, site);
    return typeof siblings === 'boolean' ? { $ref: key } : withRef(siblings, key);
  }

  /** `#/$defs/<key>` for the schema at `url#pointer`, converting it on first use. */
  refTo(url: string, pointer: string, value: unknown): string {
    const key = this.keyFor(url, pointer, this.scopeSignature({ url, pointer }, value));
    if (!Object.hasOwn(this.defs, key)) {
      // Placeholder first: a schema that refers back to itself finds its key and stops there.
      this.defs[key] = true;
      const converted = this.convert(value, { url, pointer });
      // A definition is an object schema: `true` and `false` as the schemas that mean the same.
      this.defs[key] = converted === true ? {} : converted === false ? { not: {} } : converted;
    }
    return `#/$defs/${key}`;
  }

  /**
   * What a schema's conversion depends on besides its location: the resources in scope that declare
   * dynamic anchors, when evaluating the schema can meet a `$dynamicRef`, in it or behind its
   * references (empty otherwise, and without any). So a schema reached under two dynamic scopes
   * is converted once for each.
   */
  private scopeSignature(site: RefSite, value: unknown): string {
    if (!this.dynamic || !reachesDynamicRef(this.docs, site, value, this.reachingDynamicRef)) return '';
    const anchors = [...this.docs.identifiers().dynamicAnchors.keys()];
    const providers = this.scope.filter((resource) => anchors.some((a) => a.startsWith(`${resource}#`)));
    return providers.length === 0 ? '' : ` ${providers.join(' ')}`;
  }

  private keyFor(url: string, pointer: string, signature = ''): string {
    const location = url + '#' + pointer + signature;
    const known = this.keyByLocation.get(location);
    if (known !== undefined) return known;
    const match = /^\/(?:components\/schemas|definitions)\/([^/]+)$/.exec(pointer);
    const tokens = pointerTokens(pointer);
    const wanted =
      match !== null ? tokens[tokens.length - 1]! : tokens.filter((t) => t !== 'content').join('_');
    let base = wanted.replace(UNSAFE_KEY, '_').slice(0, 100);
    if (base === '') base = 'schema';
    let key = base;
    for (let i = 2; this.usedKeys.has(key); i++) key = `${base}_${i}`;
    this.usedKeys.add(key);
    this.keyByLocation.set(location, key);
    this.locationByKey.set(key, location);
    return key;
  }

  private convertDiscriminator(value: unknown, site: RefSite): JsonSchemaObject['discriminator'] {
    if (typeof value === 'string') return { propertyName: value };
    if (value === null || typeof value !== 'object') return undefined;
    const { propertyName, mapping } = value as { propertyName?: unknown; mapping?: unknown };
    if (typeof propertyName !== 'string') return undefined;
    if (mapping === null || typeof mapping !== 'object') return { propertyName };
    const converted: Record<string, string> = {};
    for (const [name, target] of Object.entries(mapping)) {
      if (typeof target !== 'string') continue;
      // A bare name means a schema of components/schemas (OAS 3.1 §4.8.25); anything else is a URI reference.
      const base = this.format === 'swagger-2.0' ? '#/definitions/' : '#/components/schemas/';
      const ref = /^[A-Za-z0-9._-]+$/.test(target) ? base + target : target;
      const at = { url: site.url, pointer: joinPointer(site.pointer, 'mapping', name) };
      try {
        const resolved = this.docs.resolve(ref, at);
        converted[name] = this.refTo(resolved.url, resolved.pointer, resolved.value);
      } catch {
        this.warn(
          'discriminator-mapping',
          at,
          `the mapping target ${JSON.stringify(target)} is not a schema; entry ignored`,
        );
      }
    }
    return { propertyName, mapping: converted };
  }

  private warn(code: string, site: RefSite, message: string): void {
    const file = site.url === this.docs.rootUrl ? undefined : this.docs.displayOf(site.url);
    this.problems.push({
      severity: 'warning',
      code,
      pointer: site.pointer,
      message: `${site.pointer || '/'}: ${message}`,
      ...(file === undefined ? {} : { file }),
    });
  }
}
