import { defineConfig } from 'vitest/config';

const conditions = ['source', 'import', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  // The sample spawns the built CLI, two specs at a time: generous limits on a loaded 2-core machine.
  test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 1_800_000 },
});
