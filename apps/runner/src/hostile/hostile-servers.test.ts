import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type HostileHandler,
  type HostileOutcome,
  type HostileTarget,
  runAgainst,
  startHostileTarget,
  stream,
} from './_test/hostile-target.js';

// One test per misbehaviour. Each asserts the four promises of a run against a hostile server:
// it ends within its budget, the misbehaviour is a finding that says what happened, memory stays
// bounded (body reads are capped), and the well-behaved operation is still fully tested.

let target: HostileTarget | undefined;
afterEach(async () => {
  await target?.close();
  target = undefined;
});

const against = async (handler: HostileHandler, overrides = {}): Promise<HostileOutcome> => {
  target = await startHostileTarget(handler);
  return runAgainst(target, overrides);
};

/** The run finished in time, said `message` about the victim under `check`, and tested `fine` cleanly. */
function expectContained(outcome: HostileOutcome, check: string, message: RegExp, withinMs = 10_000): void {
  expect(outcome.elapsedMs).toBeLessThan(withinMs);
  const found = outcome.failuresOf('victim').filter((f) => f.violation.check === check);
  expect(found.map((f) => f.violation.message)).toEqual([expect.stringMatching(message)]);
  expect(outcome.fine.requests).toBeGreaterThan(5);
  expect(outcome.failuresOf('fine')).toEqual([]);
  expect(outcome.fine.skipped).toBeUndefined();
  expect(outcome.result.incomplete).toBe(false);
}

const json = { 'content-type': 'application/json' };
const raw =
  (text: string): HostileHandler =>
  (req) =>
    req.socket.end(text);

