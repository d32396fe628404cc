import { PAGINATION_STYLES } from '@assay/model';
import { type Shape, shape } from './_internals/shape.js';

const checkIds = shape.array(shape.string(), 'Check ids, as listed in reports and accepted by --checks.');

const credentials = shape.object(
  {
    token: shape.string('http bearer, or a ready OAuth2/OpenID Connect access token.'),
    username: shape.string('http basic, or the OAuth2 password flow.'),
    password: { kind: 'string', description: 'With username.' },
    value: shape.string('apiKey: the value, wherever the scheme puts it (header, query or cookie).'),
    clientId: shape.string('OAuth2 client credentials: the token is fetched.'),
    clientSecret: shape.string(),
    scopes: shape.array(shape.string()),
    tokenUrl: shape.string('Overrides the scheme’s token URL.'),
  },
  'Credentials for one security scheme: {token}, {username, password}, {value}, or an OAuth2 client {clientId, …}.',
);

const auth = shape.object(
  {
    bearer: shape.string('A token for every http bearer scheme.'),
    basic: shape.object(
      { username: shape.string(), password: { kind: 'string' } },
      'Credentials for every http basic scheme.',
      ['username', 'password'],
    ),
    apiKey: shape.string('One value for every apiKey scheme (header, query or cookie).'),
    oauth2: shape.object(
      {
        clientId: shape.string(),
        clientSecret: shape.string(),
        scopes: shape.array(shape.string()),
        username: shape.string('With password: the OAuth2 password grant.'),
        password: { kind: 'string' },
        tokenUrl: shape.string('Overrides the scheme’s token URL.'),
      },
      'An OAuth2 client for every oauth2 and openIdConnect scheme: its token is fetched (--oauth2-*).',
      ['clientId'],
    ),
    schemes: shape.map(credentials, 'Credentials by scheme name in the spec’s securitySchemes; these win.'),
  },
  'How to authenticate, mapped onto the spec’s securitySchemes.',
);

/** Keys of `assay run` that the top level and each target may set. */
const runKeys: Record<string, Shape> = {
  baseUrl: shape.string('The server to test, e.g. https://staging.example.com/api/v3 (--base-url).'),
  mock: shape.boolean('Test the built-in mock instead of a server (--mock).'),
  auth,
  headers: shape.map({ kind: 'string' }, 'Headers sent with every request (--header).', 'header name'),
  maxExamples: shape.integer(0, 1_000_000, 'Generated requests per operation and mode (--max-examples).'),
  seed: shape.integer(0, 0xffffffff, 'Same seed, same spec, same target: same requests (--seed).'),
  checks: { ...checkIds, description: 'Check ids to run; default all (--checks).' },
  excludeChecks: { ...checkIds, description: 'Check ids to skip (--exclude-checks).' },
  concurrency: shape.integer(1, 1024, 'Requests in flight (--concurrency).'),
  rate: shape.positive('Requests per second (--rate).'),
  timeout: shape.integer(1, 3_600_000, 'Per request, in milliseconds (--timeout).'),
  timeBudget: shape.positive('Stop sending after this many seconds (--time-budget).'),
  unsafe: shape.boolean('Also send POST, PUT, PATCH and DELETE (--unsafe).'),
  reports: shape.object(
    {
      json: shape.string('A path, or - for stdout.'),
      junit: shape.string(),
      html: shape.string(),
      ndjson: shape.string('A path, or - for stdout: one event per line as the run goes.'),
      github: shape.boolean('GitHub Actions step summary and annotations (--report github).'),
    },
    'Report files by kind, relative to the config file (--report kind=path).',
  ),
  shard: shape.string('The i-th of n deterministic slices, written i/n (--shard).'),
  quiet: shape.boolean('Print only failures and the summary (--quiet).'),
  verbose: shape.boolean('Also a line per passing operation in plain output (--verbose).'),
  maxFailures: shape.integer(
    1,
    1_000_000,
    'Stop after this many distinct contract failures (--max-failures).',
  ),
  color: shape.boolean(
    'Colours on (true) or off (false); default: the environment decides (--color, --no-color).',
  ),
  shrink: shape.boolean('Shrink failures to smaller requests; false is --no-shrink.'),
  maxBody: shape.integer(1, 1024 ** 3, 'Cap on response body reads, in bytes (--max-body).'),
  faults: shape.array(shape.string(), 'With mock: named faults to inject (--fault).'),
  items: shape.integer(0, 100_000, 'With mock: items per list operation (--items).'),
};

