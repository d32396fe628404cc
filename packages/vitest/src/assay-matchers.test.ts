import { fetch } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BooksBug, booksListener } from './_test/books-server.js';
import { assayMatchers } from './assay-matchers.js';
import { handlerDispatcher } from './handler-dispatcher.js';
import { type Contract, loadContract } from './load-contract.js';

expect.extend(assayMatchers);
const SPEC = new URL('./_test/books.yaml', import.meta.url).pathname;

let contract: Contract;
beforeAll(async () => {
  contract = await loadContract(SPEC);
});

/** Follows `next` from the first page, as a hand-written test would. */
async function walk(bug?: BooksBug, pageSize = 5) {
  const dispatcher = handlerDispatcher(booksListener(bug));
  const pages = [];
  let url: string | null = `http://localhost/api/books/?page_size=${pageSize}`;
  while (url !== null && pages.length < 20) {
    const response = await fetch(url, { dispatcher });
    const body = (await response.clone().json()) as { next: string | null };
    pages.push(response);
    url = body.next;
  }
  return pages;
}

describe('toMatchOperation', () => {
  it('passes a documented response and fails one that breaks the schema, naming the check', async () => {
    const good = await fetch('http://localhost/api/books/3/', {
      dispatcher: handlerDispatcher(booksListener()),
    });
    await expect(good).toMatchOperation(contract.operation('getBook'));
    const bad = await fetch('http://localhost/api/books/3/', {
      dispatcher: handlerDispatcher(booksListener('numeric-title')),
    });
    await expect(expect(bad).toMatchOperation(contract.operation('getBook'))).rejects.toThrow(
      /response-schema-conformance.*\/title/,
    );
  });

  it('takes plain objects and fails an undocumented status', async () => {
    const op = contract.operation('GET /books/{id}/');
    await expect({ status: 200, body: { id: 1, title: 'A' } }).toMatchOperation(op);
    await expect(expect({ status: 418, body: {} }).toMatchOperation(op)).rejects.toThrow(
      /status-code-conformance/,
    );
  });
});

describe('toHaveConsistentPagination', () => {
  it('passes a correct walk and catches overlapping pages', async () => {
    const list = contract.operation('listBooks');
    const pages = await walk();
    expect(pages).toHaveLength(5);
    await expect(pages).toHaveConsistentPagination(list);
    await expect(expect(await walk('overlapping-pages')).toHaveConsistentPagination(list)).rejects.toThrow(
      /pagination-no-duplicates/,
    );
  });

  it('refuses to judge an operation that is not a paginated list', async () => {
    await expect(expect([]).toHaveConsistentPagination(contract.operation('getBook'))).rejects.toThrow(
      /not a paginated list/,
    );
  });
});
