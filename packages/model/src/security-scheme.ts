/** A security scheme (OpenAPI 3.1 §4.8.27, "Security Scheme Object"). */
export type SecurityScheme =
  | { type: 'http'; name: string; scheme: string; bearerFormat?: string }
  | { type: 'apiKey'; name: string; in: 'query' | 'header' | 'cookie'; parameterName: string }
  | { type: 'oauth2'; name: string; scopes: string[] }
  | { type: 'openIdConnect'; name: string; url: string }
  | { type: 'mutualTLS'; name: string };

/**
 * One way to satisfy an operation's security: every named scheme at once, with these scopes.
 * An empty object means anonymous access is allowed (OpenAPI 3.1 §4.8.30).
 */
export type SecurityRequirement = Record<string, string[]>;
