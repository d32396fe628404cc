import { schemaKeywords } from '@assay/json-schema';
import type { JsonSchema, JsonSchemaObject } from '@assay/model';

/** Which side of the wire a schema describes. */
export type ViewMode = 'request' | 'response';

const DEF_PREFIX = '#/$defs/';
const { single: SINGLE, list: LIST, map: MAP } = schemaKeywords;

/**
 * Request and response views of the schemas of one API (OAS 3.1 §4.8.24.4, readOnly/writeOnly):
 * a required readOnly property need not be sent, and a required writeOnly one is never returned.
 * A definition is copied into a view (`<key>.request` / `<key>.response`) only when it, or something
 * it refers to, has such a property; every other definition is shared by both sides unchanged.
 */
export class SchemaViews {
  private readonly affected: Record<ViewMode, Set<string>>;
  private readonly viewKeys: Record<ViewMode, Map<string, string>> = {
    request: new Map(),
    response: new Map(),
  };

  constructor(private readonly defs: Record<string, JsonSchema>) {
    const refsOf = new Map<string, Set<string>>();
    const direct: Record<ViewMode, string[]> = { request: [], response: [] };
    for (const [key, def] of Object.entries(defs)) {
      const refs = new Set<string>();
      const flags = { request: false, response: false };
      scan(def, defs, refs, flags);
      refsOf.set(key, refs);
      if (flags.request) direct.request.push(key);
      if (flags.response) direct.response.push(key);
    }
    // A definition needs a view when it reaches one that does: walk the reversed reference graph.
    const referrers = new Map<string, string[]>();
    for (const [key, refs] of refsOf) {
      for (const ref of refs) {
        const list = referrers.get(ref);
        if (list === undefined) referrers.set(ref, [key]);
        else list.push(key);
      }
    }
    const reach = (start: string[]): Set<string> => {
      const seen = new Set(start);
      const queue = [...start];
      while (queue.length > 0) {
        for (const referrer of referrers.get(queue.pop()!) ?? []) {
          if (!seen.has(referrer)) {
            seen.add(referrer);
            queue.push(referrer);
          }
        }
      }
      return seen;
    };
    this.affected = { request: reach(direct.request), response: reach(direct.response) };
  }

  /** The `mode` view of a schema; the schema itself when the view changes nothing. */
  view(schema: JsonSchema, mode: ViewMode): JsonSchema {
    return this.rewrite(schema, mode);
  }

  private rewrite(schema: JsonSchema, mode: ViewMode): JsonSchema {
    if (typeof schema === 'boolean') return schema;
    let out: JsonSchemaObject | undefined;
    const set = (key: string, value: unknown) => {
      out ??= { ...schema };
      out[key] = value;
    };
    if (typeof schema.$ref === 'string' && schema.$ref.startsWith(DEF_PREFIX)) {
      const key = schema.$ref.slice(DEF_PREFIX.length);
      if (this.affected[mode].has(key)) set('$ref', DEF_PREFIX + this.viewKey(key, mode));
    }
    for (const keyword of SINGLE) {
      const sub = schema[keyword];
      if (sub !== undefined && (typeof sub === 'boolean' || typeof sub === 'object')) {
        const next = this.rewrite(sub as JsonSchema, mode);
        if (next !== sub) set(keyword, next);
      }
    }
    for (const keyword of LIST) {
      const list = schema[keyword];
      if (!Array.isArray(list)) continue;
      const next = list.map((sub) => this.rewrite(sub as JsonSchema, mode));
      if (next.some((sub, i) => sub !== list[i])) set(keyword, next);
    }
    for (const keyword of MAP) {
      const map = schema[keyword] as Record<string, JsonSchema> | undefined;
      if (map === undefined || map === null || typeof map !== 'object') continue;
      let changed = false;
      const next: Record<string, JsonSchema> = {};
      for (const [name, sub] of Object.entries(map)) {
        next[name] = this.rewrite(sub, mode);
        if (next[name] !== sub) changed = true;
      }
      if (changed) set(keyword, next);
    }
    if (Array.isArray(schema.required) && schema.properties !== undefined) {
      const properties = schema.properties;
      const kept = schema.required.filter((name) => !hidden(properties[name], mode, this.defs));
      if (kept.length !== schema.required.length) set('required', kept);
    }
    return out ?? schema;
  }

  private viewKey(key: string, mode: ViewMode): string {
    const known = this.viewKeys[mode].get(key);
    if (known !== undefined) return known;
    let viewKey = `${key}.${mode}`;
    for (let i = 2; Object.hasOwn(this.defs, viewKey); i++) viewKey = `${key}.${mode}${i}`;
    this.viewKeys[mode].set(key, viewKey);
    // Placeholder first, so a recursive definition finds its view key and stops.
    this.defs[viewKey] = true;
    this.defs[viewKey] = this.rewrite(this.defs[key]!, mode);
    return viewKey;
  }
}

/** True when a property is not part of this side of the wire: readOnly in a request, writeOnly in a response. */
function hidden(property: JsonSchema | undefined, mode: ViewMode, defs: Record<string, JsonSchema>): boolean {
  const flag = mode === 'request' ? 'readOnly' : 'writeOnly';
  let schema = property;
  // Follow a short chain of plain references: `{ $ref }` inherits its target's flag.
  for (let hops = 0; hops < 8 && schema !== undefined && typeof schema === 'object'; hops++) {
    if (schema[flag] === true) return true;
    if (typeof schema.$ref !== 'string' || !schema.$ref.startsWith(DEF_PREFIX)) return false;
    schema = defs[schema.$ref.slice(DEF_PREFIX.length)];
  }
  return false;
}

/** Collects the definitions a schema refers to, and whether it has required readOnly/writeOnly properties of its own. */
function scan(
  schema: unknown,
  defs: Record<string, JsonSchema>,
  refs: Set<string>,
  flags: { request: boolean; response: boolean },
): void {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return;
  const s = schema as JsonSchemaObject;
  if (typeof s.$ref === 'string' && s.$ref.startsWith(DEF_PREFIX)) refs.add(s.$ref.slice(DEF_PREFIX.length));
  for (const keyword of SINGLE) if (s[keyword] !== undefined) scan(s[keyword], defs, refs, flags);
  for (const keyword of LIST)
    if (Array.isArray(s[keyword])) for (const sub of s[keyword] as unknown[]) scan(sub, defs, refs, flags);
  for (const keyword of MAP) {
    const map = s[keyword];
    if (map !== null && typeof map === 'object')
      for (const sub of Object.values(map)) scan(sub, defs, refs, flags);
  }
  if (Array.isArray(s.required) && s.properties !== undefined) {
    for (const name of s.required) {
      if (!flags.request && hidden(s.properties[name], 'request', defs)) flags.request = true;
      if (!flags.response && hidden(s.properties[name], 'response', defs)) flags.response = true;
    }
  }
}
