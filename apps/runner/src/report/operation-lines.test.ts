import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { identificationSpec } from '../_test/paths.js';
import { operationLines } from './operation-lines.js';

describe('operationLines', () => {
  it('finds the line of each operation in YAML, quoted or not, and in pretty or minified JSON', () => {
    const yaml = [
      'openapi: 3.0.3',
      'paths:',
      '  /pets:',
      '    parameters: []',
      '    get:',
      '      operationId: list',
      "  '/pets/{id}':",
      '    get:',
      '      operationId: get',
      '    delete:',
      '      operationId: remove',
    ].join('\n');
    const operations = [
      { id: 'list', pointer: '/paths/~1pets/get' },
      { id: 'get', pointer: '/paths/~1pets~1{id}/get' },
      { id: 'remove', pointer: '/paths/~1pets~1{id}/delete' },
      { id: 'ghost', pointer: '/paths/~1nowhere/get' },
    ];
    expect(Object.fromEntries(operationLines(yaml, operations))).toEqual({ list: 5, get: 8, remove: 10 });
    const document = { paths: { '/pets': { get: {} }, '/pets/{id}': { get: {}, delete: {} } } };
    expect(Object.fromEntries(operationLines(JSON.stringify(document, null, 2), operations))).toEqual({
      list: 4,
      get: 7,
      remove: 8,
    });
    expect(Object.fromEntries(operationLines(JSON.stringify(document), operations))).toEqual({
      list: 1,
      get: 1,
      remove: 1,
    });
  });

  it('places the operation of the example spec on the line of its method', async () => {
    const text = await readFile(identificationSpec, 'utf8');
    const line = operationLines(text, [{ id: 'op', pointer: '/paths/~1stages~1identification~1/get' }]).get(
      'op',
    );
    expect(line).toBeDefined();
    expect(text.split('\n')[line! - 1]).toMatch(/^\s+get:/);
  });
});
