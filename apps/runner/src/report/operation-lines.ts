/**
 * The 1-based line of each operation in the spec's text, from its JSON pointer
 * (`/paths/~1pets/get`): each token is looked for as a key (`key:`, `"key":`, `'key':`) after the
 * previous one, so it works for YAML and JSON, pretty or minified. It reads text, not the parsed
 * tree, and is meant for pointing a CI annotation at the operation: an operation it cannot place is
 * left out rather than pointed at a wrong line.
 */
export function operationLines(
  text: string,
  operations: ReadonlyArray<{ id: string; pointer: string }>,
): Map<string, number> {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineAt = (offset: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  const lines = new Map<string, number>();
  for (const operation of operations) {
    const tokens = operation.pointer
      .split('/')
      .slice(1)
      .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (tokens.length === 0) continue;
    let offset = 0;
    let found = true;
    for (const token of tokens) {
      const at = keyOffset(text, token, offset);
      if (at === -1) {
        found = false;
        break;
      }
      offset = at + 1;
    }
    if (found) lines.set(operation.id, lineAt(offset - 1));
  }
  return lines;
}

function keyOffset(text: string, key: string, from: number): number {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    `"${escaped}"\\s*:|'${escaped}'\\s*:|(?:^|[\\n{,])[ \\t]*${escaped}[ \\t]*:(?=\\s)`,
    'g',
  );
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  if (match === null) return -1;
  // Point at the key itself, not at the line break or brace before it.
  const lead = /^[\n{,]?[ \t]*/.exec(match[0])?.[0].length ?? 0;
  return match[0].startsWith('"') || match[0].startsWith("'") ? match.index : match.index + lead;
}
