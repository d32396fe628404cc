// Child process of the throughput benchmark: a minimal node:http server on 127.0.0.1 answering every
// request with one valid identification page (read once from the file given as argv[2]). With
// `vary` as argv[3], every response differs from the last: the first item's name carries a
// counter (same length, so the page stays valid and the same size, and a body compared with the
// previous one differs only some way into it). It runs in its own process so that it and the client
// share the machine's cores as a real deployment would, and neither starves the other's event loop.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const body = Buffer.from(readFileSync(process.argv[2], 'utf8'));
const vary = process.argv[3] === 'vary';
const headers = { 'content-type': 'application/json', 'content-length': String(body.length) };
const name = JSON.parse(body.toString()).results[0].name;
// Where the name's last eight characters are in the body.
const at = body.indexOf(Buffer.from(JSON.stringify(name))) + 1 + Buffer.byteLength(name) - 8;
if (vary && (at <= 0 || name.length < 8 || /[^ -~]/.test(name)))
  throw new Error('the page has no ASCII item name long enough to vary');
let counter = 0;
const respond = () => {
  if (!vary) return body;
  // Eight digits in place of the name's last eight characters: unique for 10^8 responses.
  counter = (counter + 1) % 1e8;
  const digits = Buffer.from(String(counter).padStart(8, '0'));
  return Buffer.concat([body.subarray(0, at), digits, body.subarray(at + 8)], body.length);
};
const server = createServer((request, response) => {
  request.resume();
  response.writeHead(200, headers);
  response.end(respond());
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
