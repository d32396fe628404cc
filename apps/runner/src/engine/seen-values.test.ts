import type { HttpResponse, Operation } from '@assay/model';
import { describe, expect, it } from 'vitest';
import { collectSeenValues, type SeenPool, seenQuietLimit, snapshot } from './seen-values.js';

const list = {
  id: 'list',
  method: 'GET',
  path: '/items',
  pointer: '',
  tags: [],
  deprecated: false,
  parameters: [],
  responses: {},
  security: [],
  extensions: {},
  list: { itemsPath: ['results'], itemSchema: {}, filters: [] },
} as Operation;

const json = (body: unknown, status = 200): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
  truncated: false,
  durationMs: 1,
});

describe('collectSeenValues', () => {
  it('collects scalar item properties by name, once each, in order', () => {
    const pool: SeenPool = new Map();
    collectSeenValues(
      json({
        results: [
          { name: 'a', n: 1, nested: { x: 1 } },
          { name: 'b', n: 1 },
        ],
      }),
      list,
      pool,
    );
    collectSeenValues(json({ results: [{ name: 'a', flag: false }] }), list, pool);
    expect(snapshot(pool)).toEqual({ name: ['a', 'b'], n: [1], flag: [false] });
  });

  it('keeps out what could not be sent back: lone surrogates, error answers, cut bodies', () => {
    const pool: SeenPool = new Map();
    collectSeenValues(json({ results: [{ name: 'ok\uD800', other: '\uD83D\uDE00' }] }), list, pool);
    collectSeenValues(json({ results: [{ name: 'from-error' }] }, 404), list, pool);
    collectSeenValues({ ...json({ results: [{ name: 'cut' }] }), truncated: true }, list, pool);
    expect(snapshot(pool)).toEqual({ other: ['\uD83D\uDE00'] });
  });

  it('is bounded per property name', () => {
    const pool: SeenPool = new Map();
    const results = Array.from({ length: 100 }, (_, i) => ({ id: i }));
    collectSeenValues(json({ results }), list, pool);
    expect(pool.get('id')).toHaveLength(32);
  });

  it('stops reading responses once a run of them added nothing, and not before', () => {
    const pool: SeenPool = new Map();
    const same = json({ results: [{ name: 'a' }] });
    collectSeenValues(same, list, pool);
    for (let i = 0; i < seenQuietLimit - 1; i++) collectSeenValues(same, list, pool);
    // One short of the limit: a new value still gets in, and restarts the count.
    collectSeenValues(json({ results: [{ name: 'b' }] }), list, pool);
    for (let i = 0; i < seenQuietLimit; i++) collectSeenValues(same, list, pool);
    collectSeenValues(json({ results: [{ name: 'c', other: 1 }] }), list, pool);
    expect(snapshot(pool)).toEqual({ name: ['a', 'b'] });
  });

  it('counts only responses it could read: error answers do not close the pool', () => {
    const pool: SeenPool = new Map();
    for (let i = 0; i < seenQuietLimit * 2; i++) collectSeenValues(json({ detail: 'x' }, 400), list, pool);
    collectSeenValues(json({ results: [{ name: 'late' }] }), list, pool);
    expect(snapshot(pool)).toEqual({ name: ['late'] });
  });
});
