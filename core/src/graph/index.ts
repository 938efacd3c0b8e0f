export * from './graph-config';
export * from './errors';
export * from './classify-graph-response';
export * from './delivery-types';
export * from './graph-client-options';
export * from './graph-client';
export { regainAccessDelayMs, type HeaderReader } from './usage-headers';
