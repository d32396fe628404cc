/**
 * Quotes one shell word. Plain single quotes when the text has no control characters (POSIX sh);
 * otherwise ANSI-C `$'…'` quoting (bash, zsh, ksh) so the command stays on one line.
 */
export function shellQuote(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
  if (!/[\u0000-\u001f\u007f]/.test(value)) return `'${value.replace(/'/g, `'\\''`)}'`;
  let out = "$'";
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\\' || char === "'") out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return `${out}'`;
}
