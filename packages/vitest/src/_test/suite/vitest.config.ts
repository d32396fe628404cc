import { defineConfig } from 'vitest/config';

// The nested suite of describe-api.test.ts: resolves workspace packages from their sources, as the
// package's own tests do, and runs only the contract file.
const conditions = ['source', 'import', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: { include: ['*.contract.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
});
