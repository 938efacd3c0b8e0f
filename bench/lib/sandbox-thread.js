/**
 * Core's Graph sandbox in a thread of its own, so checking 1,000-event requests does not take turns
 * with the worker under test on one event loop (the anchors ran their fake Graph on the other core).
 *
 * Messages: the thread posts { type: 'ready', url }; it answers 'totals' with { type: 'totals',
 * totals } (the sandbox's counts plus the CPU microseconds this thread used, when Node can tell) and
 * 'close' by closing the sandbox and exiting.
 */
const { isMainThread, parentPort, Worker } = require('node:worker_threads');

const { built } = require('./workspace');

if (isMainThread) {
  module.exports = { startSandboxThread };
} else {
  // A failure to start rejects here, which ends the thread and reaches the parent as its 'error' event.
  serve();
}

async function serve() {
  // Only the latest few requests are kept: totals count every event.
  const sandbox = await built('core').startGraphSandbox({ historyLimit: 16 });
  parentPort.on('message', async (message) => {
    if (message === 'totals') {
      const cpu = process.threadCpuUsage?.();
      parentPort.postMessage({ type: 'totals', totals: { ...sandbox.totals, cpuMicros: cpu && cpu.user + cpu.system } });
    }
    if (message === 'close') {
      await sandbox.close();
      parentPort.close();
    }
  });
  parentPort.postMessage({ type: 'ready', url: sandbox.url });
}

/** @returns {Promise<{ url: string, totals(): Promise<{ requests: number, eventsReceived: number, cpuMicros?: number }>, close(): Promise<void> }>} */
function startSandboxThread() {
  return new Promise((resolve, reject) => {
    const thread = new Worker(__filename);
    const waiting = [];
    thread.once('error', reject);
    thread.on('message', (message) => {
      if (message.type === 'totals') waiting.shift()?.(message.totals);
      if (message.type !== 'ready') return;
      thread.off('error', reject);
      resolve({
        url: message.url,
        totals: () =>
          new Promise((answer) => {
            waiting.push(answer);
            thread.postMessage('totals');
          }),
        close: () =>
          new Promise((done) => {
            thread.once('exit', () => done());
            thread.postMessage('close');
          }),
      });
    });
  });
}
