import type { AuthSettings } from './auth-settings.js';
import { basicToken } from './basic-token.js';

/**
 * Every secret value of the settings and the forms they go on the wire in (the Basic token), so
 * the redactor blanks them wherever they are echoed. User names and client ids are not secrets.
 */
export function settingsSecrets(settings: AuthSettings): string[] {
  const out: string[] = [];
  if (settings.bearer !== undefined) out.push(settings.bearer);
  if (settings.apiKey !== undefined) out.push(settings.apiKey);
  if (settings.basic !== undefined) {
    out.push(settings.basic.password, basicToken(settings.basic.username, settings.basic.password));
  }
  if (settings.oauth2?.clientSecret !== undefined) out.push(settings.oauth2.clientSecret);
  if (settings.oauth2?.password !== undefined) out.push(settings.oauth2.password);
  for (const named of Object.values(settings.schemes ?? {})) {
    if ('token' in named) out.push(named.token);
    else if ('value' in named) out.push(named.value);
    else if ('clientId' in named) {
      if (named.clientSecret !== undefined) out.push(named.clientSecret);
      if (named.password !== undefined) out.push(named.password);
    } else out.push(named.password, basicToken(named.username, named.password));
  }
  return out.filter((secret) => secret !== '');
}
