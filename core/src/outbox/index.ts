export * from './port';
export { assertRecordable } from './recordable';
export * from './plan';
export * from './worker';
