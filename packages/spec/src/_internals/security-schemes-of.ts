import type { SecurityScheme, SpecFormat } from '@assay/model';

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The security schemes of a document by name: 3.x `components.securitySchemes` or 2.0 `securityDefinitions`. */
export function securitySchemesOf(
  root: Obj,
  format: SpecFormat,
  deref: (value: unknown, pointer: string) => unknown,
): Record<string, SecurityScheme> {
  const raw =
    format === 'swagger-2.0'
      ? root.securityDefinitions
      : isObj(root.components)
        ? root.components.securitySchemes
        : undefined;
  const base = format === 'swagger-2.0' ? '/securityDefinitions' : '/components/securitySchemes';
  const out: Record<string, SecurityScheme> = {};
  if (!isObj(raw)) return out;
  for (const [name, value] of Object.entries(raw)) {
    const scheme = deref(value, `${base}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    if (!isObj(scheme)) continue;
    const converted = convertScheme(name, scheme);
    if (converted !== undefined) out[name] = converted;
  }
  return out;
}

function convertScheme(name: string, scheme: Obj): SecurityScheme | undefined {
  switch (scheme.type) {
    case 'http': {
      const http: SecurityScheme = { type: 'http', name, scheme: String(scheme.scheme ?? '').toLowerCase() };
      if (typeof scheme.bearerFormat === 'string') http.bearerFormat = scheme.bearerFormat;
      return http;
    }
    case 'basic':
      return { type: 'http', name, scheme: 'basic' };
    case 'apiKey': {
      const location = scheme.in === 'query' || scheme.in === 'cookie' ? scheme.in : 'header';
      return { type: 'apiKey', name, in: location, parameterName: String(scheme.name ?? '') };
    }
    case 'oauth2': {
      const scopes = new Set<string>();
      if (isObj(scheme.scopes)) for (const scope of Object.keys(scheme.scopes)) scopes.add(scope);
      if (isObj(scheme.flows)) {
        for (const flow of Object.values(scheme.flows)) {
          if (isObj(flow) && isObj(flow.scopes))
            for (const scope of Object.keys(flow.scopes)) scopes.add(scope);
        }
      }
      return { type: 'oauth2', name, scopes: [...scopes] };
    }
    case 'openIdConnect':
      return { type: 'openIdConnect', name, url: String(scheme.openIdConnectUrl ?? '') };
    case 'mutualTLS':
      return { type: 'mutualTLS', name };
    default:
      return undefined;
  }
}
