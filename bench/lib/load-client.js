/**
 * Runs the load generator process against a URL and summarizes what it saw, together with the CPU
 * this process (the server under test) and every other process on the machine spent in the same
 * window.
 */
const { fork } = require('node:child_process');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const machine = require('./machine-load');
const { processCpuSince } = require('./stats');

/**
 * Forks the load generator and sends it `options`. Resolves to what `finish` makes of its result;
 * `onMeasuring` runs when it reports that its measured window begins.
 */
function runGenerator(options, finish, onMeasuring = () => undefined) {
  return new Promise((resolve, reject) => {
    // execArgv: [] so flags given to the benchmark (--cpu-prof, say) stay with the server.
    const child = fork(path.join(__dirname, 'load-client-process.js'), [], { execArgv: [] });
    machine.ownProcess(child.pid);
    child.on('message', (message) => {
      if (message.type === 'measuring') {
        onMeasuring();
        return;
      }
      if (message.type === 'result') resolve(finish(message.result));
      else reject(new Error(`load generator failed: ${message.message}`));
      child.disconnect();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      machine.forgetProcess(child.pid);
      if (code !== 0) reject(new Error(`load generator exited with code ${code}`));
    });
    child.send(options);
  });
}

/**
 * @param {object} options url, secret, shop, phase (distinct per run sharing a database),
 *   concurrency, warmupMs, durationMs, maxRequests
 */
function runLoad(options) {
  let marks;
  return runGenerator(
    options,
    (result) => summarize(result, marks),
    () => {
      marks = { cpu: process.cpuUsage(), elu: performance.eventLoopUtilization(), machine: machine.snapshot() };
    },
  );
}

function summarize(result, marks) {
  const ok = result.statuses[200] ?? 0;
  const perRequest = (micros) => (micros !== undefined && result.measured > 0 ? micros / result.measured : undefined);
  return {
    /** Measured requests that did not get a 200 (another status, or no answer). */
    notOk: result.measured - ok,
    /** Requests without any answer, over the whole run. */
    failures: result.failures,
    /** 200 answers over the whole run, warm-up included: what the server should have stored. */
    acceptedTotal: result.acceptedTotal,
    statuses: result.statuses,
    perSecond: result.windowMs > 0 ? ok / (result.windowMs / 1000) : 0,
    p50Ms: result.p50Ms,
    p99Ms: result.p99Ms,
    serverCpuMicrosPerRequest: perRequest(marks && processCpuSince(marks.cpu)),
    serverUtilization: marks && performance.eventLoopUtilization(marks.elu).utilization,
    clientCpuMicrosPerRequest: perRequest(result.clientCpuMicros),
    load: marks && machine.loadBetween(marks.machine),
  };
}

/**
 * Open-loop load (see load-client-process.js): `rate` webhooks a second for `durationMs`. Resolves
 * to the generator's result, with this process's CPU and the other processes' load over the run.
 *
 * @param {object} options url, secret, shop, phase, rate, durationMs
 */
function runOpenLoad(options) {
  const marks = { cpu: process.cpuUsage(), machine: machine.snapshot() };
  return runGenerator(options, (result) => ({ ...result, serverCpuMicros: processCpuSince(marks.cpu), load: machine.loadBetween(marks.machine) }));
}

module.exports = { runLoad, runOpenLoad };
