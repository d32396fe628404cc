import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';
import { type DescribeApiOptions, describeApi } from '../../index.js';
import { booksExpressApp } from '../books-express.js';
import { type BooksBug, booksListener } from '../books-server.js';

// Run by describe-api.test.ts in a vitest of its own: BOOKS_APP picks the app (a bare node:http
// listener, or the same API as an Express app), BOOKS_BUG plants one fault in it. BOOKS_CONFIG
// gives the suite a config (`file`: books.config.yaml, `object`: the same as a value). BOOKS_KEY
// serves books-secured.yaml from a node:http server on 127.0.0.1 that wants that API key (unless
// BOOKS_BUG is `ignores-auth`), BOOKS_AUTH is the key the suite is given, and BOOKS_SEEN a file
// the server writes each request's key to (`-` for none).
const bug = process.env.BOOKS_BUG === undefined ? undefined : (process.env.BOOKS_BUG as BooksBug);
const listener = process.env.BOOKS_APP === 'express' ? booksExpressApp(bug) : booksListener(bug);
const here = (name: string) => new URL(`../${name}`, import.meta.url).pathname;

const config: Pick<DescribeApiOptions, 'config'> =
  process.env.BOOKS_CONFIG === 'file'
    ? { config: here('books.config.yaml') }
    : process.env.BOOKS_CONFIG === 'object'
      ? {
          config: {
            excludeChecks: ['response-schema-conformance'],
            operations: { getBook: { skip: 'covered by the item suite' } },
          },
        }
      : {};

const key = process.env.BOOKS_KEY;
if (key === undefined) {
  describeApi(here('books.yaml'), { handler: listener, maxExamples: 10, ...config });
} else {
  const seen = process.env.BOOKS_SEEN;
  const server = createServer((req, res) => {
    if (seen !== undefined) appendFileSync(seen, `${req.headers['x-api-key'] ?? '-'}\n`);
    if (req.headers['x-api-key'] !== key && process.env.BOOKS_BUG !== 'ignores-auth') {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"detail":"no or wrong API key"}');
      return;
    }
    listener(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  const auth = process.env.BOOKS_AUTH;
  describeApi(here('books-secured.yaml'), {
    baseUrl: `http://127.0.0.1:${port}/api`,
    maxExamples: 10,
    ...(auth === undefined ? {} : { auth: { apiKey: auth } }),
  });
}
