// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the config file's ${VAR} syntax is what these tests are about
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSchemaValidator } from '@assay/checks';
import type { JsonSchema } from '@assay/model';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { realisticConfig } from './_test/realistic-config.js';
import { configJsonSchema } from './config-json-schema.js';
import { parseConfigText } from './parse-config-text.js';

const published = fileURLToPath(new URL('../../assay.config.schema.json', import.meta.url));

describe('configJsonSchema', () => {
  it('is what the package publishes (ASSAY_WRITE_SCHEMA=1 rewrites the file)', () => {
    if (process.env.ASSAY_WRITE_SCHEMA === '1') {
      writeFileSync(published, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
    }
    expect(JSON.parse(readFileSync(published, 'utf8'))).toEqual(configJsonSchema());
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(manifest.files).toContain('assay.config.schema.json');
  });

  const validator = createSchemaValidator({});
  const schema = configJsonSchema() as JsonSchema;
  const valid = (text: string) => validator.isValid(schema, parse(text));

  it('accepts what the reader accepts and rejects what it rejects', () => {
    const samples = [
      realisticConfig,
      'maxExamples: ${N:-7}\nunsafe: ${UNSAFE:-false}',
      'operations:\n  l:\n    list: {style: cursor, itemsPath: data}',
      'maxExampels: 5',
      'concurrency: 0',
      'operations:\n  a:\n    skip: ""',
      'targets:\n  a:\n    auth: {basic: {username: u}}',
      'only: {operations: listUsers}',
    ];
    for (const text of samples) {
      let reader = true;
      try {
        parseConfigText(text, 'c.yaml', { STAGING_TOKEN: 't', N: '3', UNSAFE: 'true' });
      } catch {
        reader = false;
      }
      expect({ text, valid: valid(text) }).toEqual({ text, valid: reader });
    }
  });
});
