import type { BodyPath } from '@assay/model';
import { joinPointer } from '../json-pointer.js';

/** The JSON pointer of a body path (`['pagination', 'count']` → `/pagination/count`). */
export function pointerOf(path: BodyPath | undefined): string {
  return path === undefined ? '' : joinPointer('', ...path);
}
