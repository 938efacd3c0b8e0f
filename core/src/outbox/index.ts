export * from './port';
export * from './plan';
export * from './worker';
