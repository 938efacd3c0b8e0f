/**
 * `npm run test:browser`: the admin panel in headless Chromium (Debian's /usr/bin/chromium through
 * playwright-core) against the real server, database and Graph sandbox. One file at a time: the
 * browser is the heavy part, and two cores are shared.
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/admin-ui/test/browser/**/*.test.ts'],
  testTimeout: 60000,
  maxWorkers: 1,
};
