import { AssayError, type HttpRequest, type Operation } from '@assay/model';
import fc from 'fast-check';
import { boundedFilter } from '../_internals/bounded-filter.js';
import { listOverrides, seenPathOverrides } from '../_internals/list-arbitraries.js';
import {
  mutateBody,
  type NegativeTarget,
  negativeTargets,
  reasonFor,
} from '../_internals/negative-targets.js';
import {
  assemble,
  bodyAccepted,
  bodyRejected,
  parameterAccepted,
  planRequest,
  type RequestPlan,
  readBack,
} from '../_internals/request-plan.js';
import type { RequestOptions } from './request-options.js';

/** How requests are generated: all valid, or exactly one thing invalid. */
export type RequestMode = 'positive' | 'negative';

const ABSENT = Symbol('absent');

/** Query parameters that narrow a list: each one present makes an empty page likelier. */
function narrowingParameters(plan: RequestPlan): Set<string> {
  const list = plan.operation.list;
  if (list === undefined) return new Set();
  return new Set([...list.filters.map((f) => f.param), ...(list.search ? [list.search.param] : [])]);
}

function parameterValues(plan: RequestPlan): fc.Arbitrary<unknown[]> {
  const narrowing = narrowingParameters(plan);
  return fc.tuple(
    ...plan.params.map((p) => {
      if (p.value === undefined) return fc.constant(undefined);
      if (p.parameter.required) return p.value;
      // Optional parameters are present half the time; list filters a quarter of the time, so that
      // a request combines one or two of them and still finds items.
      const absent = p.parameter.in === 'query' && narrowing.has(p.parameter.name) ? 3 : 1;
      return fc.oneof(
        { arbitrary: fc.constant(undefined), weight: absent },
        { arbitrary: p.value, weight: 1 },
      );
    }),
  );
}

function bodyValue(plan: RequestPlan, forcePresent: boolean): fc.Arbitrary<unknown> {
  if (plan.body === undefined) return fc.constant(ABSENT);
  if (plan.body.required || forcePresent) return plan.body.value;
  return fc.option(plan.body.value, { nil: ABSENT, freq: 5 });
}

function otherParametersAccepted(plan: RequestPlan, request: HttpRequest, except: number): boolean {
  return plan.params.every((p, i) => i === except || parameterAccepted(plan, request, p));
}

function positive(plan: RequestPlan, options: RequestOptions): fc.Arbitrary<HttpRequest> {
  const overrides = [
    ...listOverrides(plan.operation, plan.params, options, plan.valid),
    ...seenPathOverrides(plan.params, options, plan.valid),
  ];
  const overrideValues = fc.tuple(
    ...overrides.map((o) =>
      o.weight === 5
        ? o.value
        : fc.oneof(
            { arbitrary: o.value, weight: o.weight },
            { arbitrary: fc.constant(undefined), weight: 5 - o.weight },
          ),
    ),
  );
  const requests = fc
    .tuple(parameterValues(plan), bodyValue(plan, false), overrideValues)
    .map(([values, body, chosen]) => {
      const merged = [...values];
      chosen.forEach((picked, k) => {
        if (picked === undefined) return;
        overrides[k]!.params.forEach((name, j) => {
          const location = overrides[k]!.location ?? 'query';
          const index = plan.params.findIndex(
            (p) => p.parameter.name === name && p.parameter.in === location,
          );
          // The override changes what a present parameter holds; whether it is present stays the base draw's choice.
          if (index >= 0 && merged[index] !== undefined) merged[index] = picked[j];
        });
      });
      return assemble(plan, merged, body === ABSENT ? undefined : { value: body }, 'positive');
    });
  // Serialisation must not change what the server reads (a `,` inside an item of a comma-joined
  // list, an empty list that leaves a required parameter out): such draws are not positive cases.
  return boundedFilter(
    requests,
    (request) => otherParametersAccepted(plan, request, -1) && bodyAccepted(plan, request),
    `valid parameters and body of ${plan.operation.id} after serialisation`,
  );
}

function rejected(plan: RequestPlan, request: HttpRequest, target: NegativeTarget): boolean {
  if (target.kind === 'body') {
    return (
      otherParametersAccepted(plan, request, -1) &&
      bodyRejected(plan, request, target.pointer, target.mutation.keyword)
    );
  }
  const p = plan.params[target.index]!;
  if (!otherParametersAccepted(plan, request, target.index) || !bodyAccepted(plan, request)) return false;
  const read = readBack(plan, request, p);
  if (read === undefined) return p.parameter.required;
  return !plan.valid(p.parameter.schema, read);
}

function negative(plan: RequestPlan): fc.Arbitrary<HttpRequest> {
  const groups = negativeTargets(plan);
  if (groups.length === 0) {
    throw new AssayError(
      'generation',
      `Operation ${plan.operation.id} has nothing that can be made invalid: no parameter or body with a constraint a server can check.`,
      {
        pointer: plan.operation.pointer,
        hint: 'Skip negative testing for this operation.',
      },
    );
  }
  const targets = fc.oneof(...groups.map((group) => fc.constantFrom(...group)));
  const drafts = fc
    .tuple(parameterValues(plan), bodyValue(plan, true), targets)
    .map(([values, body, target]) => {
      const merged = [...values];
      let finalBody: { value: unknown } | undefined = body === ABSENT ? undefined : { value: body };
      if (target.kind === 'param') merged[target.index] = target.mutation.value;
      else {
        // The change must be the only thing wrong: a base body the validator already rejects (valid
        // only by its discriminator) would make any change look like a rejection.
        if (body !== ABSENT && !plan.valid(plan.body!.media.schema, body)) return undefined;
        const mutated = mutateBody(body, target);
        if (mutated === undefined) return undefined;
        finalBody = mutated === 'absent' ? undefined : mutated;
      }
      const request = assemble(plan, merged, finalBody, 'negative', reasonFor(plan, target));
      return rejected(plan, request, target) ? request : undefined;
    });
  return boundedFilter(
    drafts,
    (request) => request !== undefined,
    `an invalid request for ${plan.operation.id}`,
  ).map((request) => request!);
}

/**
 * An arbitrary of serialised requests for one operation.
 *
 * - `positive`: every parameter and the body are valid, as the server reads them after
 *   serialisation (OpenAPI 3.1 §4.8.12.4 styles for path, query, header and cookie; JSON,
 *   form-urlencoded and multipart bodies); optional parameters are left out about half the time.
 *   For list operations (`operation.list`), pagination, ordering, search and filter parameters are
 *   drawn from realistic ranges and from `options.seen`.
 * - `negative`: exactly one thing is invalid (a wrong type, out of range, bad format, pattern
 *   mismatch, missing required value, value outside the enum) and `request.reason` names it. A
 *   draw is kept only if the value the server reads back (wire text coerced per schema type, the
 *   most favourable reading) is rejected by `options.isValid`.
 *
 * Requests carry no credentials. fast-check's `(seed, path)` reproduces a request exactly.
 *
 * @throws AssayError `generation` when a required parameter or body cannot be generated, or, in
 *   negative mode, when nothing in the operation can be made invalid.
 */
export function requestArbitrary(
  operation: Operation,
  mode: RequestMode,
  options: RequestOptions,
): fc.Arbitrary<HttpRequest> {
  const plan = planRequest(operation, options);
  return mode === 'positive' ? positive(plan, options) : negative(plan);
}
