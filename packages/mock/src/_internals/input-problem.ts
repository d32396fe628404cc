/** Why a request is invalid: which input, and what is wrong with it. */
export interface InputProblem {
  location: 'path' | 'query' | 'querystring' | 'header' | 'cookie' | 'body';
  /** The parameter name, or `body`. */
  name: string;
  message: string;
}
