import type { HttpRequest, Operation, Parameter, ParameterStyle } from '@assay/model';
import { describe, expect, it } from 'vitest';
import { emptyParts, readParameter, type Shape, serialiseParameter } from './parameter-wire.js';

function param(name: string, location: Parameter['in'], style: ParameterStyle, explode: boolean): Parameter {
  return {
    name,
    in: location,
    required: location === 'path',
    style,
    explode,
    allowReserved: false,
    schema: {},
    deprecated: false,
    examples: [],
  };
}

const array = ['blue', 'black', 'brown'];
const object = { R: 100, G: 200, B: 150 };

// The rows of the style examples table, OpenAPI 3.1 §4.8.12.4.
const table: [Parameter['in'], ParameterStyle, boolean, Shape, unknown, string][] = [
  ['path', 'simple', false, 'array', array, 'blue,black,brown'],
  ['path', 'simple', true, 'object', object, 'R=100,G=200,B=150'],
  ['path', 'simple', false, 'object', object, 'R,100,G,200,B,150'],
  ['path', 'label', false, 'primitive', 'blue', '.blue'],
  ['path', 'label', true, 'array', array, '.blue.black.brown'],
  ['path', 'label', false, 'array', array, '.blue,black,brown'],
  ['path', 'label', true, 'object', object, '.R=100.G=200.B=150'],
  ['path', 'matrix', false, 'primitive', 'blue', ';color=blue'],
  ['path', 'matrix', true, 'array', array, ';color=blue;color=black;color=brown'],
  ['path', 'matrix', false, 'array', array, ';color=blue,black,brown'],
  ['path', 'matrix', true, 'object', object, ';R=100;G=200;B=150'],
  ['query', 'form', true, 'primitive', 'blue', 'color=blue'],
  ['query', 'form', false, 'array', array, 'color=blue,black,brown'],
  ['query', 'form', true, 'array', array, 'color=blue&color=black&color=brown'],
  ['query', 'form', false, 'object', object, 'color=R,100,G,200,B,150'],
  ['query', 'form', true, 'object', object, 'R=100&G=200&B=150'],
  ['query', 'spaceDelimited', false, 'array', array, 'color=blue%20black%20brown'],
  ['query', 'pipeDelimited', false, 'array', array, 'color=blue|black|brown'],
  ['query', 'deepObject', true, 'object', object, 'color[R]=100&color[G]=200&color[B]=150'],
];

function wire(location: Parameter['in'], text: string): HttpRequest {
  return {
    method: 'GET',
    path: location === 'path' ? `/things/${text}` : '/things/x',
    query: location === 'query' ? text : '',
    headers: {},
    operationId: 'op',
    mode: 'positive',
  };
}

describe('serialiseParameter and readParameter', () => {
  for (const [location, style, explode, shape, value, expected] of table) {
    it(`${location} ${style} explode=${explode} ${shape}`, () => {
      const p = param('color', location, style, explode);
      const parts = emptyParts();
      serialiseParameter(p, value, shape, parts);
      const written = location === 'path' ? parts.path.color : parts.query.join('&');
      expect(written).toBe(expected);
      const operation = {
        path: location === 'path' ? '/things/{color}' : '/things/x',
        parameters: [p],
      } as unknown as Operation;
      const read = readParameter(wire(location, expected), operation, p, shape, {});
      const texts = Array.isArray(value)
        ? value
        : typeof value === 'object'
          ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, String(v)]))
          : value;
      expect(read).toEqual(texts);
    });
  }

  it('writes header and cookie styles', () => {
    const parts = emptyParts();
    serialiseParameter(param('X-Ids', 'header', 'simple', false), [1, 2], 'array', parts);
    serialiseParameter(param('session', 'cookie', 'form', true), 'abc', 'primitive', parts);
    serialiseParameter(param('tags', 'cookie', 'form', false), ['a', 'b'], 'array', parts);
    expect(parts.headers).toEqual({ 'x-ids': '1,2' });
    expect(parts.cookies).toEqual(['session=abc', 'tags=a,b']);
  });

  it('percent-encodes reserved characters unless allowReserved', () => {
    const parts = emptyParts();
    serialiseParameter(param('q', 'query', 'form', true), 'a b&c=d/é', 'primitive', parts);
    serialiseParameter(
      { ...param('r', 'query', 'form', true), allowReserved: true },
      'a/b:c?d&e',
      'primitive',
      parts,
    );
    expect(parts.query).toEqual(['q=a%20b%26c%3Dd%2F%C3%A9', 'r=a/b:c?d%26e']);
  });
});

describe('percent-encoding', () => {
  it('sends a lone surrogate as U+FFFD instead of throwing', () => {
    const parts = emptyParts();
    serialiseParameter(param('q', 'query', 'form', true), 'a\uD83D', 'primitive', parts);
    serialiseParameter(param('r', 'query', 'form', true), '😀', 'primitive', parts);
    expect(parts.query).toEqual(['q=a%EF%BF%BD', 'r=%F0%9F%98%80']);
  });
});
