/**
 * The SDK-example baseline for the drain: the same stored Purchase copies sent the way Meta's
 * Conversions API example sends events, one `EventRequest` per event through
 * facebook-nodejs-business-sdk, `inFlight` at once, to the same sandbox (sdk-process.js, in a child
 * process). Time-bounded: at about two thousand events a second it would take most of a minute per
 * 100,000 events, and its rate is steady well before that.
 */
const machine = require('./machine-load');
const { runSdkTask } = require('./sdk-baselines');

/** How much longer than its sending window the child may take (start-up, the last requests). */
const GRACE_MS = 30_000;

/**
 * @param template the drain's Purchase template (backlog.js)
 * @param target { pixelId, accessToken } as the workers send with
 */
async function measureSdkDrain(sandbox, template, target, { events, inFlight, seconds }) {
  await machine.waitForQuiet();
  const start = { machine: machine.snapshot(), sandbox: await sandbox.totals() };
  const result = await runSdkTask(
    {
      kind: 'drain',
      graphUrl: sandbox.url,
      ...target,
      payloadText: template.payloadText,
      modelId: template.modelId,
      idFor: { prefix: template.orderIdPrefix, digits: 15 },
      count: events,
      inFlight,
      timeoutMs: seconds * 1000,
    },
    seconds * 1000 + GRACE_MS,
  );
  const received = (await sandbox.totals()).eventsReceived - start.sandbox.eventsReceived;
  if (result.failed > 0 || received !== result.sent) {
    return { failure: `${result.failed} SDK requests failed (first: ${result.firstFailure}); ${received} of ${result.sent} sent events reached the sandbox` };
  }
  return {
    events: result.sent,
    perSecond: result.sent / result.seconds,
    cpuMicrosPerEvent: result.cpuMicros / result.sent,
    inFlight,
    load: machine.loadBetween(start.machine),
  };
}

module.exports = { measureSdkDrain };
