/**
 * Escapes text for HTML content or a quoted attribute value. Besides the five markup characters,
 * C0/C1 controls other than tab and line feed become a visible `\uXXXX`: they are parse errors in
 * HTML and, shown raw, hide what the server really sent.
 */
export function escapeHtml(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
  return text.replace(/[&<>"'\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (char) => {
    switch (char) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case "'":
        return '&#39;';
      default:
        return `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
    }
  });
}
