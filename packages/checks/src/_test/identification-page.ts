// Realistic pages of authentik's identification stages (spec/identification.yaml), built from a
// seed: what a real instance returns, not random strings.
import type { ApiModel, Exchange, HttpRequest, HttpResponse, Operation } from '@assay/model';
import { loadApi } from '@assay/spec';

export const IDENTIFICATION_SPEC = new URL('../../../../spec/identification.yaml', import.meta.url).pathname;

const DESIGNATIONS = ['authentication', 'enrollment', 'recovery', 'stage_configuration', 'authorization'];
const LAYOUTS = ['stacked', 'content_left', 'content_right', 'sidebar_left', 'sidebar_right'];
const WORDS = [
  'default',
  'source',
  'enrollment',
  'recovery',
  'password',
  'passwordless',
  'oauth',
  'ldap',
  'saml',
  'webauthn',
];

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function uuid(next: () => number): string {
  const hex = () => Math.floor(next() * 16).toString(16);
  const part = (n: number) => Array.from({ length: n }, hex).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-${'89ab'[Math.floor(next() * 4)]}${part(3)}-${part(12)}`;
}

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)]!;
}

/** One identification stage as authentik serialises it. */
export function identificationStage(next: () => number, index: number): Record<string, unknown> {
  const word = pick(next, WORDS);
  const flows = Array.from({ length: 1 + Math.floor(next() * 2) }, () => {
    const slug = `default-${word}-flow-${Math.floor(next() * 1000)}`;
    const pk = uuid(next);
    return {
      pk,
      policybindingmodel_ptr_id: pk,
      name: `Default ${word} flow`,
      slug,
      title: `Welcome to authentik!`,
      designation: pick(next, DESIGNATIONS),
      background: '/static/dist/assets/images/flow_background.jpg',
      policy_engine_mode: pick(next, ['all', 'any']),
      compatibility_mode: next() < 0.5,
      export_url: `/api/v3/flows/instances/${slug}/export/`,
      layout: pick(next, LAYOUTS),
      denied_action: pick(next, ['message_continue', 'message', 'continue']),
    };
  });
  const maybeUuid = () => (next() < 0.5 ? uuid(next) : null);
  return {
    pk: uuid(next),
    name: `${word}-identification-stage-${index}`,
    component: 'ak-stage-identification-form',
    verbose_name: 'Identification Stage',
    verbose_name_plural: 'Identification Stages',
    meta_model_name: 'authentik_stages_identification.identificationstage',
    flow_set: flows,
    user_fields: ['email', 'username', 'upn'].filter(() => next() < 0.6),
    password_stage: maybeUuid(),
    captcha_stage: maybeUuid(),
    case_insensitive_matching: next() < 0.8,
    show_matched_user: next() < 0.8,
    enrollment_flow: maybeUuid(),
    recovery_flow: maybeUuid(),
    passwordless_flow: maybeUuid(),
    sources: Array.from({ length: Math.floor(next() * 3) }, () => uuid(next)),
    show_source_labels: next() < 0.3,
    pretend_user_exists: next() < 0.9,
    enable_remember_me: next() < 0.2,
  };
}

/** Page `page` (1-based) of `count` stages, `size` per page, with consistent pagination metadata. */
export function identificationPage(count: number, size: number, page: number, seed = 1): unknown {
  const next = random(seed);
  const all = Array.from({ length: count }, (_, i) => identificationStage(next, i));
  const total = Math.max(1, Math.ceil(count / size));
  const results = all.slice((page - 1) * size, page * size);
  const start = count === 0 ? 0 : (page - 1) * size + 1;
  return {
    pagination: {
      next: page < total ? page + 1 : 0,
      previous: page > 1 ? page - 1 : 0,
      count,
      current: page,
      total_pages: total,
      start_index: start,
      end_index: count === 0 ? 0 : start + results.length - 1,
    },
    results,
  };
}

export function identificationExchange(operation: Operation, body: unknown, query: string): Exchange {
  const request: HttpRequest = {
    method: 'GET',
    path: '/stages/identification/',
    query,
    headers: {},
    operationId: operation.id,
    mode: 'pagination',
  };
  const response: HttpResponse = {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    truncated: false,
    durationMs: 1,
  };
  return { operation, request, response };
}

/** The repository's identification spec, loaded, and its list operation. */
export async function loadIdentification(): Promise<{ api: ApiModel; operation: Operation }> {
  const api = await loadApi(IDENTIFICATION_SPEC);
  const operation = api.operations.find((o) => o.id === 'stages_identification_list');
  if (operation === undefined) throw new Error('spec/identification.yaml lost stages_identification_list');
  return { api, operation };
}
