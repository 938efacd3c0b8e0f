/**
 * Where the chaos tests leave their counts for the reporter. The suite runs in band (one process),
 * so the test and the reporter share the process id the file is named after.
 */
const os = require('node:os');
const path = require('node:path');

function summaryFile() {
  return path.join(os.tmpdir(), `capi-relay-chaos-summary-${process.pid}.json`);
}

module.exports = { summaryFile };
