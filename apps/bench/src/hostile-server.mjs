// Child process of the hostile-memory benchmark: a node:http server on 127.0.0.1 that answers every
// request with one hostile body, chosen by argv[2]: `big` (300 MB, Content-Length declared),
// `endless` (chunked, never ends) or `gzip-bomb` (a small gzip body inflating to 300 MB). It runs
// in its own process so the client's peak RSS is the client's alone.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';

const kind = process.argv[2];
const mb = 1024 * 1024;
const chunk = Buffer.alloc(64 * 1024, 32);
const bomb = kind === 'gzip-bomb' ? gzipSync(Buffer.alloc(300 * mb, 32), { level: 9 }) : undefined;
if (!['big', 'endless', 'gzip-bomb'].includes(kind)) throw new Error(`unknown hostile body: ${kind}`);

/** Writes `chunk` until `total` bytes are out or the client goes away, honouring back-pressure. */
function pump(response, total) {
  let sent = 0;
  let closed = false;
  response.on('close', () => {
    closed = true;
  });
  const write = () => {
    while (!closed && sent < total) {
      sent += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', write);
        return;
      }
    }
    if (!closed) response.end();
  };
  write();
}

const server = createServer((request, response) => {
  request.resume();
  const json = { 'content-type': 'application/json' };
  if (kind === 'big') {
    response.writeHead(200, { ...json, 'content-length': String(300 * mb) });
    pump(response, 300 * mb);
  } else if (kind === 'endless') {
    response.writeHead(200, json);
    pump(response, Infinity);
  } else {
    response.writeHead(200, { ...json, 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
    response.end(bomb);
  }
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port, bombBytes: bomb?.length })}\n`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
