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
  it('has one testcase per operation × selected check, failures as <failure>, errors as <error>', () => {
    const xml = junitReport(sampleReport(), { hostname: 'ci-runner-7' });
    expect(xmlProblems(xml)).toEqual([]);
    // list: 3 checks + response-timeout (an error, not a selected check); retrieve and create: 3 each.
    expect(count(xml, /<testcase /g)).toBe(10);
    expect(count(xml, /<testsuite /g)).toBe(3);
    expect(xml).toContain(
      '<testsuites name="assay" tests="10" failures="1" errors="1" skipped="4" time="1.234">',
    );
    expect(xml).toMatch(
      /<testcase name="response-schema-conformance" classname="stages_identification_list" time="[\d.]+">\s*<failure message="\/results\/0\/pk: must be string" type="response-schema-conformance">/,
    );
    expect(xml).toMatch(
      /<testcase name="response-timeout" classname="stages_identification_list" [^>]*>\s*<error /,
    );
    expect(xml).toContain(
      '<testcase name="not-a-server-error" classname="stages_identification_retrieve" time="0.000"/>',
    );
    expect(xml).toContain('reproduce: curl -i -X GET');
    expect(xml).toContain('<property name="seed" value="42"/>');
  });

  it('skips, with why, every check not applicable or not tested, and never passes an untested operation', () => {
    const xml = junitReport(sampleReport(), { hostname: 'ci-runner-7' });
    expect(xml).toMatch(
      /<testcase name="pagination-page-size" classname="stages_identification_retrieve" [^>]*>\s*<skipped message="not applicable: the operation is not a list"\/>/,
    );
    const create = xml.slice(xml.indexOf('<testsuite name="POST /stages/identification/"'));
    expect(create).toContain('tests="3" failures="0" errors="0" skipped="3"');
    expect(count(create, /<skipped message="not tested: POST is not sent without --unsafe"\/>/g)).toBe(3);
    expect(create).toContain('<property name="state" value="not-tested"/>');
    expect(create).not.toMatch(/<testcase [^>]*\/>/);
  });

  it('stamps suites with timestamp and hostname, and testcases with the time of what they judged', () => {
    const xml = junitReport(sampleReport(), { hostname: 'ci-runner-7' });
    expect(count(xml, /timestamp="2026-12-04T18:00:00" hostname="ci-runner-7"/g)).toBe(3);
    // list: 8 responses, 1238 ms in all; each of its checks judged all 8.
    expect(xml).toContain(
      '<testcase name="not-a-server-error" classname="stages_identification_list" time="1.238"/>',
    );
    expect(junitReport(sampleReport())).toMatch(/hostname="[^"]+"/);
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
