/**
 * The ingest baselines: a bare Fastify 5 server (the version the app uses) that answers 200 to the
 * webhook POST after Fastify's own JSON.parse of the body, and a bare `node:http` server doing the
 * same (read the body, JSON.parse, answer). No HMAC, no logging, no database: the cost of HTTP and
 * parsing alone on this machine, as anchors 2b and 2a measured them elsewhere.
 */
const http = require('node:http');

const { fromWeb } = require('./workspace');

/** The app's default webhook body limit, so both servers accept the same bodies. */
const BODY_LIMIT = 4 * 1024 * 1024;

async function startBaselineServer() {
  const Fastify = fromWeb('fastify');
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT });
  app.post('/api/webhooks', async () => ({ ok: true }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}

function startNodeHttpBaselineServer() {
  const server = http.createServer((request, response) => {
    const chunks = [];
    let bytes = 0;
    request.on('data', (chunk) => {
      bytes += chunk.length;
      if (bytes > BODY_LIMIT) request.destroy();
      else chunks.push(chunk);
    });
    request.on('end', () => {
      let status = 200;
      try {
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        status = 400;
      }
      const body = status === 200 ? '{"ok":true}' : '{"error":"Body is not valid JSON"}';
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      response.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

module.exports = { startBaselineServer, startNodeHttpBaselineServer };
