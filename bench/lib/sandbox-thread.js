/**
 * Core's Graph sandbox in a thread of its own, so checking 1,000-event requests does not take turns
 * with the worker under test on one event loop (the anchors ran their fake Graph on the other core).
 *
 * Messages: the thread posts { type: 'ready', url }; it answers 'totals' with { type: 'totals',
 * totals } (the sandbox's counts plus the CPU microseconds this thread used, when Node can tell),
 * 'accepted' with { type: 'accepted', accepted: [[event_id, epoch ms the sandbox accepted it], ...] }
 * for the requests its history keeps, and 'close' by closing the sandbox and exiting.
 *
 * `historyLimit` (default 16: only totals matter to the drain) is how many requests it remembers;
 * the end-to-end phase asks for enough to see every event it sent.
 */
const { isMainThread, parentPort, Worker, workerData } = require('node:worker_threads');

const { built } = require('./workspace');

if (isMainThread) {
  module.exports = { startSandboxThread };
} else {
  // A failure to start rejects here, which ends the thread and reaches the parent as its 'error' event.
  serve();
}

async function serve() {
  // Only the latest few requests are kept: totals count every event.
  const sandbox = await built('core').startGraphSandbox({ historyLimit: workerData?.historyLimit ?? 16 });
  parentPort.on('message', async (message) => {
    if (message === 'totals') {
      const cpu = process.threadCpuUsage?.();
      parentPort.postMessage({ type: 'totals', totals: { ...sandbox.totals, cpuMicros: cpu && cpu.user + cpu.system } });
    }
    if (message === 'accepted') {
      const accepted = sandbox.received.flatMap((request) => request.events.map((event) => [event.event_id, request.receivedAt.getTime()]));
      parentPort.postMessage({ type: 'accepted', accepted });
    }
    if (message === 'close') {
      await sandbox.close();
      parentPort.close();
    }
  });
  parentPort.postMessage({ type: 'ready', url: sandbox.url });
}

/** @returns {Promise<{ url: string, totals(): Promise<{ requests: number, eventsReceived: number, cpuMicros?: number }>, accepted(): Promise<Array<[string, number]>>, close(): Promise<void> }>} */
function startSandboxThread({ historyLimit } = {}) {
  return new Promise((resolve, reject) => {
    const thread = new Worker(__filename, { workerData: { historyLimit } });
    const waiting = [];
    const waitingAccepted = [];
    thread.once('error', reject);
    thread.on('message', (message) => {
      if (message.type === 'totals') waiting.shift()?.(message.totals);
      if (message.type === 'accepted') waitingAccepted.shift()?.(message.accepted);
      if (message.type !== 'ready') return;
      thread.off('error', reject);
      resolve({
        url: message.url,
        totals: () =>
          new Promise((answer) => {
            waiting.push(answer);
            thread.postMessage('totals');
          }),
        accepted: () =>
          new Promise((answer) => {
            waitingAccepted.push(answer);
            thread.postMessage('accepted');
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
