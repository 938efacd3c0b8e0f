/** One Jest run for every workspace; TypeScript is stripped by swc (type checking is `npm run build`). */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@capi-relay/core$': '<rootDir>/core/src/index.ts',
    '^@capi-relay/core/testing$': '<rootDir>/core/src/testing/index.ts',
    '^@capi-relay/db$': '<rootDir>/prisma/src/index.ts',
  },
  testMatch: ['<rootDir>/{core,prisma,web}/{src,test}/**/*.test.ts', '<rootDir>/admin-ui/src/**/*.test.ts', '<rootDir>/extensions/*/{src,custom-pixel}/**/*.test.ts'],
  testTimeout: 30000,
  globalSetup: '<rootDir>/scripts/jest-postgres-check.js',
  // On CI a handle some test left open must not hold the run until the job's time limit; locally
  // Jest keeps waiting, so the leak shows.
  forceExit: process.env.CI === 'true',
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
};
