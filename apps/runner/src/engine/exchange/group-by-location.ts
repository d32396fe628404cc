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
    message: joinedMessages(distinct(group.map((v) => v.message))),
    keyword: distinct(group.map((v) => v.keyword)).join(', '),
    expected: group.map((v) => v.expected),
    actual: first.actual,
    fingerprint: distinct(group.map((v) => v.fingerprint))
      .sort()
      .join(' & '),
  };
}

/**
 * `response 200 body: /0/genre must be string; must be equal to one of the allowed values`: the
 * words every message starts with (where the defect is) said once.
 */
function joinedMessages(messages: readonly string[]): string {
  if (messages.length < 2) return messages[0] ?? '';
  let common = messages[0]!;
  for (const message of messages) {
    let i = 0;
    while (i < common.length && i < message.length && common[i] === message[i]) i += 1;
    common = common.slice(0, i);
  }
  const cut = common.lastIndexOf(' ') + 1;
  const prefix = common.slice(0, cut);
  return `${prefix}${messages.map((m) => m.slice(cut)).join('; ')}`;
}
