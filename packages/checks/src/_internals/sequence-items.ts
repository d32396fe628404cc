import type { MediaTypeParts } from './media-type.js';

/** The items of a sequential body, or `undefined` when its media type is not a sequence Assay reads. */
export type SequenceItems = { value: unknown; ok: true }[] | undefined;

/**
 * Splits a body of a sequential media type into its items, as OpenAPI 3.2 `itemSchema` describes
 * them (§4.14.4.2 "Sequential Media Types"): JSON Lines / NDJSON (one JSON text per line), JSON
 * text sequences (RFC 7464: each text led by RS, 0x1E), and server-sent events (WHATWG HTML
 * §9.2.6: events separated by a blank line; each item is `{ event, data, id, retry }` with the
 * `data` lines joined). A line or record that is not JSON is left out: no schema can judge it, and
 * a truncated last item is what a capped read leaves. `undefined` for any other media type.
 */
export function sequenceItems(media: MediaTypeParts, body: string): SequenceItems {
  const kind = `${media.type}/${media.subtype}`;
  if (
    kind === 'application/jsonl' ||
    kind === 'application/x-ndjson' ||
    kind === 'application/ndjson' ||
    kind === 'application/x-jsonlines'
  ) {
    return parsed(body.split(/\r?\n/));
  }
  if (kind === 'application/json-seq') return parsed(body.split('\u001e'));
  if (kind === 'text/event-stream') return events(body);
  return undefined;
}

function parsed(texts: readonly string[]): { value: unknown; ok: true }[] {
  const out: { value: unknown; ok: true }[] = [];
  for (const text of texts) {
    if (text.trim() === '') continue;
    try {
      out.push({ value: JSON.parse(text), ok: true });
    } catch {
      // Not JSON (or cut by the read cap): not an item a schema can judge.
    }
  }
  return out;
}

function events(body: string): { value: unknown; ok: true }[] {
  const out: { value: unknown; ok: true }[] = [];
  for (const block of body.split(/\r?\n\r?\n/)) {
    const event: Record<string, unknown> = {};
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') data.push(value);
      else if (field === 'event' || field === 'id') event[field] = value;
      else if (field === 'retry' && /^\d+$/.test(value)) event.retry = Number(value);
    }
    if (data.length > 0) event.data = data.join('\n');
    if (Object.keys(event).length > 0) out.push({ value: event, ok: true });
  }
  return out;
}
