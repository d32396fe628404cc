import type { Operation } from '@assay/model';
import type { SchemaViews } from './schema-views.js';

/**
 * Puts each schema of the operations in its view: parameters and request bodies in the request view,
 * response bodies and headers in the response view. Run once every schema has been converted, since
 * the views are computed over the complete set of definitions.
 */
export function applyViews(operations: Operation[], views: SchemaViews): void {
  for (const operation of operations) {
    for (const parameter of operation.parameters) parameter.schema = views.view(parameter.schema, 'request');
    for (const media of Object.values(operation.requestBody?.content ?? {}))
      media.schema = views.view(media.schema, 'request');
    for (const response of Object.values(operation.responses)) {
      for (const media of Object.values(response.content))
        media.schema = views.view(media.schema, 'response');
      for (const header of Object.values(response.headers))
        header.schema = views.view(header.schema, 'response');
    }
  }
}
