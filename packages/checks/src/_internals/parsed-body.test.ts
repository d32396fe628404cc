import type { HttpResponse } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsedBody } from './parsed-body.js';

const response = (body: string, truncated = false): HttpResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body,
  truncated,
  durationMs: 1,
});

/** The same text as another string object, as a second response off the wire would carry it. */
const copyOf = (text: string): string => Buffer.from(text).toString();

describe('parsedBody', () => {
  it('reads what JSON.parse reads, and a body seen again and again is parsed once more, not each time', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat({ max: 400 }), (value, pad) => {
        // Padding makes short values long enough to be remembered, without changing the JSON.
        const text = `${JSON.stringify(value)}${' '.repeat(pad)}`;
        const first = parsedBody(response(text));
        expect(first).toEqual({ ok: true, value: JSON.parse(text) });
        const again = parsedBody(response(copyOf(text)));
        const third = parsedBody(response(copyOf(text)));
        expect(again).toEqual(first);
        expect(third).toEqual(first);
        // From its second sighting on, a (long enough) body's parse is kept and shared.
        if (text.length >= 256) expect(third).toBe(again);
      }),
    );
  });

  it('never answers a cut body from what it remembers of the whole one', () => {
    const text = JSON.stringify({ items: Array.from({ length: 40 }, (_, i) => ({ id: i })) });
    expect(parsedBody(response(text)).ok).toBe(true);
    expect(parsedBody(response(copyOf(text), true))).toEqual({ ok: false, reason: 'truncated' });
  });

  it('tells bodies of the same length apart', () => {
    const a = JSON.stringify({ name: 'a'.repeat(300) });
    const b = JSON.stringify({ name: 'b'.repeat(300) });
    expect(parsedBody(response(a))).toEqual({ ok: true, value: { name: 'a'.repeat(300) } });
    expect(parsedBody(response(b))).toEqual({ ok: true, value: { name: 'b'.repeat(300) } });
    expect(parsedBody(response(`{${' '.repeat(a.length - 2)}`))).toEqual({ ok: false, reason: 'syntax' });
  });
});
