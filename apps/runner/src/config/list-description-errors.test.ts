import { describe, expect, it } from 'vitest';
import { captureIo } from '../_test/capture-io.js';
import { runCli } from '../cli/run-cli.js';
import { folderWith } from './_test/run-in-folder.js';
import { thingsSpec } from './_test/things-spec.js';

async function refused(list: string, command: 'run' | 'inspect' = 'inspect') {
  const config = `spec: openapi.json\nmock: true\noperations:\n  listThings:\n    list:\n${list}`;
  const dir = await folderWith({ 'openapi.json': thingsSpec, 'assay.config.yaml': config });
  const out = captureIo({}, { cwd: dir });
  const code = await runCli([command], out.io);
  return { code, stderr: out.stderr };
}

describe('a list description the loader refuses', () => {
  it('is reported at the line and column of the offending key, nested keys included', async () => {
    const syntax = await refused(
      '      style: limit-offset\n      limitParam: take\n      ordering:\n        param: o\n        syntax: backwards\n',
    );
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(
      /^assay: config: assay\.config\.yaml:10:9: operations\.listThings\.list\.ordering\.syntax: must be one of .+\n$/,
    );
    const kind = await refused(
      '      style: limit-offset\n      filters:\n        - {param: name, property: name, kind: fuzzy}\n',
      'run',
    );
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(
      /^assay: config: assay\.config\.yaml:8:41: operations\.listThings\.list\.filters\.0\.kind: must be equality or text\.\n$/,
    );
  });

  it('names an unknown key where it is written', async () => {
    const typo = await refused('      style: limit-offset\n      limitParm: take\n');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(
      /^assay: config: assay\.config\.yaml:7:7: operations\.listThings\.list\.limitParm: is not a list description key; use .*limitParam/,
    );
  });
});
