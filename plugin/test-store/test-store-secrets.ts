/** The test store's HTTP secrets, shared by its config and the tests that sign admin tokens. */
export const TEST_STORE_JWT_SECRET = 'capi-relay-test-store-jwt-secret';
export const TEST_STORE_COOKIE_SECRET = 'capi-relay-test-store-cookie-secret';
