const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const RESULTS_DIR = path.join(__dirname, '..', 'results');

/**
 * Writes one run's figures as JSON under bench/results/, named by the run's start time, so runs on
 * one machine can be compared later without scraping the printed tables. Returns the file's path.
 */
function writeResultsFile(startedAt, run) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const machine = { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', platform: `${os.type()} ${os.release()}` };
  fs.writeFileSync(file, `${JSON.stringify({ startedAt: startedAt.toISOString(), machine, ...run }, null, 2)}\n`);
  return file;
}

module.exports = { writeResultsFile };
