/**
 * A small XML 1.0 well-formedness checker for tests (no dependency): one root element, tags
 * balanced and properly nested, attributes quoted and unique, no `<` in attribute values, only the
 * predefined entities or character references, and only characters XML allows. Returns the problems
 * found; an empty list means well-formed.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const badChar =
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML forbids are the point
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  if (badChar.test(xml)) problems.push('character not allowed in XML 1.0');
  const checkText = (text: string, where: string): void => {
    for (const match of text.matchAll(/&([^;]*);?/g)) {
      const ok = /^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);$/.test(match[0]);
      if (!ok) problems.push(`bad entity ${JSON.stringify(match[0])} in ${where}`);
    }
    if (text.includes('<')) problems.push(`raw < in ${where}`);
  };
  let rest = xml.replace(/^<\?xml[^?]*\?>/, '');
  const stack: string[] = [];
  let roots = 0;
  const name = '[A-Za-z_][\\w.-]*';
  const tag = new RegExp(`^<(/?)(${name})((?:\\s+${name}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`);
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const text = lt === -1 ? rest : rest.slice(0, lt);
    if (stack.length === 0 && text.trim() !== '') problems.push('text outside the root element');
    checkText(text, 'text');
    if (lt === -1) break;
    rest = rest.slice(lt);
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end === -1) return [...problems, 'unterminated comment'];
      rest = rest.slice(end + 3);
      continue;
    }
    const match = tag.exec(rest);
    if (match === null) return [...problems, `malformed tag at ${JSON.stringify(rest.slice(0, 40))}`];
    const [whole, closing, tagName, attributes, selfClosing] = match;
    const seen = new Set<string>();
    for (const attribute of (attributes ?? '').matchAll(
      new RegExp(`(${name})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g'),
    )) {
      if (seen.has(attribute[1]!)) problems.push(`duplicate attribute ${attribute[1]}`);
      seen.add(attribute[1]!);
      checkText(attribute[2] ?? attribute[3] ?? '', `attribute ${attribute[1]}`);
    }
    if (closing === '/') {
      if (stack.pop() !== tagName) problems.push(`mismatched </${tagName}>`);
    } else if (selfClosing !== '/') {
      if (stack.length === 0) roots++;
      stack.push(tagName!);
    } else if (stack.length === 0) {
      roots++;
    }
    rest = rest.slice(whole!.length);
  }
  if (stack.length > 0) problems.push(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
