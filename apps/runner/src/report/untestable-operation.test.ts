import { loadApi } from '@assay/spec';
import { describe, expect, it } from 'vitest';
import { type ExecuteRunOptions, executeRun } from '../engine/execute-run.js';
import { formatSummary } from './format-summary.js';
import { githubReport } from './github-report.js';
import { htmlReport } from './html-report.js';
import { jsonReport } from './json-report.js';
import { junitReport } from './junit-report.js';
import { toRunReport } from './to-run-report.js';

/**
 * A spec whose create operation needs a body no value satisfies (`name` is required and forbidden),
 * with an example body (which is therefore invalid too), another whose body schema only drawing
 * finds unsatisfiable, and a list operation that is fine.
 */
const document = {
  openapi: '3.1.0',
  info: { title: 'things', version: '1' },
  paths: {
    '/things': {
      get: {
        operationId: 'listThings',
        responses: {
          '200': {
            description: 'the things',
            content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } },
          },
        },
      },
      post: {
        operationId: 'createThing',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/Thing' },
              example: { name: 'lamp' },
            },
          },
        },
        responses: { '201': { description: 'created' }, '400': { description: 'refused' } },
      },
    },
    '/count': {
      put: {
        operationId: 'setCount',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Count' } } },
        },
        responses: { '204': { description: 'set' }, '400': { description: 'refused' } },
      },
    },
  },
  components: {
    schemas: {
      Thing: { type: 'object', required: ['name'], properties: { name: false } },
      // Not plain to see (no loader warning): only drawing finds that no value is left.
      Count: { type: 'integer', multipleOf: 7, not: { multipleOf: 7 } },
    },
  },
};

const options: ExecuteRunOptions = {
  spec: 'things.yaml',
  mock: true,
  operations: [],
  tags: [],
  headers: [],
  maxExamples: 10,
  seed: 1,
  excludeChecks: [],
  concurrency: 2,
  timeoutMs: 5000,
  unsafe: true,
  shrink: true,
  maxBodyBytes: 1024 * 1024,
  faults: [],
};

describe('an operation no valid request exists for', () => {
  it('is "not tested" in every report, the reason naming the schema, never passed nor left out', async () => {
    const api = await loadApi(document);
    expect(api.problems.filter((p) => p.code === 'schema-unsatisfiable').map((p) => p.pointer)).toEqual([
      '/components/schemas/Thing',
    ]);
    const report = toRunReport(await executeRun(api, options));
    const reason = report.operations.find((o) => o.operationId === 'createThing')?.reason ?? '';
    expect(reason).toMatch(
      /^no valid request could be generated for the schema at #\/\$defs\/Thing \(No value can satisfy/,
    );

    const json = JSON.parse(jsonReport(report)) as {
      summary: { tested: number; notTested: number };
      operations: { operationId: string; state: string; reason?: string }[];
    };
    const drawnReason = report.operations.find((o) => o.operationId === 'setCount')?.reason ?? '';
    expect(drawnReason).toMatch(/^no valid request could be generated for the schema at #\/\$defs\/Count \(/);
    expect(json.operations.map((o) => [o.operationId, o.state, o.reason])).toEqual([
      ['listThings', 'passed', undefined],
      ['createThing', 'not-tested', reason],
      ['setCount', 'not-tested', drawnReason],
    ]);
    expect(json.summary).toMatchObject({ tested: 1, notTested: 2 });
    // Not one of its checks passed on what was sent (its spec example, invalid like every body).
    const create = report.operations.find((o) => o.operationId === 'createThing')!;
    expect(create.outcomes.filter((o) => o.state === 'passed' || o.judged > 0)).toEqual([]);

    const text = formatSummary(report);
    expect(text).toContain('2 operations not tested');
    expect(text).toContain(`${reason} (1): POST /things`);

    const xml = junitReport(report, { hostname: 'ci' });
    const cases = [
      ...xml.matchAll(/<testcase [^>]*classname="createThing"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g),
    ];
    expect(cases.length).toBeGreaterThan(0);
    for (const [, , body] of cases) expect(body ?? '').toMatch(/<skipped message="not (tested|applicable)/);
    expect(xml).toContain(`<skipped message="not tested: ${reason.replaceAll('"', '&quot;')}"/>`);

    expect(htmlReport(report)).toContain(
      'no valid request could be generated for the schema at #/$defs/Thing',
    );
    expect(githubReport(report).summary).toContain(
      'no valid request could be generated for the schema at #/$defs/Thing',
    );
  });
});
