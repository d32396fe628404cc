import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_TEXT_SECRET_LENGTH, REDACTED, redactSecrets } from './redact-secrets.js';

const metachars = fc.string({
  unit: fc.constantFrom(...'.*+?^$'.split(''), '{', '}', '(', ')', '|', '[', ']', '\\', '/', 'a', 'b'),
});
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string(),
  metachars,
  fc.string({ unit: 'grapheme' }),
);
const secret = anyText.filter((s) => [...s].length >= MIN_TEXT_SECRET_LENGTH);

describe('redactSecrets', () => {
  it('leaves no secret in the output, whatever the secrets and the text', () => {
    fc.assert(
      fc.property(
        fc.array(secret, { minLength: 1, maxLength: 3 }),
        fc.array(anyText, { maxLength: 6 }),
        (secrets, parts) => {
          // Interleave the secrets into the text so they do occur, sometimes back to back or overlapping.
          const text =
            parts.map((part, i) => part + (secrets[i % secrets.length] ?? '')).join('') + secrets.join('');
          const out = redactSecrets(text, secrets);
          for (const s of secrets) expect(out).not.toContain(s);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('changes nothing when no secret occurs', () => {
    fc.assert(
      fc.property(secret, anyText, (s, text) => {
        fc.pre(!text.includes(s));
        expect(redactSecrets(text, [s])).toBe(text);
      }),
    );
  });

  it('matches secrets literally, never as regular expressions', () => {
    expect(redactSecrets('a.c+ abc+ a.c+', ['a.c+'])).toBe(`${REDACTED} abc+ ${REDACTED}`);
    expect(redactSecrets('x(y|z)x xyx', ['(y|z)'])).toBe(`x${REDACTED}x xyx`);
    expect(redactSecrets('$&$& $1$1', ['$&$&', '$1$1'])).toBe(`${REDACTED} ${REDACTED}`);
  });

  it('covers overlapping and adjacent occurrences with one marker', () => {
    expect(redactSecrets('xaaaaay', ['aaaa'])).toBe(`x${REDACTED}y`);
    expect(redactSecrets('abcdefgh', ['abcdef', 'defgh'])).toBe(REDACTED);
  });

  it('redacts a secret inside a longer word, and unicode secrets', () => {
    expect(redactSecrets('prefixs3cr3tsuffix', ['s3cr3t'])).toBe(`prefix${REDACTED}suffix`);
    expect(redactSecrets('id=🔑🔑🔑🔑é', ['🔑🔑🔑🔑'])).toBe(`id=${REDACTED}é`);
  });

  it('does not let a secret reappear across the marker', () => {
    // Replacing `ED]x` in `ED]xx` with `[REDACTED]` would give `[REDACTED]x`, which contains it again.
    const out = redactSecrets('ED]xx', ['ED]x']);
    expect(out).not.toContain('ED]x');
    expect(redactSecrets('a REDACTED b', ['REDACTED'])).not.toContain('REDACTED');
  });

  it('ignores secrets shorter than the minimum in free text', () => {
    expect(redactSecrets('page=1&size=10', ['1'])).toBe('page=1&size=10');
    expect(redactSecrets('abc abcd', ['abc'])).toBe('abc abcd');
    expect(redactSecrets('🔑🔑🔑 x', ['🔑🔑🔑'])).toBe('🔑🔑🔑 x');
  });
});
