import type { ApiModel, Operation } from '@assay/model';
import { type ListInspection, listSemanticsReport } from '../report/list-semantics-report.js';

export type { ListInspection } from '../report/list-semantics-report.js';

/**
 * What `assay inspect --json` prints: what Assay understood of each operation. The shape is stable
 * (scripts and CI assert on it); a field is absent when there is nothing to say.
 */
export interface ApiInspection {
  title: string;
  version: string;
  source: string;
  format: string;
  summary: {
    operations: number;
    /** Operations read as lists. */
    lists: number;
    /** Lists whose pagination is known, by convention name (`described` for x-pagination and list descriptions). */
    byConvention: Record<string, number>;
    /** Lists that take paging parameters but match no convention. */
    notUnderstood: number;
  };
  operations: OperationInspection[];
  /** The config file used (`--config`, or found in the working directory); absent without one. */
  config?: ConfigInspection;
}

/** The config file behind an inspection, and what it sets for every operation. */
export interface ConfigInspection {
  /** As the run prints it: relative to the working directory when inside it. */
  file: string;
  /** The target chosen (`--target`, else the file's `target:`). */
  target?: string;
  /** Where a run sends: `mock`, or the base URL; absent when the file names neither. */
  sendsTo?: string;
  /** The kinds of credential configured (`bearer`, `basic`, `apiKey`, `oauth2`, `scheme <name>`); never values. */
  credentials: string[];
  /** Names of the headers sent with every request (values are not shown: they may be secrets). */
  headers?: string[];
  /** What the file's plugins add: check ids (by scope) and request hooks, by name. */
  plugins?: { checks: string[]; sequenceChecks: string[]; runChecks: string[]; hooks: string[] };
}

/** What the config file does to one operation, as a run would apply it. */
export interface OperationConfigInspection {
  /** The file's `skip` reason: the operation is not tested, and reports say why. */
  skip?: string;
  /**
   * Why a run with this file (and no flags) would not test the operation, as reports would say it:
   * the file's `only` or `shard`, an unsafe method without `unsafe: true`, or its `skip`.
   */
  notTested?: string;
  /** The checks that judge the operation, after the file's `checks`/`excludeChecks` (top level, target, per operation). */
  checks: string[];
  /** Known checks the file turns off for this operation. */
  turnedOff: string[];
  /** Per check id, statuses the file declares expected (not held against that check). */
  expectedStatuses?: Record<string, Array<number | string>>;
  /** Per parameter name: a fixed value, or the examples requests draw from. */
  parameters?: Record<string, { fixed: unknown } | { examples: unknown[] }>;
  /** JSON pointers into the body left out where answers are compared. */
  volatile?: string[];
  /** Header names whose values are left out where answers are compared. */
  volatileHeaders?: string[];
  /** Generated requests per mode. */
  maxExamples: number;
  /** Per request, in milliseconds. */
  timeoutMs: number;
  /** True when the file's `list` description shaped the operation's `list`. */
  list?: true;
  /**
   * The security schemes the configured credentials meet: `sends` the schemes of the requirement a
   * run sends (`[]`: none needed), or `missing`, per requirement, the schemes nothing configured fits.
   * Against the mock (`sendsTo: mock`), its own token, which it takes in every scheme.
   */
  credentials: { sends: string[] } | { missing: string[][] };
}

/** One operation as Assay reads it. */
export interface OperationInspection {
  operationId: string;
  method: string;
  path: string;
  /** The security requirements, each a list of scheme names (all needed); `[]` when none apply. */
  auth: string[][];
  /** Why the operation is not a list; absent for lists. */
  notAList?: string;
  list?: ListInspection;
  /** What Assay could not tell, one sentence each, with why. */
  unresolved: string[];
  /** What the config file does to the operation; absent without a config file. */
  config?: OperationConfigInspection;
}

/** Reads what the loader understood of every operation of an API. */
export function apiInspection(api: ApiModel): ApiInspection {
  const operations = api.operations.map(operationInspection);
  const byConvention: Record<string, number> = {};
  let lists = 0;
  let notUnderstood = 0;
  for (const op of operations) {
    if (op.list === undefined) continue;
    lists++;
    const name = op.list.pagination?.convention;
    if (name !== undefined) byConvention[name] = (byConvention[name] ?? 0) + 1;
    if (op.unresolved.some((line) => line.startsWith('pagination:'))) notUnderstood++;
  }
  return {
    title: api.title,
    version: api.version,
    source: api.source,
    format: api.format,
    summary: { operations: operations.length, lists, byConvention, notUnderstood },
    operations,
  };
}

function operationInspection(operation: Operation): OperationInspection {
  const out: OperationInspection = {
    operationId: operation.id,
    method: operation.method,
    path: operation.path,
    auth: operation.security.map((requirement) => Object.keys(requirement)),
    unresolved: [],
  };
  const semantics = listSemanticsReport(operation);
  if ('notAList' in semantics) {
    out.notAList = semantics.notAList;
    return out;
  }
  const { unresolved, ...list } = semantics;
  out.list = list;
  out.unresolved = [...(unresolved ?? [])];
  return out;
}
