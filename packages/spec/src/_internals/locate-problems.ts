import { pointerTokens } from '@assay/json-schema';
import type { AssayError, SpecProblem } from '@assay/model';
import { load } from 'js-yaml';
import { YAML_SCHEMA } from './parse-document.js';

interface Position {
  line: number;
  column: number;
}

/**
 * Adds a line and column to problems of the root document, from its text. Parsing again with
 * positions costs about as much as the first parse, so it is done only when there are problems to
 * place. The position is where the value at the pointer starts (for a mapping value: the line of its
 * key), or, for a missing or scalar value, where its nearest enclosing object or array starts.
 */
export function locateProblems(text: string, problems: SpecProblem[]): void {
  const pending = problems.filter((p) => p.file === undefined && p.line === undefined);
  if (pending.length === 0) return;
  const located = positioned(text);
  if (located === undefined) return;
  for (const problem of pending) {
    const position = locate(located.tree, problem.pointer, located.positions);
    if (position !== undefined) {
      problem.line = position.line;
      problem.column = position.column;
    }
  }
}

/** Adds the line and column of its pointer to an error about the root document (a broken `$ref`, a bad schema). */
export function locateError(text: string, rootDisplay: string, error: AssayError): void {
  const { details } = error;
  if (
    details.pointer === undefined ||
    details.line !== undefined ||
    (details.file !== undefined && details.file !== rootDisplay)
  )
    return;
  const located = positioned(text);
  const position =
    located === undefined ? undefined : locate(located.tree, details.pointer, located.positions);
  if (position !== undefined) Object.assign(details, position);
}

/** The document parsed again, with where each object and array starts. */
function positioned(text: string): { tree: unknown; positions: Map<object, Position> } | undefined {
  const positions = new Map<object, Position>();
  const opened: Position[] = [];
  try {
    const tree = load(text, {
      json: true,
      schema: YAML_SCHEMA,
      listener(event, state) {
        if (event === 'open') {
          opened.push({ line: state.line + 1, column: state.position - state.lineStart + 1 });
          return;
        }
        const start = opened.pop();
        if (
          start !== undefined &&
          state.result !== null &&
          typeof state.result === 'object' &&
          !positions.has(state.result)
        ) {
          positions.set(state.result, start);
        }
      },
    });
    return { tree, positions };
  } catch {
    return undefined; // The text parsed once already; if this fails anyway, pointers stay unplaced.
  }
}

function locate(tree: unknown, pointer: string, positions: Map<object, Position>): Position | undefined {
  let node = tree;
  let found = typeof node === 'object' && node !== null ? positions.get(node) : undefined;
  for (const token of pointerTokens(pointer)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) break;
    node = (node as Record<string, unknown>)[token];
    if (node !== null && typeof node === 'object') found = positions.get(node) ?? found;
  }
  return found;
}
