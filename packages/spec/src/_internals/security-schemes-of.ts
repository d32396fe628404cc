import type { OAuth2Flow, OAuth2Flows, SecurityScheme, SpecFormat } from '@assay/model';

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
      const flows = flowsOf(scheme);
      return { type: 'oauth2', name, scopes: [...scopes], ...(flows === undefined ? {} : { flows }) };
    }
    case 'openIdConnect':
      return { type: 'openIdConnect', name, url: String(scheme.openIdConnectUrl ?? '') };
    case 'mutualTLS':
      return { type: 'mutualTLS', name };
    default:
      return undefined;
  }
}

const FLOW_NAMES = [
  'clientCredentials',
  'password',
  'authorizationCode',
  'implicit',
  'deviceAuthorization',
] as const;
// Swagger 2.0 §4.3.18 names the flows differently and keeps tokenUrl on the scheme itself.
const SWAGGER_FLOWS: Record<string, (typeof FLOW_NAMES)[number]> = {
  application: 'clientCredentials',
  password: 'password',
  accessCode: 'authorizationCode',
  implicit: 'implicit',
};

/** The flows of an OAuth2 scheme with their token URLs (OpenAPI 3.x §4.8.28, Swagger 2.0 `flow`). */
function flowsOf(scheme: Obj): OAuth2Flows | undefined {
  const out: OAuth2Flows = {};
  if (typeof scheme.flow === 'string' && SWAGGER_FLOWS[scheme.flow] !== undefined) {
    out[SWAGGER_FLOWS[scheme.flow]!] = flowOf(scheme);
  }
  if (isObj(scheme.flows)) {
    for (const name of FLOW_NAMES) {
      const flow = scheme.flows[name];
      if (isObj(flow)) out[name] = flowOf(flow);
    }
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

function flowOf(flow: Obj): OAuth2Flow {
  const out: OAuth2Flow = { scopes: isObj(flow.scopes) ? Object.keys(flow.scopes) : [] };
  if (typeof flow.tokenUrl === 'string' && flow.tokenUrl !== '') out.tokenUrl = flow.tokenUrl;
  if (typeof flow.refreshUrl === 'string' && flow.refreshUrl !== '') out.refreshUrl = flow.refreshUrl;
  return out;
}
