/**
 * Normalization: core's user_data normalize-and-hash (`hashUserData`) against the SDK's own
 * (UserData setters, then `normalize()`), on the same varied customers (customers.js), both in the
 * SDK's child process so they share one process's conditions, each after a warm-up pass.
 */
const machine = require('./machine-load');
const { runSdkTask } = require('./sdk-baselines');

async function measureNormalization({ customers, timeoutMs }) {
  await machine.waitForQuiet();
  const start = machine.snapshot();
  const result = await runSdkTask({ kind: 'normalize', count: customers }, timeoutMs);
  return { customers, ...result, load: machine.loadBetween(start) };
}

module.exports = { measureNormalization };
