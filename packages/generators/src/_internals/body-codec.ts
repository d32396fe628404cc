import type { MediaTypeSpec, PropertyEncoding, RequestBody } from '@assay/model';
import { scalarText } from './parameter-wire.js';
import { percentDecode, percentEncode } from './percent-encode.js';

/** The boundary of generated multipart bodies: fixed, so a (seed, path) gives the same bytes. */
export const MULTIPART_BOUNDARY = 'assay-7f3c9d2e1b5a4680';

const PREFERENCE = [
  (m: string) => m === 'application/json',
  (m: string) => m.endsWith('+json') || m.endsWith('/json'),
  (m: string) => m === 'application/x-www-form-urlencoded',
  (m: string) => m === 'multipart/form-data',
  (m: string) => m.startsWith('text/'),
  (m: string) => m === 'application/octet-stream',
];

/** The media type requests use: the caller's choice if declared, else JSON first, then forms, then the first. */
export function pickMediaType(body: RequestBody | undefined, preferred?: string): MediaTypeSpec | undefined {
  if (body === undefined) return undefined;
  const all = Object.values(body.content);
  if (preferred !== undefined && body.content[preferred]) return body.content[preferred];
  for (const test of PREFERENCE) {
    const found = all.find((media) => test(media.mediaType));
    if (found) return found;
  }
  return all[0];
}

/** Whether bodies of this media type are JSON text. Ranges (`*\/*`, `application/*`) are sent as JSON. */
export function isJsonMedia(mediaType: string): boolean {
  return (
    mediaType === 'application/json' ||
    mediaType.endsWith('+json') ||
    mediaType.endsWith('/json') ||
    mediaType.includes('*')
  );
}

export function isFormMedia(mediaType: string): boolean {
  return mediaType === 'application/x-www-form-urlencoded' || mediaType === 'multipart/form-data';
}

/** Flattens a nested value into bracketed keys, `a[b][0]=v`, the way deepObject and Rails/Stripe read them. */
function bracketPairs(prefix: string, value: unknown, out: [string, string][]): void {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) bracketPairs(`${prefix}[${i}]`, item, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) bracketPairs(`${prefix}[${key}]`, item, out);
  } else out.push([prefix, scalarText(value)]);
}

/** Form fields for an object per each property's Encoding Object (OpenAPI 3.1 §4.8.15). */
export function formPairs(
  value: unknown,
  encoding: Record<string, PropertyEncoding> | undefined,
): [string, string][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [['', scalarText(value)]];
  const out: [string, string][] = [];
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const style = encoding?.[key]?.style ?? 'form';
    const explode = encoding?.[key]?.explode ?? style === 'form';
    if (Array.isArray(item)) {
      if (style === 'deepObject') bracketPairs(key, item, out);
      else if (explode)
        item.forEach((element) => {
          out.push([key, scalarText(element)]);
        });
      else
        out.push([
          key,
          item.map(scalarText).join(style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ','),
        ]);
    } else if (item !== null && typeof item === 'object') {
      if (style === 'deepObject') bracketPairs(key, item, out);
      else if (explode)
        Object.entries(item).forEach(([k, v]) => {
          out.push([k, scalarText(v)]);
        });
      else
        out.push([
          key,
          Object.entries(item)
            .flatMap(([k, v]) => [k, scalarText(v)])
            .join(','),
        ]);
    } else out.push([key, scalarText(item)]);
  }
  return out;
}

/** A serialised body and its content type. */
export interface EncodedBody {
  body: string;
  contentType: string;
}

/** Serialises a body value per its media type: JSON, form-urlencoded, multipart, or text. */
export function encodeBody(media: MediaTypeSpec, value: unknown): EncodedBody {
  const type = media.mediaType;
  if (type === 'application/x-www-form-urlencoded') {
    return {
      body: formPairs(value, media.encoding)
        .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
        .join('&'),
      contentType: type,
    };
  }
  if (type === 'multipart/form-data')
    return { body: multipart(value, media), contentType: `${type}; boundary=${MULTIPART_BOUNDARY}` };
  if (isJsonMedia(type))
    return { body: JSON.stringify(value), contentType: type.includes('*') ? 'application/json' : type };
  return { body: typeof value === 'string' ? value : JSON.stringify(value), contentType: type };
}

function multipart(value: unknown, media: MediaTypeSpec): string {
  const parts: string[] = [];
  const record =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  const add = (name: string, item: unknown) => {
    const declared = media.encoding?.[name]?.contentType;
    const structured = item !== null && typeof item === 'object';
    const contentType = declared ?? (structured ? 'application/json' : undefined);
    const disposition = `Content-Disposition: form-data; name="${name.replace(/"/g, '%22')}"`;
    const head = contentType ? `${disposition}\r\nContent-Type: ${contentType}` : disposition;
    parts.push(
      `--${MULTIPART_BOUNDARY}\r\n${head}\r\n\r\n${structured ? JSON.stringify(item) : scalarText(item)}\r\n`,
    );
  };
  for (const [name, item] of Object.entries(record)) {
    if (Array.isArray(item))
      item.forEach((element) => {
        add(name, element);
      });
    else add(name, item);
  }
  return `${parts.join('')}--${MULTIPART_BOUNDARY}--\r\n`;
}

/** A form body read back as a server would: field name → its texts (first only for scalars). */
export function decodeForm(body: string, mediaType: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const push = (key: string, value: string) => {
    out[key] ??= [];
    out[key].push(value);
  };
  if (mediaType === 'application/x-www-form-urlencoded') {
    for (const piece of body.split('&')) {
      if (piece === '') continue;
      const at = piece.indexOf('=');
      push(
        percentDecode(at < 0 ? piece : piece.slice(0, at)),
        at < 0 ? '' : percentDecode(piece.slice(at + 1).replace(/\+/g, ' ')),
      );
    }
    return out;
  }
  for (const chunk of body.split(`--${MULTIPART_BOUNDARY}`)) {
    const match = /name="([^"]*)"[\s\S]*?\r\n\r\n([\s\S]*)\r\n$/.exec(chunk);
    if (match) push(match[1]!, match[2]!);
  }
  return out;
}
