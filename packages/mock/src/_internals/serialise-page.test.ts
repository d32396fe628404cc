import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeBodyPath } from './body-path.js';
import { serialisePage } from './serialise-page.js';

const key = fc.string({ maxLength: 6 });
const items = fc.array(fc.oneof(fc.dictionary(key, fc.jsonValue()), fc.jsonValue()), { maxLength: 8 });

describe('serialisePage', () => {
  it('writes exactly what JSON.stringify writes for the page, whatever the envelope and path', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(key, { maxLength: 3 }), items, (envelope, path, page) => {
        const body = writeBodyPath(envelope, path, page);
        expect(serialisePage(body, path, page)).toBe(JSON.stringify(body));
      }),
    );
  });

  it('serialises a cached item again only as it is: the same items on two pages give the same text', () => {
    const item = { id: 1, name: 'a' };
    const first = serialisePage({ results: [item], n: 1 }, ['results'], [item]);
    const other = [item, { id: 2 }];
    expect(serialisePage({ results: other }, ['results'], other)).toBe(JSON.stringify({ results: other }));
    expect(first).toBe('{"results":[{"id":1,"name":"a"}],"n":1}');
  });

  it('falls back to plain JSON when the items are not at the path or the sentinel text occurs in the body', () => {
    const page = [{ id: 1 }];
    const moved = { results: [{ id: 2 }] };
    expect(serialisePage(moved, ['results'], page)).toBe(JSON.stringify(moved));
    const tricky = { note: '\u0000assay-mock-page-items\u0000', results: page };
    expect(serialisePage(tricky, ['results'], page)).toBe(JSON.stringify(tricky));
  });
});
