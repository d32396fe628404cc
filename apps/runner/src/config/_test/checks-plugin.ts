import { createHmac } from 'node:crypto';
import { defineCheck } from '../define-check.js';
import { defineHook } from '../define-hook.js';

/** A plugin as a team writes one: its checks and hooks, for the plugin tests. */

/** Planted bug it finds: a list that answers 200 with no items (the mock with `items: 0`). */
export const listNotEmpty = defineCheck({
  id: 'list-not-empty',
  description: 'A list of things answers with at least one thing.',
  clause: 'Team rule: the things list is seeded in every environment',
  verify({ operation, response }) {
    if (operation.id !== 'listThings' || response.status !== 200) return [];
    const body = JSON.parse(response.body) as { results?: unknown[] };
    if ((body.results?.length ?? 0) > 0) return [];
    return [
      {
        check: 'list-not-empty',
        severity: 'error',
        message: 'the list answered with no things',
        pointer: '/results',
        keyword: 'minItems',
        expected: 'at least 1',
        actual: 0,
        fingerprint: 'list-not-empty',
      },
    ];
  },
});

/** A deliberately strict sequence rule, so its plumbing shows: a walk of more than one page. */
export const singlePage = defineCheck({
  id: 'single-page',
  scope: 'sequence',
  description: 'A list fits on one page.',
  clause: 'Team rule: lists are short',
  verify(exchanges) {
    if (exchanges.length <= 1) return [];
    return [
      {
        check: 'single-page',
        severity: 'warning',
        message: `the list took ${exchanges.length} requests`,
        pointer: '',
        keyword: 'pages',
        expected: 1,
        actual: exchanges.length,
        fingerprint: 'single-page',
      },
    ];
  },
});

/** Whole-run rule: no thing id is answered with two different names in one run. */
export const stableNames = defineCheck({
  id: 'stable-names',
  scope: 'run',
  description: 'A thing keeps its name across the run.',
  clause: 'Team rule: names are immutable',
  verify(exchanges) {
    const names = new Map<unknown, unknown>();
    for (const exchange of exchanges) {
      if (exchange.response.status !== 200 || exchange.operation.id !== 'getThing') continue;
      const thing = JSON.parse(exchange.response.body) as { id: unknown; name: unknown };
      const earlier = names.get(thing.id);
      if (earlier !== undefined && earlier !== thing.name) {
        return [
          {
            check: 'stable-names',
            severity: 'error',
            message: `thing ${String(thing.id)} was ${String(earlier)}, then ${String(thing.name)}`,
            pointer: '/name',
            keyword: 'const',
            expected: earlier,
            actual: thing.name,
            fingerprint: 'stable-names',
            exchange,
          },
        ];
      }
      names.set(thing.id, thing.name);
    }
    return [];
  },
});

/** Signs each request with a key from the environment; the signature is a secret. */
export const signature = defineHook({
  name: 'signature',
  beforeRequest(request, { secret }) {
    const value = createHmac('sha256', process.env.ASSAY_TEST_SIGNING_KEY ?? 'k')
      .update(`${request.method} ${request.path}?${request.query}`)
      .digest('hex');
    secret(value);
    return { ...request, headers: { ...request.headers, 'x-signature': value } };
  },
});
