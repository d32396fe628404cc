#!/usr/bin/env node
// The `assay` command as npm links it. npm creates the link when it installs, before anything is
// built, so the linked file is this committed one; the CLI itself is the build output.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'assay: the CLI is not built (apps/runner/dist/bin.js is missing): run `npm run build` at the repository root\n',
  );
  process.exit(2);
}
await import(entry.href);
