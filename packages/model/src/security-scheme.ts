/** A security scheme (OpenAPI 3.1 §4.8.27, "Security Scheme Object"). */
export type SecurityScheme =
  | { type: 'http'; name: string; scheme: string; bearerFormat?: string }
  | { type: 'apiKey'; name: string; in: 'query' | 'header' | 'cookie'; parameterName: string }
  | { type: 'oauth2'; name: string; scopes: string[]; flows?: OAuth2Flows }
  | { type: 'openIdConnect'; name: string; url: string }
  | { type: 'mutualTLS'; name: string };

/**
 * One way to satisfy an operation's security: every named scheme at once, with these scopes.
 * An empty object means anonymous access is allowed (OpenAPI 3.1 §4.8.30).
 */
export type SecurityRequirement = Record<string, string[]>;

/** The OAuth2 flows of a scheme (OpenAPI 3.1 §4.8.28 "OAuth Flows Object"; 3.2 adds device authorization). */
export interface OAuth2Flows {
  clientCredentials?: OAuth2Flow;
  password?: OAuth2Flow;
  authorizationCode?: OAuth2Flow;
  implicit?: OAuth2Flow;
  deviceAuthorization?: OAuth2Flow;
}

/** One OAuth2 flow: where tokens are fetched (absent for `implicit`) and the scopes it offers. */
export interface OAuth2Flow {
  tokenUrl?: string;
  refreshUrl?: string;
  scopes: string[];
}
