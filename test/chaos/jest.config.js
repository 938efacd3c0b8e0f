/**
 * `npm run test:chaos`: the reliability and security suite. It drives the built server and worker as
 * processes (web/dist), so `npm run test:chaos` builds first. Own config: the unit suites stay fast,
 * and this one prints its `chaos:` summary line before the runner's own passed/failed line.
 */
const root = require('../../jest.config');

module.exports = {
  ...root,
  rootDir: '../..',
  testMatch: ['<rootDir>/test/chaos/**/*.chaos.ts'],
  testTimeout: 300_000,
  maxWorkers: 1,
  forceExit: true,
  reporters: ['default', '<rootDir>/test/chaos/support/chaos-summary-reporter.js', '<rootDir>/scripts/jest-summary-reporter.js'],
};
