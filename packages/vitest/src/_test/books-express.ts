import express from 'express';
import type { BooksBug } from './books-server.js';

const BOOKS = Array.from({ length: 23 }, (_, i) => ({ id: i + 1, title: `Book ${i + 1}` }));

/**
 * `books.yaml` as an Express 5 app, written the way Express apps are (a router, `req.query`,
 * `res.status().json()`), so library mode is tested against a framework's own request and response
 * objects, not only a bare listener. Same behaviour, and the same planted bugs, as `booksListener`.
 */
export function booksExpressApp(bug?: BooksBug): express.Express {
  const app = express();
  const api = express.Router();
  const shown = (book: { id: number; title: string }) =>
    bug === 'numeric-title' ? { ...book, title: book.id } : book;
  api.get('/books/', (req, res) => {
    const page = req.query.page === undefined ? 1 : Number(req.query.page);
    const size = req.query.page_size === undefined ? 10 : Number(req.query.page_size);
    if (!Number.isInteger(page) || page < 1 || !Number.isInteger(size) || size < 1 || size > 50) {
      res.status(400).json({ detail: 'Invalid page.' });
      return;
    }
    const pages = Math.max(1, Math.ceil(BOOKS.length / size));
    if (page > pages) {
      res.status(404).json({ detail: 'Invalid page.' });
      return;
    }
    const start = (page - 1) * size - (bug === 'overlapping-pages' && page > 1 ? 1 : 0);
    const link = (n: number) => {
      const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
      url.searchParams.set('page', String(n));
      return url.href;
    };
    res.json({
      count: BOOKS.length,
      next: page < pages ? link(page + 1) : null,
      previous: page > 1 ? link(page - 1) : null,
      results: BOOKS.slice(start, start + size).map(shown),
    });
  });
  api.get('/books/:id/', (req, res) => {
    const id = Number(req.params.id);
    if (!/^\d+$/.test(req.params.id) || id < 1) {
      res.status(400).json({ detail: 'id must be a positive integer' });
      return;
    }
    const book = BOOKS[id - 1];
    if (book === undefined) res.status(404).json({ detail: 'Not found.' });
    else res.json(shown(book));
  });
  app.set('strict routing', true);
  app.use('/api', api);
  app.use((_req, res) => {
    res.status(404).json({ detail: 'Not found.' });
  });
  return app;
}
