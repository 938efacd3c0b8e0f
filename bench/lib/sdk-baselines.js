/**
 * Runs one task of sdk-process.js (Meta's SDK, kept out of this process) in a forked child, bounded
 * in time, and answers with its result. The child's CPU is its own: this process only waits.
 */
const { fork } = require('node:child_process');
const path = require('node:path');

const machine = require('./machine-load');

function runSdkTask(task, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'sdk-process.js'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    machine.ownProcess(child.pid);
    const timer = setTimeout(() => finish(new Error(`the SDK's ${task.kind} did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
    function finish(error, result) {
      clearTimeout(timer);
      machine.forgetProcess(child.pid);
      child.kill();
      if (error) reject(error);
      else resolve(result);
    }
    child.on('message', (message) => {
      if (message.ready) child.send(task);
      else if (message.ok) finish(undefined, message.result);
      else finish(new Error(`the SDK's ${task.kind} failed: ${message.error}`));
    });
    child.once('exit', (code, signal) => finish(new Error(`the SDK process exited (${signal ?? code}) before answering`)));
  });
}

module.exports = { runSdkTask };
