/**
 * True when a pattern may take exponential (or high-polynomial) time in a backtracking engine such
 * as JavaScript's: a group repeated without bound (or 10 times or more) that itself holds an
 * unbounded repetition or an alternation, as in `^(a+)+$`, `(\w+\s?)*$`, `(a|aa)+` or `(x+){20}`.
 * On a string built to fail at its end, these try every way of splitting it, and a single `test`
 * can block the process for hours. Small fixed counts (`([0-9A-F]{4}-?){3}`) stay bounded.
 *
 * A syntactic check, deliberately cautious: some flagged patterns are harmless (`([a-z]+-)*` is
 * unambiguous), which only costs them a slower, linear-time engine, never a wrong answer.
 */
export function backtrackingRisk(pattern: string): boolean {
  // One frame per open group: does it repeat something inside, or hold an alternation?
  const stack: Array<{ repeats: boolean; alternates: boolean }> = [{ repeats: false, alternates: false }];
  let i = 0;
  const top = () => stack[stack.length - 1]!;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '(') {
      stack.push({ repeats: false, alternates: false });
      i += 1;
      continue;
    }
    if (c === ')') {
      const group = stack.length > 1 ? stack.pop()! : { repeats: false, alternates: false };
      const [next, repeated] = quantifier(pattern, i + 1);
      if (repeated === 'many' && (group.repeats || group.alternates)) return true;
      if (repeated === 'many' || repeated === 'range' || group.repeats) top().repeats = true;
      i = next;
      continue;
    }
    if (c === '|') {
      top().alternates = true;
      i += 1;
      continue;
    }
    const end = c === '\\' ? i + 2 : c === '[' ? classEnd(pattern, i) : i + 1;
    const [next, repeated] = quantifier(pattern, end);
    if (repeated === 'many' || repeated === 'range') top().repeats = true;
    i = next;
  }
  return false;
}

/** Where a `[...]` class ends (after its `]`), escapes and a leading `]` or `^]` included. */
function classEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '^') i += 1;
  if (pattern[i] === ']') i += 1;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Repeats past which a backtracking engine's work grows too fast to bound in practice. */
const MANY = 10;

/**
 * Skips a quantifier at `at`; says how it repeats: `many` for `*`, `+`, `{n,}` and counts of
 * {@link MANY} or more; `range` for a small variable count (`{1,5}`: a run can be split many ways);
 * `fixed` for a small exact count (`{4}`: one way); `none` for `?` or no quantifier.
 */
type Repeats = 'none' | 'fixed' | 'range' | 'many';

function quantifier(pattern: string, at: number): [next: number, repeats: Repeats] {
  const c = pattern[at];
  let next = at;
  let repeats: Repeats = 'none';
  if (c === '*' || c === '+') {
    next = at + 1;
    repeats = 'many';
  } else if (c === '?') {
    next = at + 1;
  } else if (c === '{') {
    const bounds = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at));
    if (bounds === null) return [at, 'none'];
    next = at + bounds[0].length;
    const min = Number(bounds[1]);
    const max = bounds[2] === undefined ? min : bounds[3] === '' ? Infinity : Number(bounds[3]);
    repeats = max >= MANY ? 'many' : min < max && max > 1 ? 'range' : max > 1 ? 'fixed' : 'none';
  } else {
    return [at, 'none'];
  }
  // A lazy or possessive marker belongs to the same quantifier.
  if (pattern[next] === '?' || pattern[next] === '+') next += 1;
  return [next, repeats];
}
