import { AssayError } from '@assay/model';
import { isAlias, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import { substituteEnv } from '../substitute-env.js';
import { nearestKey } from './nearest-key.js';
import type { Shape } from './shape.js';

/** What the reader needs besides the node: where it is, and the environment for `${VAR}`. */
export interface ReadContext {
  /** The file as shown in messages (relative to the working directory when inside it). */
  file: string;
  lines: LineCounter;
  env: Readonly<Record<string, string | undefined>>;
  /** Filled while reading: where each key is, by its dotted path, for later errors. */
  positions: Map<string, { line: number; column: number }>;
  /**
   * Targets that use an environment variable that is not set, with that error: raised only if the
   * target is chosen, since a team's file names the secrets of every environment and a run has one.
   */
  unresolvedTargets: Map<string, AssayError>;
}

const missingVariables = new WeakSet<AssayError>();

/**
 * Converts a parsed YAML node into a plain value of the given shape, substituting `${VAR}` in
 * strings first. The first problem throws `AssayError('config')` whose message starts with
 * `file:line:column: key:`, so the CLI prints it as one line.
 */
export function readShapedNode(
  node: unknown,
  shape: Shape,
  key: readonly string[],
  context: ReadContext,
): unknown {
  if (isAlias(node))
    throw problem(context, node, key, 'YAML aliases are not supported here; repeat the value');
  const target = node as Node | null;
  switch (shape.kind) {
    case 'any':
      return readAny(target, key, context);
    case 'either':
      return readEither(target, shape, key, context);
    case 'object':
    case 'map':
      return readMapping(target, shape, key, context);
    case 'array': {
      if (!isSeq(target)) throw problem(context, target, key, `expected a list, got ${describe(target)}`);
      return target.items.map((item, index) => {
        const path = [...key, String(index)];
        const { line, col } = context.lines.linePos((item as Node | null)?.range?.[0] ?? 0);
        context.positions.set(path.join('\u0000'), { line, column: col });
        return readShapedNode(item, shape.items, path, context);
      });
    }
    default:
      return readScalar(target, shape, key, context);
  }
}

function readMapping(
  node: Node | null,
  shape: Extract<Shape, { kind: 'object' | 'map' }>,
  key: readonly string[],
  context: ReadContext,
): Record<string, unknown> {
  if (!isMap(node))
    throw problem(context, node, key, `expected a mapping of keys to values, got ${describe(node)}`);
  const out: Record<string, unknown> = {};
  for (const pair of node.items) {
    const keyNode = pair.key as Node | null;
    const name = isScalar(keyNode) ? String(keyNode.value) : undefined;
    if (name === undefined) throw problem(context, keyNode, key, 'keys must be plain strings');
    const path = [...key, name];
    const { line, col } = context.lines.linePos(keyNode?.range?.[0] ?? 0);
    context.positions.set(path.join('\u0000'), { line, column: col });
    if (Object.hasOwn(out, name)) throw problem(context, keyNode, path, 'the key is given twice');
    if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) {
      throw problem(context, keyNode, path, 'the value is missing');
    }
    if (shape.kind === 'map') {
      if (name.trim() === '') throw problem(context, keyNode, path, 'the key is empty');
      if (key.length === 1 && key[0] === 'targets') {
        try {
          out[name] = readShapedNode(pair.value, shape.values, path, context);
        } catch (error) {
          if (!AssayError.is(error) || !missingVariables.has(error)) throw error;
          context.unresolvedTargets.set(name, error);
          out[name] = {};
        }
        continue;
      }
      out[name] = readShapedNode(pair.value, shape.values, path, context);
      continue;
    }
    const inner = shape.properties[name];
    if (inner === undefined) {
      if (shape.open === true) {
        out[name] = readAny(pair.value as Node | null, path, context);
        continue;
      }
      const known = Object.keys(shape.properties);
      const near = nearestKey(name, known);
      throw problem(
        context,
        keyNode,
        path,
        near === undefined
          ? `unknown key; expected one of ${known.join(', ')}`
          : `unknown key; did you mean "${near}"?`,
      );
    }
    out[name] = readShapedNode(pair.value, inner, path, context);
  }
  for (const required of shape.kind === 'object' ? (shape.required ?? []) : []) {
    if (!Object.hasOwn(out, required))
      throw problem(context, node, [...key, required], 'this key is required');
  }
  return out;
}

