/**
 * Where the chaos tests leave their counts for the reporter: one file per test file (`part`), so each
 * writes its own running totals and the reporter adds them up. The suite runs in band (one process),
 * so the tests and the reporter share the process id the files are named after.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const prefix = () => `capi-relay-chaos-summary-${process.pid}-`;

function summaryFile(part) {
  return path.join(os.tmpdir(), `${prefix()}${part}.json`);
}

/** Every part's counts, added up; `load` and other non-numbers are taken from the part that has them. */
function readSummaries() {
  const files = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith(prefix()) && name.endsWith('.json')).map((name) => path.join(os.tmpdir(), name));
  const total = {};
  for (const file of files) {
    for (const [key, value] of Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')))) {
      if (typeof value === 'number') total[key] = (total[key] ?? 0) + value;
      else if (value !== undefined && value !== null) total[key] = value;
    }
  }
  return { total: files.length > 0 ? total : undefined, files };
}

module.exports = { summaryFile, readSummaries };
