import type { Redactor } from './create-redactor.js';
import type { RunEvent } from './run-event.js';

/** One event as a line of NDJSON (`JSON` + `\n`, no line break inside), credentials redacted. */
export function ndjsonLine(event: RunEvent, redactor: Redactor): string {
  const safe: RunEvent =
    event.event === 'exchange' || event.event === 'failure'
      ? { ...event, url: redactor.url(event.url) }
      : event;
  return `${redactor.text(JSON.stringify(safe))}\n`;
}
