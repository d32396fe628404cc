import type { Violation } from '@assay/model';
import { describe, expect, it } from 'vitest';
import { groupByLocation } from './group-by-location.js';

const violation = (over: Partial<Violation>): Violation => ({
  check: 'response-schema-conformance',
  severity: 'error',
  message: 'response 200 body: /0/genre must be string',
  pointer: '/0/genre',
  keyword: 'type',
  expected: 'string',
  actual: 7,
  fingerprint: 'schema|/items/properties/genre|type',
  ...over,
});

describe('groupByLocation', () => {
  it('makes one violation of the rules one value breaks, with every keyword and message', () => {
    const type = violation({});
    const enumeration = violation({
      message: 'response 200 body: /0/genre must be equal to one of the allowed values',
      keyword: 'enum',
      expected: ['cat', 'dog'],
      fingerprint: 'schema|/items/properties/genre|enum',
    });
    const other = violation({ pointer: '/1/genre', message: 'response 200 body: /1/genre must be string' });
    const [first, second, ...rest] = groupByLocation([type, enumeration, other]);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      pointer: '/0/genre',
      keyword: 'type, enum',
      message: 'response 200 body: /0/genre must be string; must be equal to one of the allowed values',
      fingerprint: 'schema|/items/properties/genre|enum & schema|/items/properties/genre|type',
    });
    expect(second).toBe(other);
  });

  it('leaves alone what is already one per place: other checks, the whole body, a lone violation', () => {
    const whole = [violation({ pointer: '' }), violation({ pointer: '', keyword: 'enum' })];
    expect(groupByLocation(whole)).toBe(whole);
    const checks = [violation({}), violation({ check: 'response-headers-conformance' })];
    expect(groupByLocation(checks)).toBe(checks);
    const one = [violation({})];
    expect(groupByLocation(one)).toBe(one);
  });
});
