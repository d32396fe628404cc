import type { ApiModel } from '@assay/model';

const cache = new WeakMap<ApiModel, Map<string, Set<string>>>();

/** The methods the spec documents per path template, upper-case; computed once per api. */
export function documentedMethods(api: ApiModel): Map<string, Set<string>> {
  let byPath = cache.get(api);
  if (byPath !== undefined) return byPath;
  byPath = new Map();
  for (const operation of api.operations) {
    let methods = byPath.get(operation.path);
    if (methods === undefined) {
      methods = new Set();
      byPath.set(operation.path, methods);
    }
    methods.add(operation.method.toUpperCase());
  }
  cache.set(api, byPath);
  return byPath;
}
