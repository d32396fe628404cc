import { createChecks } from '@assay/checks';
import type { ApiModel } from '@assay/model';
import { transportCheckIds } from '../engine/transport-check-ids.js';
import type { LoadedPlugins } from './load-plugins.js';

/** Every check id a run of this API can select: built-in, transport, and the plugins'. */
export function knownCheckIds(api: ApiModel, plugins: LoadedPlugins): string[] {
  const builtIn = createChecks(api);
  return [
    ...builtIn.checks.map((c) => c.id),
    ...builtIn.sequenceChecks.map((c) => c.id),
    ...transportCheckIds,
    ...[...plugins.checks, ...plugins.sequenceChecks, ...plugins.runChecks].map((c) => c.id),
  ];
}
