import type { ApiModel, Check, HttpRequest, Operation } from '@assay/model';
import { AssayError } from '@assay/model';
import fc from 'fast-check';
import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { latencyHistogram, recordLatency } from '../report/latency-histogram.js';
import { createTransport, type Transport } from '../transport/create-transport.js';
import type { EngineKit } from './engine-kit.js';
import { formatWarning } from './format-warning.js';
import { runEngine } from './run-engine.js';

const operation: Operation = {
  id: 'get_thing',
  method: 'GET',
  path: '/thing',
  pointer: '/paths/~1thing/get',
  tags: [],
  deprecated: false,
  parameters: [],
  responses: {},
  security: [],
  extensions: {},
};
const api: ApiModel = {
  title: 't',
  version: '1',
  format: 'openapi-3.1',
  specVersion: '3.1.0',
  source: '<memory>',
  servers: [],
  operations: [operation],
  securitySchemes: {},
  schemas: {},
  problems: [],
};

/** A target with two bugs: a 500 from q >= 1000, a 418 for negative q. */
function target(sent: string[]) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agent
    .get('http://target.test')
    .intercept({ path: /.*/, method: 'GET' })
    .reply((options) => {
      sent.push(String(options.path));
      const q = Number(new URL(String(options.path), 'http://x').searchParams.get('q'));
      return { statusCode: q >= 1000 ? 500 : q < 0 ? 418 : 200, data: '{}' };
    })
    .persist();
  return agent;
}

const statusIs = (id: string, status: number): Check => ({
  id,
  description: `no ${status}`,
  clause: 'test',
  verify: ({ response }) =>
    response.status === status
      ? [
          {
            check: id,
            severity: 'error',
            message: `got ${status}`,
            pointer: '',
            keyword: 'status',
            expected: 'not',
            actual: status,
            fingerprint: `${id}|${status}`,
          },
        ]
      : [],
});

const kit: EngineKit = {
  exampleRequests: () => [],
  coverageRequests: () => [],
  requestArbitrary: () =>
    fc.integer({ min: -5000, max: 5000 }).map(
      (q): HttpRequest => ({
        method: 'GET',
        path: '/thing',
        query: `q=${q}`,
        headers: {},
        operationId: 'get_thing',
        mode: 'positive',
      }),
    ),
  checks: [statusIs('server-error', 500), statusIs('teapot', 418)],
  sequenceChecks: [],
  listSequence: async () => ({ exchanges: [], walks: [] }),
};

async function run(
  seed: number,
  shrink: boolean,
  sent: string[] = [],
  engineKit: EngineKit = kit,
  wrap: (transport: Transport) => Transport = (transport) => transport,
) {
  const agent = target(sent);
  const transport = wrap(
    createTransport({
      baseUrl: new URL('http://target.test'),
      dispatcher: agent,
      concurrency: 3,
      timeoutMs: 1000,
      maxBodyBytes: 1024,
    }),
  );
  const outcome = await runEngine({
    api,
    operations: [operation],
    transport,
    kit: engineKit,
    seed,
    maxExamples: 60,
    credentials: { headers: [] },
    shrink,
    selectedChecks: new Set(['server-error', 'teapot']),
  });
  await agent.close();
  return outcome;
}

describe('runEngine', () => {
  it('groups failures by check and fingerprint, counting occurrences', async () => {
    const sent: string[] = [];
    const outcome = await run(1, false, sent);
    const qs = sent.map((path) => Number(new URL(path, 'http://x').searchParams.get('q')));
    const server = outcome.failures.find((f) => f.violation.check === 'server-error')!;
    const teapot = outcome.failures.find((f) => f.violation.check === 'teapot')!;
    expect(server.occurrences).toBe(qs.filter((q) => q >= 1000).length);
    expect(teapot.occurrences).toBe(qs.filter((q) => q < 0).length);
    expect(outcome.failures).toHaveLength(2);
  });

  it('shrinks each failure to the minimal request for the same bug, never drifting to the other', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (seed) => {
        const outcome = await run(seed, true);
        for (const failure of outcome.failures) {
          expect(failure.shrunk).toBe(true);
          const q = Number(new URL(failure.request.url).searchParams.get('q'));
          if (failure.violation.check === 'server-error') expect(q).toBe(1000);
          if (failure.violation.check === 'teapot') expect(q).toBe(-1);
          expect(failure.response?.status).toBe(failure.violation.check === 'server-error' ? 500 : 418);
          expect(failure.path).toMatch(/^\d+(:\d+)*$/);
        }
      }),
      { numRuns: 10 },
    );
  });

  it('sends the same requests in the same order for the same seed', async () => {
    const first: string[] = [];
    const second: string[] = [];
    await run(42, true, first);
    await run(42, true, second);
    expect(second).toEqual(first);
  });

  it('folds every response time into the operation histogram as it arrives', async () => {
    const folded = latencyHistogram();
    const outcome = await run(3, false, [], kit, (transport) => ({
      ...transport,
      urlOf: transport.urlOf,
      send: async (request, signal) => {
        const sent = await transport.send(request, signal);
        if (sent.kind === 'response') recordLatency(folded, sent.response.durationMs);
        return sent;
      },
    }));
    const [result] = outcome.operations;
    expect(folded.count).toBe(result!.requests);
    expect(result!.latency).toEqual(folded);
  });

  it('says a schema no value satisfies is a problem of the spec, once, and a generator that throws is a bug', async () => {
    const throwing = (error: Error): EngineKit => ({
      ...kit,
      requestArbitrary: () =>
        fc.integer().map((): HttpRequest => {
          throw error;
        }),
    });
    const unsatisfiable = await run(
      1,
      false,
      [],
      throwing(new AssayError('generation', 'oneOf branches overlap', { pointer: '/paths/~1thing/get/q' })),
    );
    expect(unsatisfiable.warnings).toEqual([]);
    expect(unsatisfiable.specWarnings.map(formatWarning)).toEqual([
      'get_thing: positive requests could not be generated: oneOf branches overlap (schema at /paths/~1thing/get/q)',
      'get_thing: negative requests could not be generated: oneOf branches overlap (schema at /paths/~1thing/get/q)',
    ]);
    const buggy = await run(1, false, [], throwing(new TypeError('x is undefined')));
    expect(buggy.specWarnings).toEqual([]);
    expect(buggy.warnings).toHaveLength(2);
    expect(buggy.warnings[0]).toMatchObject({
      code: 'generation-failed',
      operation: 'get_thing',
      phase: 'positive',
    });
    expect(formatWarning(buggy.warnings[0]!)).toMatch(
      /^get_thing: positive generation failed .*x is undefined/,
    );
  });
});
