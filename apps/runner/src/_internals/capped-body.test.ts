import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cappedBodyCollector, previewBytes } from './capped-body.js';

const chunks = fc.array(fc.uint8Array({ maxLength: 40 }).map(Buffer.from), { maxLength: 12 });

/** Pushes chunks until the collector says stop; how many it took, and the body. */
function collect(collector: ReturnType<typeof cappedBodyCollector>, parts: Buffer[]) {
  let taken = 0;
  for (const part of parts) {
    taken += 1;
    if (!collector.push(part)) break;
  }
  return { taken, ...collector.finish() };
}

describe('cappedBodyCollector', () => {
  it('keeps a body within the cap whole, and cuts a longer one to its first bytes, stopping at once', () => {
    fc.assert(
      fc.property(chunks, fc.integer({ min: 1, max: 300 }), (parts, maxBytes) => {
        const whole = Buffer.concat(parts);
        const read = collect(cappedBodyCollector(maxBytes), parts);
        if (whole.length <= maxBytes) {
          expect(read).toEqual({ taken: parts.length, bytes: whole, truncated: false });
          return;
        }
        // Stopped at the chunk that went past the cap: nothing after it was asked for.
        let upTo = 0;
        let passing = 0;
        while (upTo <= maxBytes) upTo += parts[passing++]!.length;
        expect(read.taken).toBe(passing);
        expect(read.truncated).toBe(true);
        expect(read.bytes).toEqual(whole.subarray(0, Math.min(maxBytes, previewBytes)));
      }),
    );
  });

  it('a declared length past the cap holds only the preview and stops as soon as it is full', () => {
    const collector = cappedBodyCollector(10 * 1024 * 1024, 300 * 1024 * 1024);
    const chunk = Buffer.alloc(16 * 1024, 7);
    const read = collect(
      collector,
      Array.from({ length: 100 }, () => chunk),
    );
    expect(read.taken).toBe(previewBytes / chunk.length);
    expect(read).toMatchObject({ truncated: true });
    expect(read.bytes.length).toBe(previewBytes);
  });

  it('the preview of a cut body never exceeds 64 KiB, whatever the cap', () => {
    const read = collect(cappedBodyCollector(1024 * 1024), [Buffer.alloc(1024 * 1024), Buffer.alloc(1)]);
    expect(read).toMatchObject({ truncated: true });
    expect(read.bytes.length).toBe(previewBytes);
  });
});
