import { mockDefaults, runDefaults } from './parse-cli-args.js';

/** The `--help` text of each command. */
export function usageText(topic?: 'run' | 'mock' | 'diff' | 'replay' | 'inspect'): string {
  const run = `Usage:
  assay run <spec> --base-url <url> [options]   fuzz a live server
  assay run <spec> --mock [options]              fuzz the built-in mock, in-process
  assay run [--target <name>]                     spec and target from assay.config.yaml

Options of run (each also a key of assay.config.yaml; a flag wins over the file):
  --config <file>                the config file (default: assay.config.yaml/.yml/.json in this folder)
  --target <name>                one of the config file's targets
  --operation <operationId | "METHOD /path">  repeatable; all operations when absent
  --tag <tag>                    repeatable
  --auth-bearer <token>          bearer token (also read from ASSAY_BEARER)
  --auth-basic <user:pass>       HTTP basic, for the spec's basic schemes (ASSAY_AUTH_BASIC)
  --auth-api-key [scheme=]<key>  API key, for every apiKey scheme or the one named (ASSAY_API_KEY)
  --oauth2-client-id <id>        OAuth2 client: its token is fetched from the scheme's tokenUrl
  --oauth2-client-secret <s>       (ASSAY_OAUTH2_CLIENT_ID / _CLIENT_SECRET / _TOKEN_URL / _USERNAME /
  --oauth2-token-url <url>         _PASSWORD); --oauth2-scope <scope> is repeatable; with
  --oauth2-username <u>            --oauth2-username/--oauth2-password the password grant is used
  --oauth2-password <p>
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
  --report json=<path> | junit=<path> | html=<path> | ndjson=<path> | github
                                 repeatable; json=- and ndjson=- write to stdout (the console
                                 then goes to stderr); github is on by itself under GITHUB_ACTIONS=true
  --max-failures <n>             stop after n distinct contract failures (errors do not count)
  --verbose                      outside a terminal, also a line per passing operation
  --color, --no-color            force colours on or off (default: on a terminal, unless NO_COLOR;
                                 FORCE_COLOR=1 forces them)
  --shard <i>/<n>                run the i-th of n deterministic slices of the operations
  --quiet                        print only failures and the summary
  --no-shrink                    report failures as found, without shrinking them
  --max-body <bytes>             cap on response body reads (default ${runDefaults.maxBodyBytes})
  --fault <name>                 with --mock: inject a named fault (repeatable)
  --items <n>                    with --mock: items per list operation

Environment: ASSAY_BEARER (the bearer token), ASSAY_MOCK_PORT (where a mock run's reproductions
start assay mock; 8080), NO_COLOR, FORCE_COLOR, GITHUB_ACTIONS / GITHUB_STEP_SUMMARY (GitHub output).

Exit codes: 0 no failures, 1 failures found, 2 usage/config/spec error, 3 target unreachable
(130 when interrupted with Ctrl-C; the reports are still written, marked incomplete).`;
  const replay = `Usage:
  assay replay <report.json> [--failure <n>] [--base-url <url>] [--auth-bearer <token>]

Re-sends the request of each failure of a JSON report (or of failure n, as the report numbers them
from 1) and says whether it still fails. A mock run's report is replayed against the same mock.
Credentials the report redacted come from --auth-bearer / ASSAY_BEARER and ASSAY_HEADER_<NAME>.
Exit codes: 0 nothing still fails, 1 a failure still fails, 2 usage error.`;
  const mock = `Usage:
  assay mock <spec> [--port ${mockDefaults.port}] [--host ${mockDefaults.host}] [--seed n] [--items n] [--token t] [--fault name]...

Serves a stateful mock of the spec over HTTP until interrupted.`;
  const diff = `Usage:
  assay diff <spec> --base-url <A> --against <B> [options of run]

Sends the same seeded requests to A and to B (every phase, the list walks included: they follow
A's answers, and B is asked exactly the same) and reports every difference in status, content type,
normalised body (keys unordered, server-made ids and timestamps and the config's volatile fields
ignored, arrays as multisets unless an ordering was asked for) and documented headers, each
labelled by which side breaks the spec. --report json=<path> writes them.

Exit codes: 0 no difference, 1 differences, 2 usage/config/spec error, 3 a target unreachable.`;
  const inspect = `Usage:
  assay inspect [<spec>] [--json] [--config <file>] [--target <name>]

Prints what Assay understood of each operation: list or not, pagination convention, parameters
and metadata paths, filters, ordering, search, auth, and what it could not tell and why. The
config file is read as assay run reads it, and its effect is shown per operation: skips, checks,
expected statuses, fixed parameters, volatile fields, requests, timeout, credentials per scheme.`;
  if (topic === 'run') return run;
  if (topic === 'diff') return diff;
  if (topic === 'mock') return mock;
  if (topic === 'replay') return replay;
  if (topic === 'inspect') return inspect;
  return `assay: spec-driven API contract testing\n\n${run}\n\n${diff}\n\n${inspect}\n\n${mock}\n\n${replay}\n\nassay --version (-V) prints the version.`;
}
