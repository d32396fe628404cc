import { describeApi } from '../../index.js';
import { type BooksBug, booksListener } from '../books-server.js';

// Run by describe-api.test.ts in a vitest of its own; BOOKS_BUG plants one fault in the server.
const bug = process.env.BOOKS_BUG === undefined ? undefined : (process.env.BOOKS_BUG as BooksBug);

describeApi(new URL('../books.yaml', import.meta.url).pathname, {
  handler: booksListener(bug),
  maxExamples: 10,
});
