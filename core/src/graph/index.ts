export * from './graph-config';
export * from './errors';
export { classifyGraphResponse, classifyTransportFailure, type GraphResponse } from './classify-graph-response';
export * from './delivery-types';
export type { GraphClientOptions } from './graph-client-options';
export { GraphClient } from './graph-client';
