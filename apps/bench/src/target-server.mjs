// Child process of the throughput benchmark: a minimal node:http server on 127.0.0.1 answering every
// request with one fixed, valid identification page (read once from the file given as argv[2]).
// It runs in its own process so that it and the client share the machine's cores as a real
// deployment would, and neither starves the other's event loop.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const body = Buffer.from(readFileSync(process.argv[2], 'utf8'));
const headers = { 'content-type': 'application/json', 'content-length': String(body.length) };
const server = createServer((request, response) => {
  request.resume();
  response.writeHead(200, headers);
  response.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
