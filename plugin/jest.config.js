// The Medusa integration suite: the test store's HTTP tests and the plugin's unit tests.
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.[jt]sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true } } }] },
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test-store/integration-tests/**/*.spec.ts'],
  modulePathIgnorePatterns: ['<rootDir>/.medusa/', '<rootDir>/test-store/.medusa/'],
  setupFiles: ['<rootDir>/test-store/integration-tests/setup.js'],
};
