import { createSchemaValidator } from '@assay/json-schema';
import { type ApiModel, AssayError } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadApi } from './load-api.js';

// JSON-ish junk of every shape, with the keys a spec reader looks for mixed in.
const key = fc.constantFrom(
  'type',
  'properties',
  'items',
  'allOf',
  'nullable',
  'required',
  '$ref',
  'enum',
  'schema',
  'content',
  'in',
  'name',
  'x-a',
  'a',
);
const ref = fc.constantFrom(
  '#/components/schemas/A',
  '#/components/schemas/B',
  '#/definitions/A',
  '#/nowhere',
  'other.yaml#/A',
  'https://example.com/x.json',
  '#/components/schemas/A/properties/a',
);
const junk: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1, 1.5, '', 'string', 'object', 'array', 'integer'),
    fc.record({ $ref: ref }, { noNullPrototype: true }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;

const schema = fc.oneof(
  junk,
  fc.record(
    {
      type: fc.constantFrom('object', 'array', 'string'),
      properties: fc.dictionary(fc.string(), junk, { maxKeys: 3, noNullPrototype: true }),
      nullable: fc.boolean(),
      items: junk,
    },
    { requiredKeys: [], noNullPrototype: true },
  ),
);
const parameter = fc.oneof(
  junk,
  fc.record(
    {
      name: fc.constantFrom('page', 'id', 'q'),
      in: fc.constantFrom('query', 'path', 'header', 'body', 'formData', 'nowhere'),
      schema,
      type: fc.constantFrom('string', 'file', 'array'),
      required: fc.boolean(),
    },
    { requiredKeys: [], noNullPrototype: true },
  ),
);
const response = fc.oneof(
  junk,
  fc.record(
    {
      description: fc.string(),
      content: fc.dictionary(
        fc.constantFrom('application/json', 'text/plain', '*/*'),
        fc.record({ schema }, { requiredKeys: [], noNullPrototype: true }),
        { noNullPrototype: true },
      ),
      schema,
      headers: fc.dictionary(fc.constantFrom('Link', 'X-Rate'), junk, { noNullPrototype: true }),
    },
    { requiredKeys: [], noNullPrototype: true },
  ),
);
const operation = fc.oneof(
  junk,
  fc.record(
    {
      operationId: fc.constantFrom('a', 'b', 'a'),
      parameters: fc.array(parameter, { maxLength: 4 }),
      requestBody: junk,
      responses: fc.dictionary(fc.constantFrom('200', '201', 'default', '4XX'), response, {
        maxKeys: 3,
        noNullPrototype: true,
      }),
      security: junk,
      'x-pagination': junk,
    },
    { requiredKeys: [], noNullPrototype: true },
  ),
);
const document = fc
  .record(
    {
      version: fc.constantFrom({ openapi: '3.0.3' }, { openapi: '3.1.0' }, { swagger: '2.0' }),
      paths: fc.oneof(
        junk,
        fc.dictionary(
          fc.constantFrom('/a', '/a/{id}', 'x-b'),
          fc.oneof(
            junk,
            fc.dictionary(fc.constantFrom('get', 'post', 'parameters', '$ref'), operation, {
              maxKeys: 3,
              noNullPrototype: true,
            }),
          ),
          { maxKeys: 3, noNullPrototype: true },
        ),
      ),
      schemas: fc.dictionary(fc.constantFrom('A', 'B', 'C'), schema, { maxKeys: 3, noNullPrototype: true }),
    },
    { requiredKeys: ['version'], noNullPrototype: true },
  )
  .map(({ version, paths, schemas }) => ({
    ...version,
    info: { title: 't', version: '1' },
    ...(paths === undefined ? {} : { paths }),
    ...('swagger' in version ? { definitions: schemas } : { components: { schemas } }),
  }));

/** Validates a few values against every response schema, the way the checks will: it must terminate. */
function validateSamples(api: ApiModel): void {
  const validator = createSchemaValidator(api.schemas);
  for (const operation of api.operations) {
    for (const response of Object.values(operation.responses)) {
      for (const media of Object.values(response.content)) {
        if (typeof media.schema === 'boolean') continue;
        for (const value of [null, {}, [], 'x', 1, { a: [{}] }]) validator.validate(media.schema, value);
      }
    }
  }
}

describe('loadApi on malformed documents', () => {
  it('either loads or throws an AssayError, and what it loads is plain JSON that validates without end', async () => {
    const outcomes = { loaded: 0, rejected: 0 };
    await fc.assert(
      fc.asyncProperty(document, fc.boolean(), async (doc, strict) => {
        try {
          const api = await loadApi(doc, { strict });
          outcomes.loaded++;
          expect(JSON.parse(JSON.stringify(api.schemas))).toEqual(api.schemas);
          validateSamples(api);
        } catch (error) {
          if (!AssayError.is(error)) throw error;
          outcomes.rejected++;
          expect(error.code).not.toBe('internal');
        }
      }),
      { numRuns: 300 },
    );
    // Both sides are exercised: junk that loads (non-strict) and junk that is refused.
    expect(outcomes.loaded).toBeGreaterThan(30);
    expect(outcomes.rejected).toBeGreaterThan(30);
    console.log(`robustness: ${outcomes.loaded} loaded, ${outcomes.rejected} rejected`);
  });
});