describe('a run against a hostile server', () => {
  it('a server that never answers: response-timeout, the operation given up after 5 in a row', async () => {
    const outcome = await against(() => {});
    expectContained(outcome, 'response-timeout', /^no response within 1000 ms/);
    expect(outcome.victim.skipped).toMatch(/^given up after 5 transport failures in a row/);
    expect(target!.victimHits).toBeLessThanOrEqual(6);
  });

  it('headers, then a stalled body: response-timeout on the body', async () => {
    const outcome = await against((_req, res) => {
      res.writeHead(200, json);
      res.write('{"id":');
    });
    expectContained(outcome, 'response-timeout', /^the response body did not complete within 1000 ms/);
  });

  it('a body dripped a byte at a time: the timeout covers the whole body, not each byte', async () => {
    const outcome = await against((_req, res) => {
      res.writeHead(200, json);
      const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write(' ')), 20);
    });
    expectContained(outcome, 'response-timeout', /^the response body did not complete within 1000 ms/);
  });

  it('a connection reset before any answer: transport-error', async () => {
    const outcome = await against((req) => req.socket.destroy());
    expectContained(outcome, 'transport-error', /^no usable response: the server closed the connection/);
    expect(outcome.victim.skipped).toMatch(/^given up/);
  });

  it('a connection closed mid-body: transport-error on the body', async () => {
    const outcome = await against((_req, res) => {
      res.writeHead(200, { ...json, 'content-length': '100' });
      res.write('{"id":');
      setTimeout(() => res.socket?.destroy(), 5);
    });
    expectContained(
      outcome,
      'transport-error',
      /^the response body could not be read: the server closed the connection/,
    );
  });

  it('invalid JSON under a JSON content type: content-type-conformance, with the body kept', async () => {
    const outcome = await against((_req, res) => res.writeHead(200, json).end('{"id": 1,,}'));
    expectContained(outcome, 'content-type-conformance', /says application\/json but its body is not JSON/);
    expect(outcome.failuresOf('victim')[0]!.response?.body).toBe('{"id": 1,,}');
  });

  it('a near miss against a catastrophic pattern: response-schema-conformance at once, no hang', async () => {
    // 40 a's and a '!' against ^(a+)+$ take a backtracking engine about 2^40 steps.
    const body = JSON.stringify({ id: 1, name: `${'a'.repeat(40)}!` });
    const outcome = await against((_req, res) => res.writeHead(200, json).end(body));
    expectContained(outcome, 'response-schema-conformance', /must match pattern/);
  });

  it('a 200 MB body: read up to the cap, then the connection is dropped', async () => {
    const size = 200 * 1024 * 1024;
    const outcome = await against((_req, res, t) => {
      res.writeHead(200, { ...json, 'content-length': String(size) });
      stream(res, t, Buffer.alloc(64 * 1024, 32), size);
    });
    expectContained(outcome, 'transport-error', /longer than the read cap of 65536 bytes \(--max-body\)/);
    const [finding] = outcome.failuresOf('victim');
    expect(finding!.violation.severity).toBe('warning');
    expect(finding!.response).toMatchObject({ truncated: true });
    expect(finding!.response!.body.length).toBe(65536);
    // Socket buffers aside, the server could not push the bodies: the client stopped reading.
    // Unread, every request would have taken the whole 200 MB.
    expect(target!.bytesSent).toBeLessThan(size);
    expect(target!.victimHits).toBeGreaterThan(2);
  });

  it('an endless chunked body: cut at the cap, so the run ends', async () => {
    const outcome = await against((_req, res, t) => {
      res.writeHead(200, json);
      stream(res, t, Buffer.alloc(16 * 1024, 32));
    });
    expectContained(outcome, 'transport-error', /longer than the read cap of 65536 bytes/);
    expect(target!.bytesSent).toBeLessThan(200 * 1024 * 1024);
  });

  describe('compressed', () => {
    let bomb: Buffer;
    beforeAll(() => {
      bomb = gzipSync(Buffer.alloc(100 * 1024 * 1024, 32));
    });
    it('a gzip bomb (100 KB inflating to 100 MB): inflated under the same cap', async () => {
      expect(bomb.length).toBeLessThan(200 * 1024);
      const outcome = await against((_req, res) =>
        res.writeHead(200, { ...json, 'content-encoding': 'gzip' }).end(bomb),
      );
      expectContained(outcome, 'transport-error', /longer than the read cap of 65536 bytes/);
      expect(outcome.failuresOf('victim')[0]!.response!.body.length).toBe(65536);
    });
  });

  it('the body cap is configurable', async () => {
    const outcome = await against(
      (_req, res) => res.writeHead(200, json).end(`{"id":1,"pad":"${'x'.repeat(100_000)}"}`),
      { maxBodyBytes: 1000 },
    );
    expectContained(outcome, 'transport-error', /longer than the read cap of 1000 bytes/);
    expect(outcome.failuresOf('victim')[0]!.response!.body.length).toBe(1000);
  });

  it('duplicate Content-Type headers: joined as RFC 9110 says, and the body is judged by them', async () => {
    const outcome = await against(
      raw(
        'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Type: application/json\r\nContent-Length: 8\r\n\r\n{"id":1}',
      ),
    );
    expectContained(outcome, 'content-type-conformance', /text\/html, application\/json/);
  });

  it('two different Content-Length headers: transport-error', async () => {
    const outcome = await against(
      raw(
        'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 8\r\nContent-Length: 9\r\n\r\n{"id":1}',
      ),
    );
    expectContained(outcome, 'transport-error', /Content-Length/);
  });

  it('garbled header lines: transport-error saying the response is not HTTP', async () => {
    const outcome = await against(raw('HTTP/1.1 200 OK\r\nthis is not a header\r\n\r\n{"id":1}'));
    expectContained(outcome, 'transport-error', /^no usable response: the response is not valid HTTP\/1\.1/);
  });

  it('header lines without end: refused past 16 KiB, never buffered whole', async () => {
    const outcome = await against((req) => {
      req.socket.write('HTTP/1.1 200 OK\r\n');
      const flood = setInterval(() => {
        if (req.socket.destroyed) clearInterval(flood);
        else req.socket.write(`X-Flood: ${'y'.repeat(1000)}\r\n`);
      }, 1);
    });
    expectContained(
      outcome,
      'transport-error',
      /^no usable response: the response headers are larger than 16 KiB/,
    );
  });

  it('interim 1xx responses without end: the request still times out', async () => {
    const outcome = await against((req) => {
      const interim = setInterval(() => {
        if (req.socket.destroyed) clearInterval(interim);
        else req.socket.write('HTTP/1.1 102 Processing\r\n\r\n');
      }, 10);
    });
    expectContained(outcome, 'response-timeout', /^no response within 1000 ms/);
  });

  it('a Content-Length longer than the body: transport-error when the connection closes', async () => {
    const outcome = await against(
      raw('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"id":1}'),
    );
    expectContained(outcome, 'transport-error', /^the response body could not be read/);
  });

  it('a Content-Length shorter than the body: the declared bytes are the body, judged as such', async () => {
    const outcome = await against((req) =>
      req.socket.write(
        'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4\r\n\r\n{"id":1}',
      ),
    );
    expectContained(outcome, 'content-type-conformance', /body is not JSON/);
    expect(outcome.failuresOf('victim')[0]!.response!.body).toBe('{"id');
  });

  it('a storm of 429 without Retry-After: retried with back-off, then a rate-limit finding', async () => {
    const outcome = await against((_req, res) => res.writeHead(429).end());
    expectContained(
      outcome,
      'transport-error',
      /^the server rate limited the request \(429 on 3 attempts, backing off between them\): it could not be tested; lower --rate/,
    );
    expect(outcome.victim.skipped).toMatch(/^given up/);
  });

  it('a storm of 429 with Retry-After: waited for as asked, a bounded number of times', async () => {
    const outcome = await against((_req, res) => res.writeHead(429, { 'retry-after': '1' }).end());
    expectContained(outcome, 'transport-error', /\(429 on 3 attempts, Retry-After 1 s honoured\)/, 15_000);
    // 5 requests given up, 3 attempts each: no more.
    expect(target!.victimHits).toBeLessThanOrEqual(5 * 3 + 2 * 3);
  });

  it('a 429 asking for an hour: not waited for, reported at once', async () => {
    const outcome = await against((_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end());
    expectContained(
      outcome,
      'transport-error',
      /Retry-After 3600 s is longer than the 10 s Assay waits/,
      5000,
    );
  });

  it('a storm of 503 without Retry-After: a server error, reported by not-a-server-error', async () => {
    const outcome = await against((_req, res) => res.writeHead(503).end());
    expectContained(outcome, 'not-a-server-error', /^GET \/victim answered 503/);
  });

  it('a storm of 503 with Retry-After: waited for, then an unavailability finding', async () => {
    const outcome = await against((_req, res) => res.writeHead(503, { 'retry-after': '1' }).end());
    expectContained(
      outcome,
      'transport-error',
      /^the server said it is unavailable \(503 on 3 attempts, Retry-After 1 s honoured\)/,
      15_000,
    );
  });

  it('a redirect to another origin is not followed: the Authorization header never reaches it', async () => {
    const elsewhere: string[] = [];
    const other = createServer((req, res) => {
      elsewhere.push(req.headers.authorization ?? '(none)');
      res.writeHead(200, json).end('{"id":1}');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as AddressInfo).port;
    try {
      const outcome = await against((_req, res) =>
        res.writeHead(302, { location: `http://127.0.0.1:${port}/steal` }).end(),
      );
      expectContained(outcome, 'status-code-conformance', /answered 302, which is not documented/);
      expect(elsewhere).toEqual([]);
      expect(outcome.failuresOf('victim')[0]!.response!.headers.location).toContain('/steal');
    } finally {
      other.closeAllConnections();
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('a redirect loop costs one request per request sent', async () => {
    const outcome = await against((_req, res) => res.writeHead(302, { location: '/victim' }).end());
    expectContained(outcome, 'status-code-conformance', /answered 302/);
    expect(target!.victimHits).toBe(outcome.victim.requests);
  });

  it('the time budget ends a run stuck on a server that never answers, and says so', async () => {
    const outcome = await against(() => {}, { timeoutMs: 60_000, timeBudgetS: 1 });
    expect(outcome.elapsedMs).toBeLessThan(3000);
    expect(outcome.result.incomplete).toBe(true);
    expect(outcome.result.incompleteReason).toBe('time budget of 1 s exhausted');
    expect(outcome.fine.skipped).toMatch(/not reached/);
  });
});