function readScalar(node: Node | null, shape: Shape, key: readonly string[], context: ReadContext): unknown {
  if (!isScalar(node))
    throw problem(context, node, key, `expected ${expectation(shape)}, got ${describe(node)}`);
  let value = node.value;
  if (typeof value === 'string') value = substituted(value, node, key, context);
  switch (shape.kind) {
    case 'string': {
      if (typeof value !== 'string') {
        // `tag: 2024` or `token: 123456` mean the text as written.
        if (typeof value === 'number' || typeof value === 'boolean') value = String(node.source ?? value);
        else throw problem(context, node, key, `expected a string, got ${describe(node)}`);
      }
      const text = value as string;
      if (shape.nonEmpty === true && text.trim() === '')
        throw problem(context, node, key, 'the value is empty');
      if (shape.enum !== undefined && !shape.enum.includes(text)) {
        const near = nearestKey(text, shape.enum);
        throw problem(
          context,
          node,
          key,
          `"${text}" is not one of ${shape.enum.join(', ')}${near === undefined ? '' : `; did you mean "${near}"?`}`,
        );
      }
      return text;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw problem(context, node, key, `expected true or false, got ${shown(value)}`);
    }
    case 'integer': {
      const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
      if (
        typeof number !== 'number' ||
        !Number.isInteger(number) ||
        number < shape.min ||
        number > shape.max
      ) {
        throw problem(
          context,
          node,
          key,
          `expected an integer from ${shape.min} to ${shape.max}, got ${shown(value)}`,
        );
      }
      return number;
    }
    case 'number': {
      const number = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0) {
        throw problem(context, node, key, `expected a positive number, got ${shown(value)}`);
      }
      return number;
    }
    default:
      throw problem(context, node, key, `expected ${expectation(shape)}`);
  }
}

function readEither(
  node: Node | null,
  shape: Extract<Shape, { kind: 'either' }>,
  key: readonly string[],
  context: ReadContext,
): unknown {
  const fits = shape.options.find((option) => fitsNode(option, node));
  if (fits === undefined) {
    throw problem(
      context,
      node,
      key,
      `expected ${shape.options.map(expectation).join(' or ')}, got ${describe(node)}`,
    );
  }
  return readShapedNode(node, fits, key, context);
}

function fitsNode(shape: Shape, node: Node | null): boolean {
  if (shape.kind === 'array') return isSeq(node);
  if (shape.kind === 'object' || shape.kind === 'map') return isMap(node);
  if (!isScalar(node)) return false;
  if (shape.kind === 'integer' || shape.kind === 'number') return typeof node.value === 'number';
  if (shape.kind === 'boolean') return typeof node.value === 'boolean';
  return true;
}

/** Any JSON value, `${VAR}` substituted in every string. */
function readAny(node: Node | null, key: readonly string[], context: ReadContext): unknown {
  if (isAlias(node))
    throw problem(context, node, key, 'YAML aliases are not supported here; repeat the value');
  if (node === null || node === undefined) return null;
  // Positions are kept inside free-form values too: a `list` description the loader refuses later
  // is reported at the key it names.
  const at = (path: readonly string[], inner: Node | null | undefined) => {
    const { line, col } = context.lines.linePos(inner?.range?.[0] ?? 0);
    context.positions.set(path.join('\u0000'), { line, column: col });
  };
  if (isSeq(node))
    return node.items.map((item, index) => {
      at([...key, String(index)], item as Node | null);
      return readAny(item as Node, [...key, String(index)], context);
    });
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (name === undefined) throw problem(context, pair.key as Node, key, 'keys must be plain strings');
      at([...key, name], pair.key as Node);
      out[name] = readAny(pair.value as Node | null, [...key, name], context);
    }
    return out;
  }
  if (isScalar(node))
    return typeof node.value === 'string' ? substituted(node.value, node, key, context) : node.value;
  throw problem(context, node, key, `unsupported value ${describe(node)}`);
}

function substituted(text: string, node: Node, key: readonly string[], context: ReadContext): string {
  const result = substituteEnv(text, context.env);
  if (result.ok) return result.text;
  const error = problem(
    context,
    node,
    key,
    `environment variable ${result.missing} is not set (export it, or write \${${result.missing}:-default})`,
  );
  missingVariables.add(error);
  throw error;
}

function expectation(shape: Shape): string {
  switch (shape.kind) {
    case 'string':
      return 'a string';
    case 'integer':
      return `an integer from ${shape.min} to ${shape.max}`;
    case 'number':
      return 'a positive number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
    case 'map':
      return 'a mapping';
    default:
      return 'a value';
  }
}

function describe(node: Node | null | undefined): string {
  if (node === null || node === undefined || (isScalar(node) && node.value === null)) return 'nothing';
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a mapping';
  if (isScalar(node)) return shown(node.value);
  return 'an unsupported value';
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** An error at a node (or, for a missing value, at its key's parent). */
export function problem(
  context: ReadContext,
  node: Node | null | undefined,
  key: readonly string[],
  message: string,
): AssayError {
  const offset = node?.range?.[0] ?? 0;
  const { line, col } = context.lines.linePos(offset);
  const name = key.length === 0 ? '(top level)' : key.join('.');
  return new AssayError('config', `${context.file}:${line}:${col}: ${name}: ${message}`, {
    file: context.file,
    line,
    column: col,
    pointer: `/${key.map((k) => k.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`,
  });
}
