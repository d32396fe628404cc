/** Why a negative-mode request is invalid: exactly one thing, named. */
export interface NegativeReason {
  /** Where the invalid value is: `query`, `querystring`, `path`, `header`, `cookie` or `body`. */
  location: 'path' | 'query' | 'querystring' | 'header' | 'cookie' | 'body';
  /** The parameter name, or the JSON pointer inside the body (`/name`). */
  name: string;
  /** The schema keyword the value breaks: `type`, `minimum`, `format`, `pattern`, `required`, `enum` … */
  keyword: string;
  /** The invalid value, or `undefined` when a required value is missing. */
  value: unknown;
  /** One line for people, e.g. `query parameter page: -1 is below minimum 1`. */
  message: string;
}
