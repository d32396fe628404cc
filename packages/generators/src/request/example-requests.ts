import type { HttpRequest, Operation } from '@assay/model';
import { baseValue } from '../_internals/base-values.js';
import {
  assemble,
  bodyAccepted,
  headersCarryable,
  parameterAccepted,
  planRequest,
} from '../_internals/request-plan.js';
import type { RequestOptions } from './request-options.js';

/**
 * Requests built from the spec's examples, mode `example`: request i uses the i-th example of each
 * parameter and of the body (cycling through shorter lists); parameters without examples are left
 * out when optional and take a deterministic valid value when required. Examples the schema rejects
 * are skipped (specs often carry stale ones, and sending them as valid would report the server for
 * the spec's mistake). Empty when the operation has no usable example.
 *
 * @throws AssayError `generation` when a required parameter or body without examples cannot be generated.
 */
export function exampleRequests(operation: Operation, options: RequestOptions): HttpRequest[] {
  const plan = planRequest(operation, options);
  const { valid } = plan;
  const paramExamples = plan.params.map((p) =>
    p.parameter.examples.filter((example) => valid(p.parameter.schema, example)),
  );
  const bodyExamples = plan.body
    ? plan.body.media.examples.filter((example) => valid(plan.body!.media.schema, example))
    : [];
  const count = Math.max(bodyExamples.length, ...paramExamples.map((list) => list.length), 0);
  if (count === 0) return [];
  const fallbacks = plan.params.map((p) =>
    p.parameter.required ? baseValue(p.parameter.schema, p.value, [], valid) : undefined,
  );
  const fallbackBody = plan.body?.required
    ? baseValue(plan.body.media.schema, plan.body.value, [], valid)
    : undefined;
  const out: HttpRequest[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const values = plan.params.map((_, j) => {
      const list = paramExamples[j]!;
      return list.length > 0 ? list[i % list.length] : fallbacks[j]?.value;
    });
    const body = bodyExamples.length > 0 ? { value: bodyExamples[i % bodyExamples.length] } : fallbackBody;
    const request = assemble(plan, values, body, 'example');
    if (!headersCarryable(request)) continue;
    if (!plan.params.every((p) => parameterAccepted(plan, request, p)) || !bodyAccepted(plan, request))
      continue;
    const key = JSON.stringify([request.path, request.query, request.headers, request.body]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(request);
  }
  return out;
}
