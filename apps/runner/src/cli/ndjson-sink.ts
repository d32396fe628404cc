import { closeSync, openSync, writeSync } from 'node:fs';
import type { Redactor } from '../report/create-redactor.js';
import { ndjsonLine } from '../report/ndjson-line.js';
import type { RunEvent } from '../report/run-event.js';
import type { CliStream } from './cli-io.js';

/** Where `--report ndjson=<path|->` events go, written as they happen. */
export interface NdjsonSink {
  /** Writes one event; `time` is filled in. */
  emit(event: DistributiveOmit<RunEvent, 'time'>): void;
  /** Whether any target listens (the caller can skip building events nobody reads). */
  readonly active: boolean;
  close(): void;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * An event sink for each `--report ndjson=` target: `-` is stdout, anything else a file truncated at
 * the start of the run and written line by line (synchronously, so a reader tailing it, or a run
 * killed half-way, sees whole lines up to the last event).
 */
export function ndjsonSink(paths: readonly string[], stdout: CliStream, redactor: Redactor): NdjsonSink {
  const files = paths.filter((p) => p !== '-').map((path) => openSync(path, 'w'));
  const toStdout = paths.includes('-');
  return {
    active: files.length > 0 || toStdout,
    emit(event) {
      if (files.length === 0 && !toStdout) return;
      const line = ndjsonLine({ ...event, time: new Date().toISOString() } as RunEvent, redactor);
      for (const fd of files) writeSync(fd, line);
      if (toStdout) stdout.write(line);
    },
    close() {
      for (const fd of files.splice(0)) closeSync(fd);
    },
  };
}
