import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssayError } from '@assay/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleReport, TOKEN } from './_test/sample-report.js';
import { xmlProblems } from './_test/xml-well-formed.js';
import { createRedactor } from './create-redactor.js';
import { writeReports } from './write-reports.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assay-reports-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeReports', () => {
  it('writes each requested format, creating folders, with no temporary file left', async () => {
    const redactor = createRedactor({ bearer: TOKEN });
    await writeReports(
      sampleReport(),
      [
        { format: 'json', path: join(dir, 'out', 'assay.json') },
        { format: 'junit', path: join(dir, 'out', 'junit.xml') },
        { format: 'html', path: join(dir, 'report.html') },
      ],
      { redactor },
    );
    expect((await readdir(join(dir, 'out'))).sort()).toEqual(['assay.json', 'junit.xml']);
    const json = await readFile(join(dir, 'out', 'assay.json'), 'utf8');
    expect(JSON.parse(json).tool).toBe('assay');
    expect(xmlProblems(await readFile(join(dir, 'out', 'junit.xml'), 'utf8'))).toEqual([]);
    expect(await readFile(join(dir, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    for (const name of ['out/assay.json', 'out/junit.xml', 'report.html']) {
      expect(await readFile(join(dir, name), 'utf8')).not.toContain(TOKEN);
    }
  });

  it('turns an unwritable path into a report-write error naming the path and --report, after writing the others', async () => {
    const blocker = join(dir, 'file');
    await writeFile(blocker, 'not a folder');
    const bad = join(blocker, 'junit.xml');
    const error = await writeReports(sampleReport(), [
      { format: 'junit', path: bad },
      { format: 'json', path: join(dir, 'ok.json') },
    ]).catch((e: unknown) => e);
    expect(AssayError.is(error)).toBe(true);
    const assayError = error as AssayError;
    expect(assayError.code).toBe('report-write');
    expect(assayError.details).toMatchObject({ flag: '--report', file: bad });
    expect(assayError.message).toContain(bad);
    expect(assayError.message).toContain('--report junit=<path>');
    expect((await readdir(dir)).sort()).toEqual(['file', 'ok.json']);
  });
});
