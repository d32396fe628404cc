import { defineConfig } from 'vitest/config';

// Workspace packages resolve through their `source` export condition, so tests run on the
// TypeScript sources and need no build step.
const conditions = ['source', 'import', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
