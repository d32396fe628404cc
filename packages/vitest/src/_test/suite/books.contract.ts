import { describeApi } from '../../index.js';
import { booksExpressApp } from '../books-express.js';
import { type BooksBug, booksListener } from '../books-server.js';

// Run by describe-api.test.ts in a vitest of its own: BOOKS_APP picks the app (a bare node:http
// listener, or the same API as an Express app), BOOKS_BUG plants one fault in it.
const bug = process.env.BOOKS_BUG === undefined ? undefined : (process.env.BOOKS_BUG as BooksBug);
const handler = process.env.BOOKS_APP === 'express' ? booksExpressApp(bug) : booksListener(bug);

describeApi(new URL('../books.yaml', import.meta.url).pathname, { handler, maxExamples: 10 });
