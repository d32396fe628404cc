import type { PageProblem } from './page-problem.js';
import type { PageView } from './page-view.js';

/** The rules a `Content-Range` header (RFC 9110 §14.4) breaks: malformed, ranges that disagree with the page or its total. */
export function contentRangeProblems(page: PageView, n: number): PageProblem[] {
  const out: PageProblem[] = [];
  const header = page.exchange.response.headers['content-range'];
  if (header === undefined) return out;
  const range = page.contentRange;
  if (range === undefined) {
    return [
      {
        keyword: 'content-range',
        pointer: '',
        expected: 'first-last/total or */total',
        actual: header,
        message: `Content-Range ${header} is malformed`,
      },
    ];
  }
  if (n === 0) {
    if (range.start !== undefined) {
      out.push({
        keyword: 'content-range',
        pointer: '',
        expected: `*/${range.total ?? '*'}`,
        actual: header,
        message: `an empty page claims items ${range.start}-${range.end}`,
      });
    }
    return out;
  }
  if (range.start === undefined || range.end === undefined) {
    out.push({
      keyword: 'content-range',
      pointer: '',
      expected: `a range of ${n} items`,
      actual: header,
      message: `the page holds ${n} items but Content-Range claims none`,
    });
    return out;
  }
  if (page.requestedOffset !== undefined && range.start !== page.requestedOffset) {
    out.push({
      keyword: 'range-start',
      pointer: '',
      expected: page.requestedOffset,
      actual: range.start,
      message: `items from ${page.requestedOffset} were asked for but Content-Range starts at ${range.start}`,
    });
  }
  if (range.end - range.start + 1 !== n) {
    out.push({
      keyword: 'range-end',
      pointer: '',
      expected: range.start + n - 1,
      actual: range.end,
      message: `Content-Range ${header} spans ${range.end - range.start + 1} items but the page holds ${n}`,
    });
  }
  if (range.total !== undefined && range.end >= range.total) {
    out.push({
      keyword: 'count',
      pointer: '',
      expected: `> ${range.end}`,
      actual: range.total,
      message: `Content-Range ${header} ends past its total`,
    });
  }
  return out;
}
