import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { folderWith, runInFolder } from './_test/run-in-folder.js';
import { thingsSpec } from './_test/things-spec.js';

const plugin = fileURLToPath(new URL('./_test/tenant-plugin.ts', import.meta.url));
const config = `spec: openapi.json\nmock: true\nseed: 3\nmaxExamples: 15\nplugins: [${JSON.stringify(plugin)}]\n`;

interface JsonFailure {
  check: string;
  request: { headers: Record<string, string> };
  reproduce: string;
}

async function run(extra: string) {
  const dir = await folderWith({ 'openapi.json': thingsSpec, 'assay.config.yaml': `${config}${extra}` });
  const result = await runInFolder(dir, ['--report', 'json=r.json'], { ASSAY_TEST_GATEWAY: 'g7' });
  const json = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8')) as { failures: JsonFailure[] };
  return { ...result, failures: json.failures };
}

describe('checks judge the request as the hooks changed it', () => {
  it('shows the hook’s headers to the checks, the report and the curl, secrets redacted', async () => {
    const result = await run('faults: [schema-break]\n');
    expect(result.wire.length).toBeGreaterThan(10);
    for (const entry of result.wire) expect(entry.headers['x-tenant']).toBe('acme');
    // The plugin's check saw every request with its tenant: nothing to report.
    expect(result.failures.filter((f) => f.check === 'tenant-sent')).toEqual([]);
    const broken = result.failures.find((f) => f.check === 'response-schema-conformance');
    expect(broken).toBeDefined();
    expect(broken!.request.headers['x-tenant']).toBe('acme');
    expect(broken!.request.headers['x-gateway-token']).toBe('[REDACTED]');
    expect(broken!.reproduce).toContain("-H 'x-tenant: acme'");
    expect(broken!.reproduce).toMatch(/x-gateway-token: (\[REDACTED\]|\$)/);
    for (const entry of result.wire) {
      expect(result.stdout).not.toContain(entry.headers['x-gateway-token']);
      expect(JSON.stringify(result.failures)).not.toContain(entry.headers['x-gateway-token']);
    }
  });
});
