import type { SchemaValidator } from '@assay/json-schema';
import type { ApiModel, JsonSchema } from '@assay/model';
import type { FaultName } from '../faults/fault-catalogue.js';

/** What every part of the mock needs to answer a request; built once by createMock. */
export interface MockContext {
  api: ApiModel;
  defs: Record<string, JsonSchema>;
  validator: SchemaValidator;
  seed: number;
  token: string;
  /** Items generated per list operation. */
  items: number;
  faults: ReadonlySet<FaultName>;
}
