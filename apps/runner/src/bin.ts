#!/usr/bin/env node
import { runCli } from './cli/run-cli.js';

// The first Ctrl-C stops the run gracefully (reports are still written, marked incomplete);
// a second one exits at once.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
});

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: interrupt.signal,
});
process.exitCode = code;
