import type { ConfiguredStatus } from '../assay-config.js';

/** Whether a status is listed: exactly, or by its range (`4XX`). */
export function statusListed(listed: readonly ConfiguredStatus[], status: number): boolean {
  return listed.some((entry) =>
    typeof entry === 'number' ? entry === status : entry[0] === String(status)[0] && /^[1-5]xx$/i.test(entry),
  );
}
