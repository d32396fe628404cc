// A reference server for a pagination convention, written from its framework's documentation, and
// the single faults the convention tests plant in it one at a time.
import type { HttpRequest, HttpResponse, OrderingSyntax } from '@assay/model';

export interface Item {
  id: number;
  name: string;
  rank: number;
}

/** 23 items, so that pages of 5 and of 4 both end on a short page. */
export const DATA: readonly Item[] = Array.from({ length: 23 }, (_, i) => ({
  id: i + 1,
  name: `item-${String.fromCharCode(97 + ((i * 7) % 23))}`,
  rank: (i * 11) % 17,
}));

export const DEFAULT_SIZE = 5;
const CAP = 50;

/** Where a page sits, as the paginator computes it. */
export interface Window {
  items: Item[];
  /** The total the page reports. */
  total: number;
  size: number;
  offset: number;
  /** 0-based page index. */
  index: number;
  pages: number;
  /** Whether the page says it is the last (the fault `next-on-last` makes it say otherwise). */
  last: boolean;
  /** The whole sorted, unsliced result (for cursors that name items). */
  all: readonly Item[];
}

/** The query changes that reach a page at an offset (page number, offset, or cursor). */
export type At = (offset: number, size: number, all: readonly Item[]) => Record<string, string | undefined>;

export interface ConventionCase {
  /** The convention `loadApi` must detect. */
  convention: string;
  params: { name: string; schema: Record<string, unknown> }[];
  body: Record<string, unknown>;
  headers?: Record<string, Record<string, unknown>>;
  hasTotal: boolean;
  /** The convention has no next link, token or flag (a next page is found by counting), so `next-on-last` cannot happen. */
  countsOnly?: boolean;
  ordering: { param: string; syntax: OrderingSyntax };
  /** The documented request semantics: the offset and size asked for, or `bad` for a 400. */
  read(q: URLSearchParams, all: readonly Item[]): { offset: number; size?: number } | 'bad';
  at: At;
  render(
    w: Window,
    link: (offset: number) => string,
    q: URLSearchParams,
  ): { body: unknown; headers?: Record<string, string> };
}

export type Fault = 'overlap' | 'skip' | 'wrong-total' | 'next-on-last' | 'size-ignored' | 'ordering-ignored';
export const FAULTS: readonly Fault[] = [
  'overlap',
  'skip',
  'wrong-total',
  'next-on-last',
  'size-ignored',
  'ordering-ignored',
];

export const ORIGIN = 'http://testserver';
export const PATH = '/things';

/** Answers a request as the convention documents, with at most one fault. */
export function serveConvention(c: ConventionCase, request: HttpRequest, fault?: Fault): HttpResponse {
  const q = new URLSearchParams(request.query);
  let all = [...DATA];
  const order = q.get(c.ordering.param);
  if (order !== null && fault !== 'ordering-ignored') all = sorted(all, order, c.ordering.syntax);
  const asked = c.read(q, all);
  if (asked === 'bad') return json(400, { error: 'bad request' });
  let size = Math.min(asked.size ?? DEFAULT_SIZE, CAP);
  if (fault === 'size-ignored') size = DEFAULT_SIZE;
  let offset = asked.offset;
  if (offset > 0 && fault === 'overlap') offset -= 1;
  if (offset > 0 && fault === 'skip') offset += 1;
  const total = all.length;
  const pages = Math.max(1, Math.ceil(total / size));
  const lastPage = asked.offset + size >= total;
  const window: Window = {
    items: all.slice(offset, offset + size),
    total: fault === 'wrong-total' ? total + 3 : total,
    size,
    offset: asked.offset,
    index: Math.floor(asked.offset / size),
    pages,
    last: fault === 'next-on-last' ? false : lastPage,
    all,
  };
  const link = (to: number): string => {
    const next = new URLSearchParams(q);
    for (const [k, v] of Object.entries(c.at(to, size, all))) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    const text = next.toString();
    return `${ORIGIN}${PATH}${text === '' ? '' : `?${text}`}`;
  };
  const { body, headers } = c.render(window, link, q);
  return json(200, body, headers);
}

