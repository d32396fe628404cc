import { createChecks, type SchemaValidator } from '@assay/checks';
import { coverageRequests, exampleRequests, requestArbitrary } from '@assay/generators';
import type { ApiModel } from '@assay/model';
import { AssayError } from '@assay/model';
import type { EngineKit } from './engine-kit.js';
import { listSequence } from './list-sequence.js';
import { transportCheckIds } from './transport-check-ids.js';

/** Which checks a run selects (`--checks`, `--exclude-checks`). */
export interface CheckSelection {
  checks?: readonly string[];
  excludeChecks: readonly string[];
}

/**
 * Wires the generators and the checks into an engine kit for one API, narrowed to the selected
 * check ids. An unknown id is an `unknown-check` error listing the valid ones. The checks' validator
 * comes back too, for the in-process mock to share (each schema is then compiled once per run).
 */
export function createKit(
  api: ApiModel,
  selection: CheckSelection,
): { kit: EngineKit; selectedChecks: Set<string>; validator: SchemaValidator } {
  const all = createChecks(api);
  const validator = all.validator;
  const known = [
    ...all.checks.map((c) => c.id),
    ...all.sequenceChecks.map((c) => c.id),
    ...transportCheckIds,
  ];
  const knownSet = new Set(known);
  for (const [flag, ids] of [
    ['--checks', selection.checks ?? []],
    ['--exclude-checks', selection.excludeChecks],
  ] as const) {
    for (const id of ids) {
      if (!knownSet.has(id)) {
        throw new AssayError(
          'unknown-check',
          `${flag}: unknown check "${id}"; valid ids: ${[...knownSet].sort().join(', ')}`,
          {
            flag,
          },
        );
      }
    }
  }
  const selected = new Set(
    known.filter(
      (id) =>
        (selection.checks === undefined || selection.checks.includes(id)) &&
        !selection.excludeChecks.includes(id),
    ),
  );
  const defs = api.schemas;
  const isValid = (schema: Parameters<typeof validator.isValid>[0], value: unknown) =>
    validator.isValid(schema, value);
  const basePath = serverPath(api);
  const kit: EngineKit = {
    exampleRequests: (operation) => safeList(() => exampleRequests(operation, { defs, isValid })),
    coverageRequests: (operation) => safeList(() => coverageRequests(operation, { defs, isValid })),
    // Form bodies are made invalid too: the generators keep only values invalid under the most
    // lenient reading a server could make, and the mock validates form bodies per OpenAPI encoding.
    requestArbitrary: (operation, mode, seen) =>
      requestArbitrary(operation, mode, { defs, seen, isValid, formBodyNegatives: true }),
    checks: all.checks.filter((c) => selected.has(c.id)),
    sequenceChecks: all.sequenceChecks.filter((c) => selected.has(c.id)),
    listSequence: (operation, seen, send, isAborted, accepted) =>
      listSequence(operation, seen, send, {
        basePath,
        isAborted,
        isValid,
        ...(accepted === undefined ? {} : { accepted }),
      }),
  };
  return { kit, selectedChecks: selected, validator };
}

/** The path of the spec's first server (`/api/v3`), which absolute `next` links start with. */
function serverPath(api: ApiModel): string {
  try {
    return new URL(api.servers[0] ?? '/', 'http://assay.invalid').pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

/** A phase that cannot be generated for an operation (`generation` error) is skipped, not fatal. */
function safeList<T>(make: () => T[]): T[] {
  try {
    return make();
  } catch (error) {
    if (AssayError.is(error) && error.code === 'generation') return [];
    throw error;
  }
}
