import { joinPointer } from '@assay/json-schema';
import type { BodyPath } from '@assay/model';

/** The JSON pointer of a body path (`['pagination', 'count']` → `/pagination/count`). */
export function pointerOf(path: BodyPath | undefined): string {
  return path === undefined ? '' : joinPointer('', ...path);
}
