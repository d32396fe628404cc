import { createSchemaValidator } from '@assay/checks';
import type { ApiModel, HttpRequest, HttpResponse, Operation } from '@assay/model';
import type { Mock } from '../mock/create-mock.js';

/** A GET request to `path`, authenticated with `token` the way the operation's scheme wants it. */
export function get(path: string, query = '', headers: Record<string, string> = {}): HttpRequest {
  return { method: 'GET', path, query, headers, operationId: '', mode: 'positive' };
}

/** Sends a request and parses its JSON body. */
export function send(mock: Mock, request: HttpRequest): { response: HttpResponse; body: unknown } {
  const response = mock.handle(request);
  let body: unknown;
  try {
    body = response.body === '' ? undefined : JSON.parse(response.body);
  } catch {
    body = undefined;
  }
  return { response, body };
}

/**
 * What is wrong with a response according to the spec: an undocumented status, a content type
 * other than the documented one, or a body that does not match the documented schema.
 */
export function conformanceProblems(api: ApiModel, operation: Operation, response: HttpResponse): string[] {
  const validator = validatorOf(api);
  const status = String(response.status);
  const spec =
    operation.responses[status] ?? operation.responses[`${status[0]}XX`] ?? operation.responses.default;
  if (spec === undefined) return [`status ${status} is not documented`];
  const media = Object.values(spec.content)[0];
  if (media === undefined) return response.body === '' ? [] : ['a body where none is documented'];
  const type = (response.headers['content-type'] ?? '').split(';')[0];
  if (type !== media.mediaType) return [`content-type ${type} is not ${media.mediaType}`];
  let value: unknown;
  try {
    value = JSON.parse(response.body);
  } catch {
    return ['the body is not JSON'];
  }
  return validator.validate(media.schema, value).map((e) => `${status} ${e.message}`);
}

const validators = new WeakMap<ApiModel, ReturnType<typeof createSchemaValidator>>();
function validatorOf(api: ApiModel) {
  let v = validators.get(api);
  if (v === undefined) {
    v = createSchemaValidator(api.schemas);
    validators.set(api, v);
  }
  return v;
}
