import { parsePluginOptions, PluginOptionsError, withOwnSchema } from './plugin-options';

const KEY = 'ab'.repeat(32);
const STORE_DB = 'postgres://medusa@db:5432/medusa';

describe('parsePluginOptions', () => {
  it('defaults to the store database in the capi_relay schema, the in-process worker and skipping draft orders', () => {
    expect(parsePluginOptions({ encryptionKey: KEY, storefrontUrl: 'https://shop.example.com/en' }, STORE_DB)).toEqual({
      encryptionKey: KEY,
      storefrontUrl: 'https://shop.example.com',
      storeDomain: 'shop.example.com',
      databaseUrl: `${STORE_DB}?schema=capi_relay`,
      deliveryWorker: 'in-process',
      draftOrders: 'skip',
      testCodeOnLiveEvents: false,
    });
  });

  it('keeps the options a store sets', () => {
    const settings = parsePluginOptions(
      {
        encryptionKey: KEY,
        storefrontUrl: 'https://shop.example.com',
        databaseUrl: 'postgres://capi@db/capi',
        graphUrl: 'http://127.0.0.1:4010',
        graphApiVersion: 'v24.0',
        deliveryWorker: 'external',
        draftOrders: 'send',
        testCodeOnLiveEvents: true,
      },
      STORE_DB,
    );
    expect(settings).toMatchObject({ databaseUrl: 'postgres://capi@db/capi', graphUrl: 'http://127.0.0.1:4010', graphApiVersion: 'v24.0', deliveryWorker: 'external', draftOrders: 'send', testCodeOnLiveEvents: true });
  });

  it('lists every problem in one error', () => {
    let error: unknown;
    try {
      parsePluginOptions({ encryptionKey: 'short', storefrontUrl: 'shop', graphUrl: 'ftp://x', graphApiVersion: '24', deliveryWorker: 'cron', draftOrders: 'maybe', testCodeOnLiveEvents: 'yes' }, undefined);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(PluginOptionsError);
    const problems = (error as PluginOptionsError).problems;
    expect(problems.map((problem) => problem.split(' ')[0])).toEqual(['encryptionKey', 'storefrontUrl', 'databaseUrl', 'graphUrl', 'graphApiVersion', 'deliveryWorker', 'draftOrders', 'testCodeOnLiveEvents']);
    expect((error as Error).message).toMatch(/medusa-config\.ts/);
  });
});

describe('withOwnSchema', () => {
  it('adds the schema once, next to any other parameter', () => {
    expect(withOwnSchema('postgres://db/medusa?sslmode=require')).toBe('postgres://db/medusa?sslmode=require&schema=capi_relay');
    expect(withOwnSchema('postgres://db/medusa?schema=tracking')).toBe('postgres://db/medusa?schema=tracking');
  });
});
