/** Which operations an entry of `operations` applies to. */
export type OperationSelector =
  | { kind: 'id'; id: string }
  | { kind: 'method-path'; method: string; path: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'glob'; glob: string; pattern: RegExp };

const methods = new Set(['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE']);

/**
 * Reads a selector: `tag:<name>`, a path glob starting with `/` (`*` matches within one segment,
 * `**` across segments), `"METHOD /path"` as written in the spec, or else an operationId.
 */
export function parseSelector(
  text: string,
): ({ ok: true } & { selector: OperationSelector }) | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed.startsWith('tag:')) {
    const tag = trimmed.slice(4).trim();
    return tag === ''
      ? { ok: false, message: 'tag: names no tag' }
      : { ok: true, selector: { kind: 'tag', tag } };
  }
  if (trimmed.startsWith('/')) {
    return { ok: true, selector: { kind: 'glob', glob: trimmed, pattern: globPattern(trimmed) } };
  }
  const methodPath = /^([A-Za-z]+)\s+(\/\S*)$/.exec(trimmed);
  if (methodPath !== null) {
    const method = methodPath[1]!.toUpperCase();
    if (!methods.has(method)) return { ok: false, message: `"${methodPath[1]}" is not an HTTP method` };
    return { ok: true, selector: { kind: 'method-path', method, path: methodPath[2]! } };
  }
  if (/\s/.test(trimmed) || trimmed === '') {
    return {
      ok: false,
      message: 'a selector is an operationId, "METHOD /path", "tag:<name>", or a path glob starting with /',
    };
  }
  return { ok: true, selector: { kind: 'id', id: trimmed } };
}

function globPattern(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