function sorted(items: Item[], value: string, syntax: OrderingSyntax): Item[] {
  let field: string;
  let descending = false;
  if (syntax === 'minus') {
    descending = value.startsWith('-');
    field = value.replace(/^[-+]/, '');
  } else {
    const parts = value.split(syntax === 'comma' ? ',' : syntax === 'colon' ? ':' : /\s+/);
    field = parts[0] ?? '';
    descending = (parts[1] ?? '').toLowerCase() === 'desc';
  }
  if (field !== 'name' && field !== 'rank' && field !== 'id') return items;
  const key = field as keyof Item;
  return [...items].sort((a, b) => {
    const c = a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : a.id - b.id;
    return descending ? -c : c;
  });
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    truncated: false,
    durationMs: 1,
  };
}

/** A positive integer query value, or `undefined`; `bad` for a value that is not one. */
export function intOf(q: URLSearchParams, name: string): number | undefined | 'bad' {
  const raw = q.get(name);
  if (raw === null) return undefined;
  return /^\d+$/.test(raw) ? Number(raw) : 'bad';
}

/** Reads `page` (numbered from `first`) and a size parameter. */
export function readPage(q: URLSearchParams, pageParam: string, sizeParam: string, first: number) {
  const page = intOf(q, pageParam);
  const size = intOf(q, sizeParam);
  if (page === 'bad' || size === 'bad' || (page !== undefined && page < first) || size === 0)
    return 'bad' as const;
  const s = size ?? DEFAULT_SIZE;
  return { offset: ((page ?? first) - first) * Math.min(s, CAP), ...(size === undefined ? {} : { size }) };
}

/** Reads an offset and a size parameter. */
export function readOffset(q: URLSearchParams, offsetParam: string, sizeParam: string) {
  const offset = intOf(q, offsetParam);
  const size = intOf(q, sizeParam);
  if (offset === 'bad' || size === 'bad' || size === 0) return 'bad' as const;
  return { offset: offset ?? 0, ...(size === undefined ? {} : { size }) };
}

/** An opaque cursor carrying an offset. */
export function cursorOf(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

/** Reads an opaque cursor and a size parameter. */
export function readCursor(q: URLSearchParams, cursorParam: string, sizeParam: string) {
  const raw = q.get(cursorParam);
  const size = intOf(q, sizeParam);
  if (size === 'bad' || size === 0) return 'bad' as const;
  let offset = 0;
  if (raw !== null && raw !== '') {
    const m = /^o:(\d+)$/.exec(Buffer.from(raw, 'base64url').toString());
    if (m === null) return 'bad' as const;
    offset = Number(m[1]);
  }
  return { offset, ...(size === undefined ? {} : { size }) };
}

export const int = { type: 'integer' };
export const str = { type: 'string' };
export const nullableStr = { type: 'string', nullable: true };
export const nullableInt = { type: 'integer', nullable: true };
export const itemsSchema = { type: 'array', items: { $ref: '#/components/schemas/Thing' } };
export const sizeParam = (name: string) => ({
  name,
  schema: { type: 'integer', minimum: 1, maximum: 100, default: DEFAULT_SIZE },
});
export const pageParam = (name: string, first = 1) => ({ name, schema: { type: 'integer', minimum: first } });
export const orderParam = (name: string, values: string[]) => ({
  name,
  schema: { type: 'string', enum: values },
});

/** The ordering enum in a syntax, for `name` and `rank`. */
export function orderingEnum(syntax: OrderingSyntax): string[] {
  const fields = ['name', 'rank'];
  switch (syntax) {
    case 'minus':
      return fields.flatMap((f) => [f, `-${f}`]);
    case 'comma':
      return fields.flatMap((f) => [`${f},asc`, `${f},desc`]);
    case 'colon':
      return fields.flatMap((f) => [`${f}:ASC`, `${f}:DESC`]);
    case 'space':
      return fields.flatMap((f) => [`${f} asc`, `${f} desc`]);
    case 'field-only':
      return fields;
  }
}
