/** Decodes response bodies as UTF-8, reusing the text of a body identical to the last one of its kind. */
export interface BodyTexts {
  /** The body as text; `kind` groups bodies likely to repeat (operation and status). */
  text(kind: string, bytes: Buffer): string;
}

// Decoding without `stream` keeps no state between calls, so one decoder serves every response.
const decoder = new TextDecoder();

/**
 * A server often answers with the very same bytes (a fixed page, the same error document). The last
 * body of each kind is kept with its text, and a body equal to it byte for byte (`Buffer.equals`,
 * a memory comparison) gets the same string back: no decoding, and the checks, which remember the
 * parse of a recent body by its text, find it with a pointer comparison. At most `maxKinds` bodies
 * of at most `maxBytes` each are kept: operations run one after another, so a few kinds suffice.
 */
export function bodyTexts(maxKinds = 8, maxBytes = 1024 * 1024): BodyTexts {
  const last = new Map<string, { bytes: Buffer; text: string }>();
  return {
    text(kind, bytes) {
      if (bytes.length === 0) return '';
      if (bytes.length > maxBytes) return decoder.decode(bytes);
      const known = last.get(kind);
      if (known !== undefined && known.bytes.length === bytes.length && known.bytes.equals(bytes))
        return known.text;
      const text = decoder.decode(bytes);
      last.delete(kind);
      last.set(kind, { bytes, text });
      if (last.size > maxKinds) last.delete(last.keys().next().value as string);
      return text;
    },
  };
}
