import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { handlerDispatcher } from './handler-dispatcher.js';

describe('handlerDispatcher', () => {
  it('hands method, path, query, headers and body to the listener, and its answer back', async () => {
    const dispatcher = handlerDispatcher((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        res.setHeader('set-cookie', ['a=1', 'b=2']);
        res.writeHead(201, { 'content-type': 'application/json', 'x-seen': `${req.method} ${req.url}` });
        res.end(JSON.stringify({ tenant: req.headers['x-tenant'], body: Buffer.concat(chunks).toString() }));
      });
    });
    const response = await request('http://localhost/api/things?q=a%20b', {
      dispatcher,
      method: 'POST',
      headers: { 'x-tenant': 'acme', 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['x-seen']).toBe('POST /api/things?q=a%20b');
    // Repeated headers arrive joined, as the model's HttpResponse asks (RFC 9110 §5.3).
    expect(response.headers['set-cookie']).toBe('a=1, b=2');
    expect(await response.body.json()).toEqual({ tenant: 'acme', body: 'hello' });
  });

  it('reports a listener that throws as a failed request, not a hang', async () => {
    const dispatcher = handlerDispatcher(() => {
      throw new Error('boom');
    });
    await expect(request('http://localhost/', { dispatcher })).rejects.toThrow();
  });
});
