import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runReportArbitrary, sampleReport, secretInReportArbitrary, TOKEN } from './_test/sample-report.js';
import { xmlProblems } from './_test/xml-well-formed.js';
import { createRedactor } from './create-redactor.js';
import { junitReport } from './junit-report.js';

const count = (xml: string, pattern: RegExp): number => [...xml.matchAll(pattern)].length;

describe('xmlProblems (the test helper)', () => {
  it('accepts well-formed XML and catches the usual breakages', () => {
    expect(xmlProblems('<?xml version="1.0"?><a x="1 &amp; 2"><b/>t&#10;</a>')).toEqual([]);
    expect(xmlProblems('<a><b></a>')).not.toEqual([]);
    expect(xmlProblems('<a x="<"/>')).not.toEqual([]);
    expect(xmlProblems('<a>&nbsp;</a>')).not.toEqual([]);
    expect(xmlProblems('<a>\u0001</a>')).not.toEqual([]);
    expect(xmlProblems('<a/><b/>')).not.toEqual([]);
    expect(xmlProblems('<a x="1" x="2"/>')).not.toEqual([]);
  });
});

describe('junitReport', () => {
  it('has one testcase per operation × check that ran, failures as <failure>, errors as <error>', () => {
    const xml = junitReport(sampleReport());
    expect(xmlProblems(xml)).toEqual([]);
    // list: 3 checks + response-timeout (an error, not a listed check); retrieve: 2 checks.
    expect(count(xml, /<testcase /g)).toBe(6);
    expect(count(xml, /<testsuite /g)).toBe(2);
    expect(xml).toContain('<testsuites name="assay" tests="6" failures="1" errors="1" time="1.234">');
    expect(xml).toMatch(
      /<testcase name="response-schema-conformance" classname="stages_identification_list">\s*<failure message="\/results\/0\/pk: must be string" type="response-schema-conformance">/,
    );
    expect(xml).toMatch(
      /<testcase name="response-timeout" classname="stages_identification_list">\s*<error /,
    );
    expect(xml).toContain('<testcase name="not-a-server-error" classname="stages_identification_retrieve"/>');
    expect(xml).toContain('reproduce: curl -X GET');
    expect(xml).toContain('<property name="seed" value="42"/>');
  });

  it('lets a warning pass, with its details in system-out', () => {
    const report = sampleReport();
    report.failures = [{ ...report.failures[0]!, severity: 'warning' }];
    const xml = junitReport(report);
    expect(xml).not.toContain('<failure');
    expect(xml).toMatch(/<testcase name="response-schema-conformance" [^>]*>\s*<system-out>warning: /);
  });

  it('folds several findings of one check into one failure element', () => {
    const report = sampleReport();
    const first = report.failures[0]!;
    report.failures = [first, { ...first, message: 'second bug' }];
    const xml = junitReport(report);
    expect(count(xml, /<failure /g)).toBe(1);
    expect(xml).toContain('(and 1 more)');
    expect(xml).toContain('second bug');
  });

  it('stays well-formed XML for any strings, control characters and lone surrogates included', () => {
    fc.assert(
      fc.property(runReportArbitrary(fc.string({ unit: 'binary', maxLength: 20 })), (report) => {
        expect(xmlProblems(junitReport(report))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('escapes markup in messages and bodies', () => {
    const report = sampleReport();
    report.failures[0]!.message = '</failure></testcase><injected a="b"/>';
    const xml = junitReport(report);
    expect(xml).not.toContain('<injected');
    expect(xml).toContain('&lt;/failure&gt;');
  });

  it('never contains the bearer token', () => {
    expect(junitReport(sampleReport(), { redactor: createRedactor({ bearer: TOKEN }) })).not.toContain(TOKEN);
    fc.assert(
      fc.property(secretInReportArbitrary(), ({ secret, report }) => {
        const xml = junitReport(report, { redactor: createRedactor({ bearer: secret }) });
        expect(xml).not.toContain(secret);
        expect(xmlProblems(xml)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
