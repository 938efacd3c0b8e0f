/**
 * The load generator, forked as its own process so it neither shares the server's event loop nor its
 * V8 heap: `concurrency` lanes over a keep-alive node:http agent, each POSTing signed orders/create
 * webhooks back to back. node:http rather than fetch: on this machine fetch cost 0.5-0.8 ms of client
 * CPU per 15 KB POST, against about 0.1 ms, and capped the baseline near 1,500 req/s.
 *
 * Protocol: the parent sends the options; after `warmupMs` the child sends { type: 'measuring' },
 * after `durationMs` (or `maxRequests` issued) { type: 'result', result }, and exits once the parent
 * disconnects (so the parent can read the child's CPU time while it is still alive). Latency runs
 * from just before the request to the end of the response body.
 *
 * With `rate` set the load is open loop instead (`runOpenLoop`): request i is due at start + i/rate
 * whatever the answers so far, and its latency counts from that scheduled time, so a server that
 * falls behind is charged for the wait it causes. The result lists each request's order id and
 * scheduled time (epoch ms), for the end-to-end phase to match with the sandbox's arrival times.
 */
const http = require('node:http');
const { performance } = require('node:perf_hooks');

const { orderBody, orderIdFor, orderTemplate, webhookHeaders } = require('./shopify-requests');
const { percentile } = require('./stats');

const REQUEST_TIMEOUT_MS = 10_000;

function post(agent, target, headers, body) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        hostname: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

async function run({ url, secret, shop, phase, concurrency, warmupMs, durationMs, maxRequests }) {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const template = orderTemplate(new Date(), shop);
  const startedAt = performance.now();
  const measureFrom = startedAt + warmupMs;
  const stopAt = measureFrom + durationMs;
  const latencies = [];
  const statuses = {};
  let issued = 0;
  let failures = 0;
  let acceptedTotal = 0;
  let lastMeasuredEnd = measureFrom;
  let cpuMark;

  setTimeout(() => {
    cpuMark = process.cpuUsage();
    process.send({ type: 'measuring' });
  }, warmupMs);

  const lane = async () => {
    while (performance.now() < stopAt && issued < maxRequests) {
      const sequence = issued++;
      const body = orderBody(template, orderIdFor(phase, sequence));
      const headers = webhookHeaders({ topic: 'orders/create', shop, body, secret, webhookId: `bench-${phase}-${sequence}` });
      const sentAt = performance.now();
      let status;
      try {
        status = await post(agent, target, headers, body);
        if (status === 200) acceptedTotal += 1;
      } catch {
        failures += 1;
      }
      const endedAt = performance.now();
      if (sentAt >= measureFrom && endedAt <= stopAt) {
        latencies.push(endedAt - sentAt);
        const key = status ?? 'no answer';
        statuses[key] = (statuses[key] ?? 0) + 1;
        lastMeasuredEnd = Math.max(lastMeasuredEnd, endedAt);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  agent.destroy();

  const clientCpu = cpuMark && process.cpuUsage(cpuMark);
  return {
    issued,
    failures,
    acceptedTotal,
    statuses,
    measured: latencies.length,
    windowMs: lastMeasuredEnd - measureFrom,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    clientCpuMicros: clientCpu ? clientCpu.user + clientCpu.system : undefined,
  };
}

/** Open loop: `rate` webhooks a second for `durationMs`, each sent at its scheduled time (or at once when late). */
async function runOpenLoop({ url, secret, shop, phase, rate, durationMs, maxSockets = 256 }) {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const template = orderTemplate(new Date(), shop);
  const total = Math.round((rate * durationMs) / 1000);
  const interval = 1000 / rate;
  const requests = [];
  const statuses = {};
  const inFlight = [];
  let failures = 0;
  const cpuMark = process.cpuUsage();
  const startedAt = performance.now();

  const fire = (sequence) => {
    const scheduled = startedAt + sequence * interval;
    const orderId = orderIdFor(phase, sequence);
    const body = orderBody(template, orderId);
    const headers = webhookHeaders({ topic: 'orders/create', shop, body, secret, webhookId: `open-${phase}-${sequence}` });
    const entry = { orderId, scheduledAt: performance.timeOrigin + scheduled, ackMs: Number.NaN, status: 'no answer' };
    requests.push(entry);
    inFlight.push(
      post(agent, target, headers, body).then(
        (status) => {
          entry.status = status;
          entry.ackMs = performance.now() - scheduled;
        },
        () => {
          failures += 1;
        },
      ),
    );
  };
  await new Promise((done) => {
    let issued = 0;
    const tick = () => {
      while (issued < total && startedAt + issued * interval <= performance.now()) fire(issued++);
      if (issued >= total) return done();
      setTimeout(tick, Math.max(0, startedAt + issued * interval - performance.now()));
    };
    tick();
  });
  await Promise.all(inFlight);
  agent.destroy();
  for (const { status } of requests) statuses[status] = (statuses[status] ?? 0) + 1;
  const clientCpu = process.cpuUsage(cpuMark);
  return {
    issued: requests.length,
    failures,
    statuses,
    windowMs: performance.now() - startedAt,
    ackP50Ms: percentile(requests.map((entry) => entry.ackMs).filter(Number.isFinite), 50),
    ackP99Ms: percentile(requests.map((entry) => entry.ackMs).filter(Number.isFinite), 99),
    requests: requests.map(({ orderId, scheduledAt, status }) => [orderId, scheduledAt, status]),
    clientCpuMicros: clientCpu.user + clientCpu.system,
  };
}

// Keeps the IPC channel (and so this process) alive until the parent disconnects.
process.on('disconnect', () => process.exit(0));
process.once('message', (options) => {
  (options.rate ? runOpenLoop(options) : run(options)).then(
    (result) => process.send({ type: 'result', result }),
    (error) => process.send({ type: 'error', message: error instanceof Error ? error.stack : String(error) }),
  );
});
