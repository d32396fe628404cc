import type { HttpRequest, Operation } from '@assay/model';
import type { InputProblem } from './input-problem.js';
import type { MockContext } from './mock-context.js';
import { readFormBody } from './read-form-body.js';

/**
 * Checks a request body against the operation's request body: present when required, of a documented
 * media type, and valid against its schema: JSON as parsed, forms (urlencoded and multipart) as
 * {@link readFormBody} reads them. Other media types are accepted as they are, since the mock cannot
 * tell a good one from a bad one.
 */
export function parseBody(ctx: MockContext, operation: Operation, request: HttpRequest): InputProblem[] {
  const spec = operation.requestBody;
  if (spec === undefined) return [];
  const body = request.body;
  const text = body === undefined ? '' : typeof body === 'string' ? body : new TextDecoder().decode(body);
  if (text === '') {
    return spec.required ? [{ location: 'body', name: 'body', message: 'the request body is required' }] : [];
  }
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const declared = Object.keys(spec.content);
  const media =
    spec.content[mediaType] ??
    Object.values(spec.content).find((m) => mediaRangeMatches(m.mediaType, mediaType));
  if (media === undefined) {
    if (declared.length === 0) return [];
    return [
      {
        location: 'body',
        name: 'body',
        message: `unsupported media type "${mediaType}"; expected one of ${declared.join(', ')}`,
      },
    ];
  }
  let value: unknown;
  if (mediaType === 'application/x-www-form-urlencoded' || mediaType === 'multipart/form-data') {
    const reading = readFormBody(ctx, media, text, request.headers['content-type'] ?? '');
    if (!reading.ok) return [{ location: 'body', name: 'body', message: reading.message }];
    value = reading.value;
  } else if (isJson(mediaType)) {
    try {
      value = JSON.parse(text);
    } catch {
      return [{ location: 'body', name: 'body', message: 'the request body is not valid JSON' }];
    }
  } else {
    return [];
  }
  const errors = ctx.validator.validate(media.schema, value);
  return errors.map((e) => ({ location: 'body', name: 'body', message: `body ${e.message}` }));
}

function mediaRangeMatches(range: string, mediaType: string): boolean {
  if (range === '*/*') return true;
  if (range.endsWith('/*')) return mediaType.startsWith(range.slice(0, -1));
  return false;
}

/** `application/json` and its `+json` relatives. */
export function isJson(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json');
}
