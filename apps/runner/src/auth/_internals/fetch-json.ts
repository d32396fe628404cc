import { AssayError } from '@assay/model';
import { type Dispatcher, request } from 'undici';

/** What a JSON endpoint answered. */
export interface JsonAnswer {
  status: number;
  /** The parsed body, or `undefined` when it was not JSON. */
  json: unknown;
}

/** The largest token or discovery document read; anything longer is not one. */
const MAX_BYTES = 1024 * 1024;

/**
 * Sends one request to an auth endpoint and reads its JSON answer; a redirect is not followed (it
 * would carry the client's credentials to another place). Transport failures become
 * `AssayError('auth')` naming the URL (never a credential: they travel in headers and bodies only).
 */
export async function fetchJson(
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
  options: { dispatcher?: Dispatcher; timeoutMs: number; what: string },
): Promise<JsonAnswer> {
  let answer: Awaited<ReturnType<typeof request>>;
  try {
    answer = await request(url, {
      method: init.method,
      headers: init.headers,
      ...(init.body === undefined ? {} : { body: init.body }),
      ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AssayError('auth', `${options.what} ${url} could not be reached: ${reason}`, { cause: error });
  }
  let text = '';
  for await (const chunk of answer.body) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.length > MAX_BYTES) {
      answer.body.destroy();
      break;
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: answer.statusCode, json };
}
