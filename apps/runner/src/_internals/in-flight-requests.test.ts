import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { inFlightRequests, type StopReason } from './in-flight-requests.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('inFlightRequests', () => {
  it('stops each request past its timeout, and none that ended before it', async () => {
    const inFlight = inFlightRequests(30);
    const stopped: string[] = [];
    const early = inFlight.watch(() => stopped.push('early'));
    await sleep(10);
    inFlight.watch((why) => stopped.push(`late:${why}`));
    early.end();
    await sleep(25);
    // The first deadline passed with nothing to stop; the second request is not due yet.
    expect(stopped).toEqual([]);
    await sleep(30);
    expect(stopped).toEqual(['late:timeout']);
    expect(inFlight.size).toBe(0);
  });

  it('stops the requests of an aborted signal only, with one listener per signal', () => {
    const inFlight = inFlightRequests(60_000);
    const run = new AbortController();
    const one = new AbortController();
    const other = new AbortController();
    const why: Record<string, StopReason[]> = { one: [], other: [] };
    const watched = [
      ...Array.from({ length: 100 }, () => inFlight.watch((w) => why.one!.push(w), run.signal, one.signal)),
      inFlight.watch((w) => why.other!.push(w), run.signal, other.signal),
    ];
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(1);
    expect(getEventListeners(one.signal, 'abort')).toHaveLength(1);
    one.abort();
    expect(why.one).toHaveLength(100);
    expect(why.one!.every((w) => w === 'cancel')).toBe(true);
    expect(why.other).toEqual([]);
    expect(inFlight.size).toBe(1);
    for (const each of watched) each.end();
    expect(inFlight.size).toBe(0);
    run.abort();
    expect(why.other).toEqual([]);
  });

  it('stops a request at once when its signal is already aborted, and holds no timer when idle', () => {
    const inFlight = inFlightRequests(60_000);
    const gone = new AbortController();
    gone.abort();
    const stops: StopReason[] = [];
    inFlight.watch((w) => stops.push(w), undefined, gone.signal);
    expect(stops).toEqual(['cancel']);
    expect(inFlight.size).toBe(0);
    const watched = inFlight.watch(() => stops.push('timeout'));
    watched.end();
    watched.end();
    expect(inFlight.size).toBe(0);
  });
});
