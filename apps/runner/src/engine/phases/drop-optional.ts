import type { HttpRequest, JsonSchema, Operation, Violation } from '@assay/model';
import type { SendOutcome } from '../../transport/create-transport.js';
import { judgeOutcome } from '../exchange/judge-outcome.js';
import { transmit } from '../exchange/transmit.js';
import { isHalted, type OperationContext } from '../operation-context.js';

/** A request that showed a bug, with what came of it. */
export interface Reproduction {
  request: HttpRequest;
  outcome: SendOutcome;
  violation: Violation;
}

/**
 * The last step of shrinking: fast-check makes values smaller but keeps every optional parameter
 * and body property its first draw had. This tries the request without each optional query or
 * header parameter, then without each optional top-level property of a JSON object body, one at a
 * time, and keeps each removal after which the same check still reports the same fingerprint. At
 * most `budget` requests are sent. Returns the smaller reproduction, or `undefined` when nothing
 * could be dropped.
 */
export async function dropOptional(
  op: OperationContext,
  start: Reproduction,
  budget: number,
): Promise<Reproduction | undefined> {
  let best = start;
  let left = budget;
  let dropped = false;
  for (const candidate of removals(op.operation, op.run.options.api.schemas)) {
    if (left <= 0 || isHalted(op)) break;
    const smaller = candidate(best.request);
    if (smaller === undefined) continue;
    left -= 1;
    const outcome = await transmit(op, smaller);
    let violations: Violation[] = [];
    try {
      violations = judgeOutcome(op, smaller, outcome);
    } catch {
      violations = [];
    }
    const same = violations.find(
      (v) => v.check === start.violation.check && v.fingerprint === start.violation.fingerprint,
    );
    if (same === undefined) continue;
    best = { request: smaller, outcome, violation: same };
    dropped = true;
  }
  return dropped ? best : undefined;
}

type Removal = (request: HttpRequest) => HttpRequest | undefined;

/**
 * Whether a removal would take away the one invalid thing of a negative request: then the request
 * is valid, the server rightly accepts it, and a "shrunk" negative-data-rejection finding would
 * show a request with nothing wrong in it (seen against Django REST Framework: `page_size=abc`
 * dropped, the 200 still reported). Such a removal is never tried.
 */
function removesReason(request: HttpRequest, location: 'query' | 'header' | 'body', name: string): boolean {
  const reason = request.reason;
  if (request.mode !== 'negative' || reason === undefined) return false;
  if (location === 'body') {
    return reason.location === 'body' && (reason.name === `/${name}` || reason.name.startsWith(`/${name}/`));
  }
  return reason.location === location && reason.name.toLowerCase() === name.toLowerCase();
}

function removals(operation: Operation, defs: Readonly<Record<string, JsonSchema>>): Removal[] {
  const out: Removal[] = [];
  for (const parameter of operation.parameters) {
    if (parameter.required) continue;
    if (parameter.in === 'query') {
      out.push((request) =>
        removesReason(request, 'query', parameter.name) ? undefined : withoutQuery(request, parameter.name),
      );
    }
    if (parameter.in === 'header') {
      const name = parameter.name.toLowerCase();
      out.push((request) => {
        if (removesReason(request, 'header', name)) return undefined;
        if (!(name in request.headers)) return undefined;
        const headers = { ...request.headers };
        delete headers[name];
        return { ...request, headers };
      });
    }
  }
  const schema = resolve(operation.requestBody?.content['application/json']?.schema, defs);
  const properties = schema?.properties;
  if (properties !== undefined && properties !== null && typeof properties === 'object') {
    const required = new Set(Array.isArray(schema?.required) ? (schema.required as string[]) : []);
    for (const name of Object.keys(properties)) {
      if (!required.has(name)) {
        out.push((request) =>
          removesReason(request, 'body', name) ? undefined : withoutBodyProperty(request, name),
        );
      }
    }
  }
  return out;
}

function withoutQuery(request: HttpRequest, name: string): HttpRequest | undefined {
  if (request.query === '') return undefined;
  const pairs = request.query.split('&');
  const kept = pairs.filter((pair) => {
    const raw = pair.split('=')[0] ?? '';
    let key = raw;
    try {
      key = decodeURIComponent(raw.replace(/\+/g, ' '));
    } catch {
      // Malformed percent-encoding: compare as written.
    }
    return key !== name && !key.startsWith(`${name}[`);
  });
  return kept.length === pairs.length ? undefined : { ...request, query: kept.join('&') };
}

function withoutBodyProperty(request: HttpRequest, name: string): HttpRequest | undefined {
  if (typeof request.body !== 'string' || !/json/i.test(request.headers['content-type'] ?? ''))
    return undefined;
  let value: unknown;
  try {
    value = JSON.parse(request.body);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, name)) {
    return undefined;
  }
  const { [name]: _, ...rest } = value as Record<string, unknown>;
  return { ...request, body: JSON.stringify(rest) };
}

/** The schema, or the one its `$ref` names in the model's definitions (`#/$defs/<key>`). */
function resolve(
  schema: JsonSchema | undefined,
  defs: Readonly<Record<string, JsonSchema>>,
): Record<string, unknown> | undefined {
  if (schema === undefined || typeof schema !== 'object' || schema === null) return undefined;
  const record = schema as Record<string, unknown>;
  const ref = record.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) {
    const target = defs[decodeURIComponent(ref.slice('#/$defs/'.length))];
    return typeof target === 'object' && target !== null ? (target as Record<string, unknown>) : undefined;
  }
  return record;
}
