import type { HttpRequest, NegativeReason, Operation } from '@assay/model';
import { baseValue } from '../_internals/base-values.js';
import { isJsonMedia } from '../_internals/body-codec.js';
import { boundaryValues } from '../_internals/boundary-values.js';
import { pointerOf } from '../_internals/negative-targets.js';
import {
  assemble,
  bodyAccepted,
  bodyRejected,
  headersCarryable,
  parameterAccepted,
  planRequest,
  readBack,
  topLevelProperties,
} from '../_internals/request-plan.js';
import type { RequestOptions } from './request-options.js';

interface Draft {
  values: unknown[];
  body: { value: unknown } | undefined;
  /** Undefined for in-bounds cases. */
  reason?: NegativeReason;
  /** The changed parameter (index) or body (-1), for the validity check; undefined when nothing is pushed to a bound. */
  changed?: number;
}

/**
 * A deterministic, finite list of boundary requests for one operation: the first phase of a run,
 * before random generation. Starting from one valid request (required parameters only, from
 * examples or a fixed seed), it varies one thing at a time: each optional parameter present; each
 * enum value; each minimum and maximum and the value just beyond; the empty, minimum- and
 * maximum-length, very long and Unicode strings; null where nullable (body properties); each
 * optional body property absent. In-bounds cases have mode `coverage`; beyond-bounds cases have
 * mode `negative` and a `reason`, and are kept only if the validator rejects the value as the server
 * reads it back (and in-bounds ones only if it accepts it). Duplicates are removed.
 *
 * @throws AssayError `generation` when a required parameter or body cannot be generated.
 */
export function coverageRequests(operation: Operation, options: RequestOptions): HttpRequest[] {
  const plan = planRequest(operation, options);
  const { valid, defs } = plan;
  const bases = plan.params.map((p) => baseValue(p.parameter.schema, p.value, p.parameter.examples, valid));
  const required = plan.params.map((p, i) => (p.parameter.required ? bases[i]?.value : undefined));
  const baseBody = plan.body
    ? baseValue(plan.body.media.schema, plan.body.value, plan.body.media.examples, valid)
    : undefined;
  const drafts: Draft[] = [{ values: required, body: baseBody }];
  const everything = plan.params.map((_, i) => bases[i]?.value);
  drafts.push({ values: everything, body: baseBody });
  plan.params.forEach((p, i) => {
    if (p.parameter.required || bases[i] === undefined) return;
    const values = [...required];
    values[i] = bases[i]!.value;
    drafts.push({ values, body: baseBody });
  });
  if (plan.body && !plan.body.required) drafts.push({ values: required, body: undefined });
  plan.params.forEach((p, i) => {
    if (p.shape !== 'primitive' && p.parameter.contentType === undefined) return;
    for (const boundary of boundaryValues(p.parameter.schema, defs)) {
      // A path parameter fills a whole segment: an empty one (`//`), `.` or `..` addresses another
      // resource (RFC 3986 §3.3, §5.2.4), so the request is not one of this operation, valid or
      // not, and its answer says nothing about it (the random negatives leave these out too).
      if (p.parameter.in === 'path' && ['', '.', '..'].includes(String(boundary.value))) continue;
      const values = [...required];
      values[i] = boundary.value;
      const reason: NegativeReason | undefined = boundary.inside
        ? undefined
        : {
            location: p.parameter.in,
            name: p.parameter.name,
            keyword: boundary.keyword,
            value: boundary.value,
            message: `${p.parameter.in} parameter ${p.parameter.name}: ${boundary.label}`,
          };
      drafts.push({ values, body: baseBody, changed: i, ...(reason ? { reason } : {}) });
    }
  });
  const base = baseBody?.value;
  if (
    plan.body &&
    isJsonMedia(plan.body.media.mediaType) &&
    base !== null &&
    typeof base === 'object' &&
    !Array.isArray(base)
  ) {
    const record = base as Record<string, unknown>;
    for (const [name, schema] of Object.entries(topLevelProperties(plan.body.media.schema, defs))) {
      if (Object.hasOwn(record, name)) {
        const { [name]: _, ...without } = record;
        drafts.push({ values: required, body: { value: without }, changed: -1 });
      }
      for (const boundary of boundaryValues(schema, defs)) {
        const reason: NegativeReason | undefined = boundary.inside
          ? undefined
          : {
              location: 'body',
              name: pointerOf([name]),
              keyword: boundary.keyword,
              value: boundary.value,
              message: `body ${pointerOf([name])}: ${boundary.label}`,
            };
        drafts.push({
          values: required,
          body: { value: { ...record, [name]: boundary.value } },
          changed: -1,
          ...(reason ? { reason } : {}),
        });
      }
    }
  }
  const seen = new Set<string>();
  const out: HttpRequest[] = [];
  for (const draft of drafts) {
    const negative = draft.reason !== undefined;
    const request = assemble(
      plan,
      draft.values,
      draft.body,
      negative ? 'negative' : 'coverage',
      draft.reason,
    );
    if (!headersCarryable(request)) continue;
    const othersAccepted = plan.params.every(
      (p, i) => i === draft.changed || parameterAccepted(plan, request, p),
    );
    if (!othersAccepted) continue;
    let ok: boolean;
    if (draft.changed === undefined) ok = bodyAccepted(plan, request);
    else if (draft.changed === -1)
      ok = negative
        ? bodyRejected(plan, request, draft.reason?.name ?? '', draft.reason?.keyword ?? '')
        : bodyAccepted(plan, request);
    else {
      const p = plan.params[draft.changed]!;
      const read = readBack(plan, request, p, negative ? 'lenient' : 'plain');
      const accepted = read === undefined ? !p.parameter.required : valid(p.parameter.schema, read);
      ok = accepted !== negative && bodyAccepted(plan, request);
    }
    if (!ok) continue;
    const key = JSON.stringify([request.mode, request.path, request.query, request.headers, request.body]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(request);
  }
  return out;
}
