import type { IncomingMessage, ServerResponse } from 'node:http';

/** The faults a books listener can be given, one at a time, for tests that must catch them. */
export type BooksBug =
  /** Every page after the first starts one item early, so consecutive pages overlap. */
  | 'overlapping-pages'
  /** A book's title is sent as a number, against the schema. */
  | 'numeric-title';

const BOOKS = Array.from({ length: 23 }, (_, i) => ({ id: i + 1, title: `Book ${i + 1}` }));

/**
 * A plain `node:http` listener serving `books.yaml` as Django REST Framework's PageNumberPagination
 * documents it: `page` (1-based) and `page_size` (default 10, at most 50), absolute next/previous
 * links, 404 past the last page, 400 for a bad number. With a `bug`, exactly that one thing is wrong.
 */
export function booksListener(bug?: BooksBug): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const item = /^\/api\/books\/([^/]+)\/$/.exec(url.pathname);
    if (req.method === 'GET' && item !== null) {
      const id = Number(item[1]);
      if (!Number.isInteger(id) || id < 1) return send(400, { detail: 'id must be a positive integer' });
      const book = BOOKS[id - 1];
      return book === undefined ? send(404, { detail: 'Not found.' }) : send(200, shown(book, bug));
    }
    if (req.method !== 'GET' || url.pathname !== '/api/books/') return send(404, { detail: 'Not found.' });
    const page = integer(url.searchParams.get('page'), 1);
    const size = integer(url.searchParams.get('page_size'), 10);
    if (page === undefined || page < 1 || size === undefined || size < 1 || size > 50) {
      return send(400, { detail: 'Invalid page.' });
    }
    const pages = Math.max(1, Math.ceil(BOOKS.length / size));
    if (page > pages) return send(404, { detail: 'Invalid page.' });
    let start = (page - 1) * size;
    if (bug === 'overlapping-pages' && page > 1) start -= 1;
    const link = (n: number): string => {
      const next = new URL(url);
      next.searchParams.set('page', String(n));
      return next.href;
    };
    send(200, {
      count: BOOKS.length,
      next: page < pages ? link(page + 1) : null,
      previous: page > 1 ? link(page - 1) : null,
      results: BOOKS.slice(start, start + size).map((book) => shown(book, bug)),
    });
  };
}

function shown(book: { id: number; title: string }, bug: BooksBug | undefined): unknown {
  return bug === 'numeric-title' ? { ...book, title: book.id } : book;
}

function integer(text: string | null, fallback: number): number | undefined {
  if (text === null) return fallback;
  return /^\d+$/.test(text) ? Number(text) : undefined;
}
