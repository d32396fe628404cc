/**
 * Makes server-controlled text safe to print on a terminal: control characters (which could carry
 * ANSI escape sequences that rewrite the screen or the window title) and bidirectional overrides
 * (which reorder what is shown) become a visible `\uXXXX`. Line breaks too, so one finding stays on
 * one line.
 */
export function escapeTerminal(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (char) => {
    return `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
  });
}
