/**
 * What a user tells Assay to authenticate with, from flags, the environment or the config file.
 * The same shape is read by `assay run`, by each target of the config file and by library mode;
 * the auth layer maps it onto the spec's `securitySchemes`.
 */
export interface AuthSettings {
  /** A token for every `http` `bearer` scheme (and for `oauth2`/`openIdConnect` when no flow is configured). */
  bearer?: string;
  /** Credentials for every `http` `basic` scheme. */
  basic?: BasicCredentials;
  /** One value for every `apiKey` scheme, wherever the scheme puts it (header, query or cookie). */
  apiKey?: string;
  /** An OAuth2 client for every `oauth2` and `openIdConnect` scheme: its token is fetched (wins over `bearer`). */
  oauth2?: OAuth2ClientCredentials;
  /** Credentials for one scheme, by its name in the spec's `securitySchemes`; these win over the above. */
  schemes?: Readonly<Record<string, SchemeCredentials>>;
}

/** A user name and password, as HTTP basic (RFC 7617) and the OAuth2 password flow take them. */
export interface BasicCredentials {
  username: string;
  password: string;
}

/** Credentials for one named security scheme. */
export type SchemeCredentials =
  /** `http` bearer, or a ready OAuth2/OpenID Connect access token. */
  | { token: string }
  /** `http` basic. */
  | { username: string; password: string }
  /** `apiKey`: the key's value. */
  | { value: string }
  /** `oauth2` client-credentials (or password, with `username`/`password`) flow: the token is fetched. */
  | OAuth2ClientCredentials;

/** An OAuth2 client registration; `tokenUrl` overrides the scheme's (or the OpenID Connect discovery's). */
export interface OAuth2ClientCredentials {
  clientId: string;
  clientSecret?: string;
  scopes?: readonly string[];
  username?: string;
  password?: string;
  tokenUrl?: string;
}
