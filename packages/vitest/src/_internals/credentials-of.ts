/** Credentials of a suite, in the shape of the config file's `auth`. */
export interface AuthOptions {
  /** Sent as `Authorization: Bearer …`. */
  bearer?: string;
  /** Sent as `Authorization: Basic …` (RFC 7617). */
  basic?: { username: string; password: string };
}

/** What the engine takes: the bearer token apart (it is placed and redacted as such), the rest as headers. */
export interface EngineCredentials {
  bearer?: string;
  headers: Array<[name: string, value: string]>;
}

/**
 * Maps a suite's `auth` and `headers` onto the engine's credentials. Every value ends up among the
 * run's secrets, so no report or failure message prints it.
 */
export function credentialsOf(
  auth: AuthOptions | undefined,
  headers: Readonly<Record<string, string>> | undefined,
): EngineCredentials {
  const list: Array<[string, string]> = Object.entries(headers ?? {}).map(([n, v]) => [n.toLowerCase(), v]);
  if (auth?.basic !== undefined) {
    const { username, password } = auth.basic;
    if (username.includes(':')) throw new TypeError('auth.basic.username must not contain ":" (RFC 7617 §2)');
    list.push(['authorization', `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`]);
  }
  return { ...(auth?.bearer === undefined ? {} : { bearer: auth.bearer }), headers: list };
}