const bodyPath = shape.either([
  shape.string('Dotted, e.g. pagination.count.'),
  shape.array(shape.string(), 'Property names from the root.'),
]);

const list: Shape = {
  kind: 'object',
  open: true,
  description:
    'The list description of this operation (passed to the spec loader, which validates the keys not listed here).',
  properties: {
    style: shape.string('How the list paginates.', { enum: PAGINATION_STYLES }),
    pageParam: shape.string(),
    pageSizeParam: shape.string(),
    limitParam: shape.string(),
    offsetParam: shape.string(),
    cursorParam: shape.string(),
    firstPage: shape.integer(0, 1_000_000, 'The number of the first page (default 1).'),
    countPath: bodyPath,
    nextPath: bodyPath,
    previousPath: bodyPath,
    currentPath: bodyPath,
    totalPagesPath: bodyPath,
    startIndexPath: bodyPath,
    endIndexPath: bodyPath,
    hasMorePath: bodyPath,
    defaultPageSize: shape.integer(1, 1_000_000),
    maxPageSize: shape.integer(1, 1_000_000),
  },
};

const status = shape.either([shape.integer(100, 599), shape.string('A status range such as 4XX.')]);

/** The keys of one entry of `operations`. */
const operationSettingsShape = shape.object(
  {
    list,
    checks: { ...checkIds, description: 'Only these checks on the matched operations.' },
    excludeChecks: { ...checkIds, description: 'Not these checks on the matched operations.' },
    expectedStatuses: shape.map(
      shape.array(status),
      'Per check id: statuses that count as expected (e.g. status-code-conformance: [422]).',
      'check id',
    ),
    parameters: shape.map(
      shape.any(),
      'Per parameter name: a fixed value, or {examples: [...]} to draw from (ids that exist).',
      'parameter name',
    ),
    volatile: shape.array(
      shape.string(),
      'JSON pointers of response fields that change on every call (ids, timestamps); * matches any array index.',
    ),
    volatileHeaders: shape.array(
      shape.string(),
      'Response header names whose values change on every call (etag, date, x-request-id); case-insensitive.',
    ),
    maxExamples: shape.integer(0, 1_000_000, 'Generated requests per mode for these operations.'),
    timeout: shape.integer(1, 3_600_000, 'Per request, in milliseconds, for these operations.'),
    skip: shape.string('Do not test these operations; the reason shows in reports.'),
  },
  'Settings for the operations a selector matches.',
);

/** The whole config file, as the reader validates it and the JSON Schema describes it. */
export const configFileShape = shape.object(
  {
    $schema: shape.string('The JSON Schema of this file, for editors.'),
    spec: shape.string('The OpenAPI document, relative to this file (the <spec> argument wins).'),
    target: shape.string('The target used when --target is not given.'),
    targets: shape.map(
      shape.object(runKeys, 'Settings of one target; they win over the top level.'),
      'Named environments (--target name).',
      'target name',
    ),
    plugins: shape.array(shape.string(), 'Modules exporting checks and hooks, relative to this file.'),
    only: shape.object(
      {
        operations: shape.array(shape.string(), 'operationIds or "METHOD /path" (--operation).'),
        tags: shape.array(shape.string(), 'Tags (--tag).'),
      },
      'Which operations to test.',
    ),
    operations: shape.map(
      operationSettingsShape,
      'Per-operation settings, keyed by selector: an operationId, "METHOD /path", "tag:name", or a path glob starting with / (* one segment, ** any).',
      'selector',
    ),
    ...runKeys,
  },
  'Assay configuration (assay.config.yaml).',
);
