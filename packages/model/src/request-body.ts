import type { MediaTypeSpec } from './media-type.js';

/** A request body, by media type. Its schemas are the request view: readOnly properties are not required. */
export interface RequestBody {
  required: boolean;
  /** Keyed by lower-case media type. */
  content: Record<string, MediaTypeSpec>;
  description?: string;
}
