import type { ResourceStep } from '@assay/model';
import { parsedBody } from '../parsed-body.js';

type Obj = Record<string, unknown>;

/** Whether the step's response is a success (2xx). */
export function succeeded(step: ResourceStep): boolean {
  const status = step.exchange.response.status;
  return status >= 200 && status < 300;
}

/**
 * The step's response body when it is a JSON object that represents the resource (what a create,
 * read or update answers); `undefined` for a write whose documented answer is something else.
 */
export function responseObject(step: ResourceStep): Obj | undefined {
  if (step.representation === false) return undefined;
  const parsed = parsedBody(step.exchange.response);
  return parsed.ok && isObject(parsed.value) ? parsed.value : undefined;
}

/** The step's request body when it is a JSON object (what a replace or patch sent). */
export function requestObject(step: ResourceStep): Obj | undefined {
  const body = step.exchange.request.body;
  if (body === undefined) return undefined;
  const type = (step.exchange.request.headers['content-type'] ?? '').toLowerCase();
  if (!/json/.test(type)) return undefined;
  try {
    const value: unknown = JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body));
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a step changed the resource's state as far as the server said (a successful write). */
export function isWrite(step: ResourceStep): boolean {
  return step.action !== 'read' && step.action !== 'list' && succeeded(step);
}

function isObject(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
