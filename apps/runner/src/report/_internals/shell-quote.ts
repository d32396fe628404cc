// Control characters (C0, DEL, C1) and bidirectional overrides: they break the one-line form or
// make the printed command read differently from what it runs.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
const NEEDS_ANSI_C = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Quotes one shell word. Plain single quotes when the text has no control characters (POSIX sh);
 * otherwise ANSI-C `$'…'` quoting (bash, zsh, ksh) so the command stays on one line.
 */
export function shellQuote(value: string): string {
  if (!NEEDS_ANSI_C.test(value)) return `'${value.replace(/'/g, `'\\''`)}'`;
  let out = "$'";
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\\' || char === "'") out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (NEEDS_ANSI_C.test(char)) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}'`;
}
