import { escapeTerminal } from './_internals/escape-terminal.js';
import { palette } from './_internals/palette.js';
import type { Redactor } from './create-redactor.js';

/** What the run header names: all known before the first request. */
export interface RunHeader {
  version: string;
  seed: number;
  spec: string;
  target: string;
  configFile?: string;
}

/**
 * The first line of a run's console output: version, seed, spec, target and configuration file,
 * printed before anything is sent, so a run cut short still says how to repeat it.
 */
export function formatHeader(
  header: RunHeader,
  options: { color?: boolean; redactor?: Redactor } = {},
): string {
  const paint = palette(options.color === true);
  const text = (value: string): string => escapeTerminal(options.redactor?.text(value) ?? value);
  const url = (value: string): string => escapeTerminal(options.redactor?.url(value) ?? value);
  const config = header.configFile === undefined ? '' : ` · config ${text(header.configFile)}`;
  return `${paint.bold(`assay ${text(header.version)}`)}${paint.dim(
    ` · seed ${header.seed} · ${url(header.spec)} → ${url(header.target)}${config}`,
  )}\n`;
}
