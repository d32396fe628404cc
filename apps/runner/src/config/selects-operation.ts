import type { Operation } from '@assay/model';
import type { OperationSelector } from './parse-selector.js';

/** Whether a selector picks an operation. */
export function selectsOperation(selector: OperationSelector, operation: Operation): boolean {
  switch (selector.kind) {
    case 'id':
      return operation.id === selector.id;
    case 'method-path':
      return operation.method === selector.method && operation.path === selector.path;
    case 'tag':
      return operation.tags.includes(selector.tag);
    case 'glob':
      return selector.pattern.test(operation.path);
  }
}
