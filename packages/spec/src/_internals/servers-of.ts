import type { SpecFormat } from '@assay/model';

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The server URLs of a document, variables replaced by their defaults (OAS 3.1 §4.8.5). With none
 * declared, OpenAPI 3 means `/`; Swagger 2.0 builds them from `schemes`, `host` and `basePath`.
 */
export function serversOf(root: Obj, format: SpecFormat): string[] {
  if (format === 'swagger-2.0') {
    const basePath = typeof root.basePath === 'string' ? root.basePath : '';
    if (typeof root.host !== 'string') return [basePath === '' ? '/' : basePath];
    const schemes = Array.isArray(root.schemes) && root.schemes.length > 0 ? root.schemes : ['https'];
    return schemes
      .filter((s): s is string => typeof s === 'string')
      .map((s) => `${s}://${root.host}${basePath}`);
  }
  if (!Array.isArray(root.servers) || root.servers.length === 0) return ['/'];
  const out: string[] = [];
  for (const server of root.servers) {
    if (!isObj(server) || typeof server.url !== 'string') continue;
    const variables = isObj(server.variables) ? server.variables : {};
    out.push(
      server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
        const variable = variables[name];
        return isObj(variable) && variable.default !== undefined ? String(variable.default) : whole;
      }),
    );
  }
  return out;
}
