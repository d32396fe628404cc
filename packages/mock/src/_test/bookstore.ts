import type { ApiModel, HttpMethod } from '@assay/model';
import { loadApi } from '@assay/spec';
import type { Mock } from '../mock/create-mock.js';

/** The repository's create/read/update/delete spec, spec/bookstore.yaml. */
export const BOOKSTORE_SPEC = new URL('../../../../spec/bookstore.yaml', import.meta.url).pathname;

/** The bookstore spec loaded. */
export function bookstoreApi(): Promise<ApiModel> {
  return loadApi(BOOKSTORE_SPEC);
}

/** A book's fields as the tests send them. */
export type Book = Record<string, unknown>;

/** One call to the bookstore mock: status, headers and the parsed JSON body. */
export function call(
  mock: Mock,
  method: HttpMethod,
  path: string,
  body?: unknown,
  query = '',
): { status: number; headers: Record<string, string>; body: Book | undefined } {
  const response = mock.handle({
    method,
    path: `/api${path}`,
    query,
    headers:
      body === undefined ? { host: 'localhost' } : { host: 'localhost', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    operationId: '',
    mode: 'positive',
  });
  return {
    status: response.status,
    headers: response.headers,
    body: response.body === '' ? undefined : (JSON.parse(response.body) as Book),
  };
}

/** Creates a book and returns what the create answered. */
export function createBook(
  mock: Mock,
  book: Book = { title: 'Dune', author: 'Herbert', in_print: true, pages: 412 },
) {
  return call(mock, 'POST', '/books/', book);
}

/** Every book id in the list, walking its pages, and the total it reports. */
export function listedBooks(mock: Mock): { ids: unknown[]; count: number } {
  const ids: unknown[] = [];
  let count = -1;
  for (let page = 1; page < 50; page++) {
    const answer = call(mock, 'GET', '/books/', undefined, `page=${page}&page_size=17`);
    if (answer.status !== 200) break;
    const body = answer.body as { count: number; next: string | null; results: Book[] };
    if (count === -1) count = body.count;
    ids.push(...body.results.map((b) => b.id));
    if (body.next === null) break;
  }
  return { ids, count };
}
