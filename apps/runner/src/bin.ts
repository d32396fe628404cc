#!/usr/bin/env node
// The first Ctrl-C stops the run gracefully (reports are still written, marked incomplete);
// a second one exits at once.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
});

// An error no code path caught (a stray callback, a stream without an error listener) is a bug in
// Assay; it still ends as the CLI promises: one line on stderr, exit 2, the stack only on request.
const crash = (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `assay: internal error: ${message.replace(/\s*\n\s*/g, ' ').trim()} (this is a bug in assay; please report it)\n`,
  );
  if (process.env.ASSAY_DEBUG !== undefined && error instanceof Error)
    process.stderr.write(`${error.stack}\n`);
  process.exit(2);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

// Imported only now, so the handlers above also cover the loading of the CLI's modules.
const { runCli } = await import('./cli/run-cli.js');

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: interrupt.signal,
});
process.exitCode = code;
