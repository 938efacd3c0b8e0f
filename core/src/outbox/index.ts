export * from './port';
export * from './plan';
