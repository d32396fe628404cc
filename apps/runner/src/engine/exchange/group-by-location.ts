import type { Violation } from '@assay/model';

/**
 * One defect, one violation: the violations one check found at the same place of one response
 * (`genre: 7` against an enum of strings breaks `type` and `enum`) become one, with every keyword
 * and message, so a report counts the defect once. Violations of the whole body or of a non-body
 * part (pointer `''`) are left as they are.
 */
export function groupByLocation(violations: Violation[]): Violation[] {
  if (violations.length < 2) return violations;
  const groups = new Map<string, Violation[]>();
  const out: Violation[] = [];
  for (const violation of violations) {
    if (violation.pointer === '') {
      out.push(violation);
      continue;
    }
    const key = `${violation.check}\u0000${violation.severity}\u0000${violation.pointer}`;
    const group = groups.get(key);
    if (group === undefined) {
      const fresh = [violation];
      groups.set(key, fresh);
      out.push(violation);
    } else {
      group.push(violation);
    }
  }
  if ([...groups.values()].every((group) => group.length === 1)) return violations;
  return out.map((violation) => {
    if (violation.pointer === '') return violation;
    const group = groups.get(`${violation.check}\u0000${violation.severity}\u0000${violation.pointer}`)!;
    return group.length === 1 ? violation : merged(group);
  });
}

function merged(group: readonly Violation[]): Violation {
  const first = group[0]!;
  const distinct = <T>(values: T[]): T[] => [...new Set(values)];
  return {
    ...first,
    message: joinedMessages(distinct(group.map((v) => v.message)), first.pointer),
    keyword: distinct(group.map((v) => v.keyword)).join(', '),
    expected: group.map((v) => v.expected),
    actual: first.actual,
    fingerprint: distinct(group.map((v) => v.fingerprint))
      .sort()
      .join(' & '),
  };
}

/**
 * `response 200 body: /0/genre must be string; must be equal to one of the allowed values`: where
 * the defect is (the message up to its pointer) said once, when every message says it alike.
 */
function joinedMessages(messages: readonly string[], pointer: string): string {
  if (messages.length < 2) return messages[0] ?? '';
  const first = messages[0]!;
  const at = first.indexOf(`${pointer} `);
  const prefix = at === -1 ? '' : first.slice(0, at + pointer.length + 1);
  if (prefix === '' || !messages.every((m) => m.startsWith(prefix))) return messages.join('; ');
  return `${prefix}${messages.map((m) => m.slice(prefix.length)).join('; ')}`;
}
