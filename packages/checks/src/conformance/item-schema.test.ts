import type { Operation } from '@assay/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exchangeWith, operationWith, responseSpec } from '../_test/exchange-builder.js';
import { apiOf } from '../_test/run-all.js';
import { createChecks } from '../checks/create-checks.js';

const pet = { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } as const;
const event = {
  type: 'object',
  required: ['data'],
  properties: { event: { const: 'pet' }, data: { type: 'string', pattern: '^\\{' } },
} as const;

function streaming(mediaType: string, itemSchema: object): Operation {
  const spec = responseSpec('200', { [mediaType]: {} });
  spec.content[mediaType]!.itemSchema = itemSchema as never;
  return operationWith([spec]);
}

function judge(operation: Operation, mediaType: string, body: string) {
  const exchange = exchangeWith(operation, { status: 200, headers: { 'content-type': mediaType }, body });
  const { checks } = createChecks(apiOf(operation));
  return checks.flatMap((check) => check.verify(exchange));
}

const ids = fc.array(fc.integer(), { minLength: 1, maxLength: 8 });
const formats: Record<string, (items: unknown[]) => string> = {
  'application/jsonl': (items) => items.map((i) => JSON.stringify(i)).join('\n') + '\n',
  'application/x-ndjson': (items) => items.map((i) => JSON.stringify(i)).join('\r\n'),
  'application/json-seq': (items) => items.map((i) => `\u001e${JSON.stringify(i)}\n`).join(''),
};

describe('itemSchema of sequential media types (OpenAPI 3.2)', () => {
  it.each(Object.keys(formats))(
    '%s: every item valid says nothing; one bad item is found at its index',
    (mediaType) => {
      const operation = streaming(mediaType, pet);
      fc.assert(
        fc.property(ids, fc.nat(), (list, at) => {
          const items = list.map((id) => ({ id }));
          expect(judge(operation, mediaType, formats[mediaType]!(items))).toEqual([]);
          const bad = at % items.length;
          items[bad] = { id: 'seven' as never };
          const found = judge(operation, mediaType, formats[mediaType]!(items));
          expect(found.map((v) => [v.check, v.pointer, v.keyword])).toEqual([
            ['response-schema-conformance', `/${bad}/id`, 'type'],
          ]);
        }),
      );
    },
  );

  it('text/event-stream: each event is { event, data, id, retry }, judged as it is', () => {
    const operation = streaming('text/event-stream', event);
    const good =
      'event: pet\ndata: {"id":1}\nid: 1\n\n: keep-alive\n\nevent: pet\ndata: {"id":\ndata: 2}\n\n';
    expect(judge(operation, 'text/event-stream', good)).toEqual([]);
    const bad = `${good}event: cat\ndata: {}\n\n`;
    expect(judge(operation, 'text/event-stream', bad).map((v) => [v.pointer, v.keyword])).toEqual([
      ['/2/event', 'const'],
    ]);
  });

  it('a body of a media type without itemSchema is judged as one JSON value, as before', () => {
    const operation = operationWith([responseSpec('200', { 'application/json': pet })]);
    expect(judge(operation, 'application/json', '{"id":"x"}').map((v) => v.pointer)).toEqual(['/id']);
  });
});
