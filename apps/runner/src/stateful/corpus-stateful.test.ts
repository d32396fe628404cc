import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createSchemaValidator, statefulChecks } from '@assay/checks';
import { requestArbitrary } from '@assay/generators';
import { createMock, DEFAULT_MOCK_TOKEN } from '@assay/mock';
import type { ApiModel } from '@assay/model';
import { loadApi } from '@assay/spec';
import { describe, expect, it } from 'vitest';
import { sharedSpecs } from '../_test/paths.js';
import { withCredentials } from '../engine/credentials.js';
import { runStateful } from './run-stateful.js';

/** Resources of each spec the test runs: the first few, so the test stays within seconds per spec. */
const RESOURCES_PER_SPEC = 2;

/** CRUD-shaped specs of the corpus: a create, reads by id, updates and deletes, paginated lists. */
const CRUD_SPECS = [
  'readme-oas-examples/3.1/json/train-travel.json',
  'apis-guru/3.0/gsmtasks.com.json',
  'apis-guru/3.0/nordigen.com.json',
  'apis-guru/3.0/netbox.dev.json',
  'authentik-schema-2025.4.4.yml',
];

function basePath(api: ApiModel): string {
  try {
    return new URL(api.servers[0] ?? '/', 'http://assay.invalid').pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

describe.skipIf(!existsSync(sharedSpecs))(
  'the stateful phase on the corpus CRUD specs, on the mock (needs ../shared/specs)',
  () => {
    it('reports no stateful failure on a correct mock', async () => {
      const reported: string[] = [];
      let resources = 0;
      for (const file of CRUD_SPECS.map((name) => join(sharedSpecs, name)).filter(existsSync)) {
        let api: ApiModel;
        try {
          api = await loadApi(file);
        } catch {
          continue;
        }
        const candidates = (api.resources ?? [])
          .filter((r) => !/\{/.test(r.collection))
          .slice(0, RESOURCES_PER_SPEC);
        if (candidates.length === 0) continue;
        const validator = createSchemaValidator(api.schemas);
        const mock = createMock(api, { seed: 1, validator, items: 12 });
        const base = basePath(api);
        for (const resource of candidates) {
          resources += 1;
          const outcome = await runStateful({
            api,
            resource,
            checks: statefulChecks,
            seed: 1,
            numRuns: 10,
            maxCommands: 8,
            basePath: base,
            isValid: validator.isValid,
            send: async (request) => {
              const operation = api.operations.find((o) => o.id === request.operationId);
              const sent =
                operation === undefined
                  ? request
                  : withCredentials(
                      request,
                      { headers: [], schemeToken: DEFAULT_MOCK_TOKEN },
                      api,
                      operation,
                    );
              return mock.handle({ ...sent, path: `${base}${sent.path}` });
            },
            requests: (operation) =>
              requestArbitrary(operation, 'positive', { defs: api.schemas, isValid: validator.isValid }),
          });
          for (const finding of outcome.findings)
            reported.push(
              `${relative(sharedSpecs, file)} ${resource.collection}: ${finding.check}: ${finding.violation.message}`,
            );
        }
      }
      if (process.env.ASSAY_DEBUG)
        (await import('node:fs')).writeFileSync('/tmp/corpus18.txt', reported.join('\n'));
      expect(resources).toBeGreaterThan(5);
      expect(reported).toEqual([]);
    }, 600_000);
  },
);
