import { type ApiModel, type HttpMethod, type Operation, serverBasePath } from '@assay/model';

/** An operation found for a request, with its raw (still percent-encoded) path parameters. */
export interface RouteMatch {
  operation: Operation;
  pathParams: Record<string, string>;
}

/** Finds the operation a request path is for. */
export interface RouteTable {
  /** The match, `405` when the path exists for other methods only, `404` when it does not exist. */
  match(method: HttpMethod, path: string): RouteMatch | 404 | 405;
}

interface Route {
  operation: Operation;
  pattern: RegExp;
  names: string[];
  /** The `/` in the template: a path matches only with as many (a parameter never spans one). */
  slashes: number;
  /** The template's first segment when it is literal: a path matches only if it starts with it. */
  first?: string;
}

/**
 * Compiles the operations' path templates. A request path may carry the server's base path
 * (`/api/v3/stages/…`, when the runner's base URL is the bare origin) or not (when it includes it);
 * both are accepted. Literal routes win over templated ones (`/users/me` before `/users/{id}`).
 */
export function routeTable(api: ApiModel): RouteTable {
  const routes: Route[] = api.operations
    .map((operation) => compile(operation))
    .sort((a, b) => a.names.length - b.names.length || b.operation.path.length - a.operation.path.length);
  const bases = [...new Set(api.servers.map(serverBasePath).filter((b) => b !== ''))].sort(
    (a, b) => b.length - a.length,
  );

  // Trying every route's pattern on every request was 6% of a whole authentik run (1,130
  // operations): the routes a path could match are those with as many slashes and the same first
  // segment (or a templated one), listed once per such shape, in the order above.
  const shapes = new Map<string, Route[]>();
  const candidatesFor = (path: string): Route[] => {
    let slashes = 0;
    for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 47) slashes += 1;
    const end = path.indexOf('/', 1);
    const first = path.slice(1, end === -1 ? path.length : end);
    const shape = `${slashes}/${first}`;
    let found = shapes.get(shape);
    if (found === undefined) {
      found = routes.filter((r) => r.slashes === slashes && (r.first === undefined || r.first === first));
      if (shapes.size < 10_000) shapes.set(shape, found);
    }
    return found;
  };

  const find = (method: HttpMethod, path: string): RouteMatch | 404 | 405 => {
    let pathExists = false;
    for (const route of candidatesFor(path)) {
      const m = route.pattern.exec(path);
      if (m === null) continue;
      if (route.operation.method !== method) {
        pathExists = true;
        continue;
      }
      const pathParams: Record<string, string> = {};
      route.names.forEach((name, i) => {
        pathParams[name] = m[i + 1] ?? '';
      });
      return { operation: route.operation, pathParams };
    }
    return pathExists ? 405 : 404;
  };

  return {
    match(method, path) {
      const candidates = [path];
      for (const base of bases) {
        if (path === base || path.startsWith(`${base}/`)) candidates.unshift(path.slice(base.length) || '/');
      }
      let best: RouteMatch | 404 | 405 = 404;
      for (const candidate of candidates) {
        const found = find(method, candidate);
        if (typeof found === 'object') return found;
        if (found === 405) best = 405;
      }
      return best;
    },
  };
}

function compile(operation: Operation): Route {
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const m of operation.path.matchAll(/\{([^}]+)\}/g)) {
    source += escapeRegExp(operation.path.slice(last, m.index));
    names.push(m[1] ?? '');
    source += '([^/]+)';
    last = m.index + m[0].length;
  }
  source += escapeRegExp(operation.path.slice(last));
  const slashes = operation.path.split('/').length - 1;
  const end = operation.path.indexOf('/', 1);
  const first = operation.path.slice(1, end === -1 ? operation.path.length : end);
  return {
    operation,
    names,
    pattern: new RegExp(`^${source}$`),
    slashes,
    ...(first.includes('{') || !operation.path.startsWith('/') ? {} : { first }),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
