import { AssayError } from '@assay/model';
import { describe, expect, it } from 'vitest';
import { colorEnabled } from './color-enabled.js';
import { parseCliArgs } from './parse-cli-args.js';
import type { RunOptions } from './run-options.js';

const run = (...args: string[]): RunOptions => {
  const command = parseCliArgs(['run', 'spec.yaml', '--mock', ...args], {}, () => 42);
  if (command.command !== 'run') throw new Error('expected run');
  return command;
};

function usageLine(thunk: () => unknown): string {
  try {
    thunk();
  } catch (error) {
    if (AssayError.is(error) && error.code === 'usage') return error.message;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('the output flags of assay run', () => {
  it('reads --verbose, --max-failures, --color / --no-color and every report kind', () => {
    expect(run('--verbose', '--max-failures', '3', '--color')).toMatchObject({
      verbose: true,
      maxFailures: 3,
      color: true,
    });
    expect(run('--no-color')).toMatchObject({ color: false });
    expect('color' in run()).toBe(false);
    expect(
      run('--report', 'github', '--report', 'ndjson=-', '--report', 'json=-', '--report', 'ndjson=e.ndjson')
        .reports,
    ).toEqual([
      { kind: 'github', path: '' },
      { kind: 'ndjson', path: '-' },
      { kind: 'json', path: '-' },
      { kind: 'ndjson', path: 'e.ndjson' },
    ]);
  });

  it('refuses contradictions and reports that cannot go to stdout, naming the flag', () => {
    expect(usageLine(() => run('--color', '--no-color'))).toMatch(/^--color: /);
    expect(usageLine(() => run('--quiet', '--verbose'))).toMatch(/^--verbose: /);
    expect(usageLine(() => run('--report', 'junit=-'))).toMatch(/^--report: junit=-: only json and ndjson/);
    expect(usageLine(() => run('--max-failures', '0'))).toMatch(/^--max-failures: /);
  });

  it('parses assay replay', () => {
    expect(parseCliArgs(['replay', 'r.json', '--failure', '2'], {}, () => 1)).toEqual({
      command: 'replay',
      report: 'r.json',
      failure: 2,
    });
    expect(usageLine(() => parseCliArgs(['replay'], {}, () => 1))).toMatch(/missing <report\.json>/);
    expect(usageLine(() => parseCliArgs(['replay', 'r.json', '--failure', '0'], {}, () => 1))).toMatch(
      /^--failure: /,
    );
    expect(parseCliArgs(['replay', '--help'], {}, () => 1)).toEqual({ command: 'help', topic: 'replay' });
  });
});

describe('colorEnabled', () => {
  it('decides as other Node CLIs: flag, then FORCE_COLOR, then NO_COLOR, then the TTY', () => {
    expect(colorEnabled(undefined, {}, true)).toBe(true);
    expect(colorEnabled(undefined, {}, false)).toBe(false);
    expect(colorEnabled(undefined, { TERM: 'dumb' }, true)).toBe(false);
    expect(colorEnabled(undefined, { NO_COLOR: '1' }, true)).toBe(false);
    // An empty NO_COLOR does not count (no-color.org).
    expect(colorEnabled(undefined, { NO_COLOR: '' }, true)).toBe(true);
    expect(colorEnabled(undefined, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(colorEnabled(undefined, { FORCE_COLOR: '', NO_COLOR: '1' }, false)).toBe(true);
    expect(colorEnabled(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(colorEnabled(undefined, { FORCE_COLOR: 'false' }, true)).toBe(false);
    expect(colorEnabled(false, { FORCE_COLOR: '1' }, true)).toBe(false);
    expect(colorEnabled(true, { NO_COLOR: '1' }, false)).toBe(true);
  });
});
