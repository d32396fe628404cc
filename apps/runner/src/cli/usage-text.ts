import { mockDefaults, runDefaults } from './parse-cli-args.js';

/** The `--help` text of each command. */
export function usageText(topic?: 'run' | 'mock' | 'inspect'): string {
  const run = `Usage:
  assay run <spec> --base-url <url> [options]   fuzz a live server
  assay run <spec> --mock [options]              fuzz the built-in mock, in-process

Options of run:
  --operation <operationId | "METHOD /path">  repeatable; all operations when absent
  --tag <tag>                    repeatable
  --auth-bearer <token>          bearer token (also read from ASSAY_BEARER)
  --header "Name: value"         repeatable; sent with every request
  --max-examples <n>             generated requests per operation and mode (default ${runDefaults.maxExamples})
  --seed <n>                     same seed, same spec, same target: same requests
  --checks <ids>                 comma-separated check ids to run (default: all)
  --exclude-checks <ids>         comma-separated check ids to skip
  --concurrency <n>              requests in flight (default ${runDefaults.concurrency})
  --rate <n>                     requests per second (default: unlimited)
  --timeout <ms>                 per request (default ${runDefaults.timeoutMs})
  --time-budget <s>              stop sending after this many seconds
  --unsafe                       also send POST/PUT/PATCH/DELETE (default: GET, HEAD, OPTIONS only)
  --report json=<path> | junit=<path> | html=<path>   repeatable
  --shard <i>/<n>                run the i-th of n deterministic slices of the operations
  --quiet                        print only failures and the summary
  --no-shrink                    report failures as found, without shrinking them
  --max-body <bytes>             cap on response body reads (default ${runDefaults.maxBodyBytes})
  --fault <name>                 with --mock: inject a named fault (repeatable)
  --items <n>                    with --mock: items per list operation

Exit codes: 0 no failures, 1 failures found, 2 usage/config/spec error, 3 target unreachable
(130 when interrupted with Ctrl-C; the reports are still written, marked incomplete).`;
  const mock = `Usage:
  assay mock <spec> [--port ${mockDefaults.port}] [--host ${mockDefaults.host}] [--seed n] [--items n] [--token t] [--fault name]...

Serves a stateful mock of the spec over HTTP until interrupted.`;
  const inspect = `Usage:
  assay inspect <spec> [--json]

Prints what Assay understood of each operation: list or not, pagination convention, parameters
and metadata paths, filters, ordering, search, auth, and what it could not tell and why.`;
  if (topic === 'run') return run;
  if (topic === 'mock') return mock;
  if (topic === 'inspect') return inspect;
  return `assay: spec-driven API contract testing\n\n${run}\n\n${mock}\n\n${inspect}`;
}
