import type { ApiModel } from '@assay/model';

interface Template {
  pattern: RegExp;
  method: string;
}

const cache = new WeakMap<ApiModel, Template[]>();

/**
 * The methods the spec documents for a concrete request path (`/users/export/`), upper-case: those
 * of every path template it matches, not only its own, since `/users/{id}/` documents GET for
 * `/users/export/` too (a server routing by template answers it). Templates compiled once per api.
 */
export function documentedMethods(api: ApiModel, path: string): Set<string> {
  let templates = cache.get(api);
  if (templates === undefined) {
    templates = api.operations.map((operation) => ({
      pattern: new RegExp(
        `^${operation.path
          .split(/\{[^}]*\}/)
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('[^/]+')}$`,
      ),
      method: operation.method.toUpperCase(),
    }));
    cache.set(api, templates);
  }
  const methods = new Set<string>();
  for (const template of templates) if (template.pattern.test(path)) methods.add(template.method);
  return methods;
}
