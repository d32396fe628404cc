import type { ApiModel, JsonSchema, ListSemantics, Operation } from '@assay/model';
import { loadApi } from '@assay/spec';
import { resolveSchema } from '../_internals/resolve-schema.js';

/** The repository's canonical spec, spec/identification.yaml. */
export const IDENTIFICATION_SPEC = new URL('../../../../spec/identification.yaml', import.meta.url).pathname;

/**
 * The list semantics of the identification list as the spec loader describes them (authentik's
 * page-object pagination, its filters, ordering and search); used when the loader has not filled
 * them in, so that the mock's tests do not depend on detection heuristics.
 */
export function identificationList(api: ApiModel, operation: Operation): ListSemantics {
  const media = operation.responses['200']?.content['application/json'];
  const results = resolveSchema(media?.schema, api.schemas).properties?.results;
  const itemSchema = resolveSchema(results, api.schemas).items as JsonSchema;
  const equality = [
    'captcha_stage',
    'case_insensitive_matching',
    'enrollment_flow',
    'password_stage',
    'passwordless_flow',
    'recovery_flow',
    'show_matched_user',
    'show_source_labels',
  ];
  return {
    itemsPath: ['results'],
    itemSchema,
    identifier: 'pk',
    pagination: {
      style: 'page-object',
      source: 'detected',
      pageParam: 'page',
      pageSizeParam: 'page_size',
      firstPage: 1,
      countPath: ['pagination', 'count'],
      nextPath: ['pagination', 'next'],
      previousPath: ['pagination', 'previous'],
      currentPath: ['pagination', 'current'],
      totalPagesPath: ['pagination', 'total_pages'],
      startIndexPath: ['pagination', 'start_index'],
      endIndexPath: ['pagination', 'end_index'],
    },
    filters: [
      ...equality.map((name) => ({ param: name, property: name, kind: 'equality' as const })),
      { param: 'name', property: 'name', kind: 'text' as const },
    ],
    ordering: { param: 'ordering', fields: [] },
    search: { param: 'search' },
  };
}

/** The identification spec loaded, with its list semantics (detected, or as above when not). */
export async function identificationApi(): Promise<ApiModel> {
  const api = await loadApi(IDENTIFICATION_SPEC);
  for (const operation of api.operations) {
    if (operation.id === 'stages_identification_list' && operation.list === undefined) {
      operation.list = identificationList(api, operation);
    }
  }
  return api;
}
