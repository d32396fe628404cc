import { AssayError } from '@assay/model';
import { type Document, LineCounter, type Node, parseDocument } from 'yaml';
import { parseBaseUrl, parseHeader } from '../cli/parse-cli-args.js';
import { problem, type ReadContext, readShapedNode } from './_internals/read-shaped-node.js';
import type { AssayConfig, LoadedConfig, RunSettings } from './assay-config.js';
import { configFileShape } from './config-file-shape.js';
import { parseSelector } from './parse-selector.js';

/** Parses and validates the text of a config file; `file` names it in messages. */
export function parseConfigText(
  text: string,
  file: string,
  env: Readonly<Record<string, string | undefined>>,
): Pick<LoadedConfig, 'config' | 'positions' | 'unresolvedTargets'> {
  const lines = new LineCounter();
  const positions = new Map<string, { line: number; column: number }>();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const syntax = document.errors[0];
  if (syntax !== undefined) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    const what = syntax.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new AssayError('config', `${file}:${line}:${col}: not valid YAML: ${what}`, {
      file,
      line,
      column: col,
    });
  }
  const unresolvedTargets = new Map<string, AssayError>();
  const context: ReadContext = { file, lines, env, positions, unresolvedTargets };
  if (document.contents === null) return { config: {}, positions, unresolvedTargets };
  const config = readShapedNode(document.contents, configFileShape, [], context) as AssayConfig;
  checkMeaning(config, document, context);
  return { config, positions, unresolvedTargets };
}

/** What the shape cannot say: combinations, formats, and references between keys. */
function checkMeaning(config: AssayConfig, document: Document, context: ReadContext): void {
  const at = (key: readonly string[], message: string): AssayError =>
    problem(context, nodeAt(document, key), key, message);
  checkRunSettings(config, [], at);
  for (const [name, target] of Object.entries(config.targets ?? {})) {
    if (context.unresolvedTargets.has(name)) continue;
    checkRunSettings(target, ['targets', name], at);
  }
  if (config.target !== undefined && config.targets?.[config.target] === undefined) {
    const names = Object.keys(config.targets ?? {});
    throw at(
      ['target'],
      names.length === 0
        ? `names target "${config.target}", but the file has no targets`
        : `no target "${config.target}" under targets (known: ${names.join(', ')})`,
    );
  }
  for (const [selector, settings] of Object.entries(config.operations ?? {})) {
    const key = ['operations', selector];
    const parsed = parseSelector(selector);
    if (!parsed.ok) throw at(key, parsed.message);
    for (const [index, pointer] of (settings.volatile ?? []).entries()) {
      if (!pointer.startsWith('/')) {
        throw at(
          [...key, 'volatile', String(index)],
          `"${pointer}" is not a JSON pointer (it starts with /)`,
        );
      }
    }
    for (const [check, statuses] of Object.entries(settings.expectedStatuses ?? {})) {
      for (const [index, status] of statuses.entries()) {
        if (typeof status === 'string' && !/^[1-5]XX$/i.test(status)) {
          throw at(
            [...key, 'expectedStatuses', check, String(index)],
            `"${status}" is not a status: write a code (422) or a range (4XX)`,
          );
        }
      }
    }
  }
}

function checkRunSettings(
  settings: RunSettings,
  key: readonly string[],
  at: (key: readonly string[], message: string) => AssayError,
): void {
  if (settings.baseUrl !== undefined && settings.mock === true) {
    throw at([...key, 'mock'], 'use either baseUrl or mock: true, not both');
  }
  if (settings.baseUrl !== undefined) {
    relocated([...key, 'baseUrl'], at, () => parseBaseUrl(settings.baseUrl!));
  }
  for (const [name, value] of Object.entries(settings.headers ?? {})) {
    relocated([...key, 'headers', name], at, () => parseHeader(`${name}: ${value}`));
  }
  if (settings.quiet === true && settings.verbose === true) {
    throw at([...key, 'verbose'], 'use either quiet or verbose, not both');
  }
  for (const kind of ['junit', 'html'] as const) {
    if (settings.reports?.[kind] === '-') {
      throw at([...key, 'reports', kind], 'only json and ndjson reports can be written to stdout (-)');
    }
  }
  const oauth2 = settings.auth?.oauth2;
  if (oauth2 !== undefined && (oauth2.username === undefined) !== (oauth2.password === undefined)) {
    throw at([...key, 'auth', 'oauth2'], 'the password grant needs both username and password');
  }
  if (settings.shard !== undefined && !/^\s*\d+\/\d+\s*$/.test(settings.shard)) {
    throw at([...key, 'shard'], `expected <i>/<n> (e.g. 2/4), got "${settings.shard}"`);
  }
  for (const [name, credentials] of Object.entries(settings.auth?.schemes ?? {})) {
    const given = Object.keys(credentials);
    const kinds = ['token', 'value', 'clientId'].filter((k) => given.includes(k));
    const basic = given.includes('username') && given.includes('password');
    const ok =
      (kinds.length === 1 && (kinds[0] === 'clientId' || given.length === 1)) ||
      (kinds.length === 0 && basic && given.length === 2);
    if (!ok) {
      throw at(
        [...key, 'auth', 'schemes', name],
        'expected one of {token}, {username, password}, {value}, or an OAuth2 client {clientId, clientSecret, scopes, username, password, tokenUrl}',
      );
    }
  }
}

/** Runs a check of the command line's and reports its error at the config key instead of a flag. */
function relocated(
  key: readonly string[],
  at: (key: readonly string[], message: string) => AssayError,
  check: () => unknown,
): void {
  try {
    check();
  } catch (error) {
    if (!AssayError.is(error)) throw error;
    throw at(
      key,
      error.message
        .replace(/^--[a-z-]+: /, '')
        .replace('use --auth-bearer or --header', 'use auth or headers'),
    );
  }
}

/** The node at a key path, or its nearest ancestor that exists (for a missing key). */
function nodeAt(document: Document, key: readonly string[]): Node | null {
  for (let depth = key.length; depth >= 0; depth--) {
    const path = key.slice(0, depth).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    const node = document.getIn(path, true) as Node | undefined;
    if (node !== undefined && node !== null && typeof node === 'object' && 'range' in node) return node;
  }
  return document.contents as Node | null;
}
