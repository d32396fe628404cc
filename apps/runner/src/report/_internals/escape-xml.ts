function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/**
 * Escapes text for XML 1.0 content or a double-quoted attribute. Characters XML 1.0 cannot carry at
 * all, even as references (NUL, most C0 controls, lone surrogates, U+FFFE/FFFF), become a visible
 * `\uXXXX` so a hostile body neither breaks the file nor vanishes silently. In attributes, tabs and
 * line breaks become references, or attribute-value normalisation would turn them into spaces.
 */
export function escapeXml(text: string, attribute = false): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (!isXmlChar(code)) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if (char === '&') out += '&amp;';
    else if (char === '<') out += '&lt;';
    else if (char === '>') out += '&gt;';
    else if (attribute && char === '"') out += '&quot;';
    else if (attribute && char === "'") out += '&apos;';
    else if (char === '\r') out += '&#13;';
    else if (attribute && char === '\n') out += '&#10;';
    else if (attribute && char === '\t') out += '&#9;';
    else out += char;
  }
  return out;
}
