import { defineConfig } from 'vitest/config';

// Workspace packages resolve through their `source` export condition, so tests run on the
// TypeScript sources and need no build step. Tests here start whole vitest runs and npm installs:
// their bounds are generous on purpose (set-up limits, not performance targets).
const conditions = ['source', 'import', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 600_000 },
});
