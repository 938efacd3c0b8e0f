export * from './graph-config';
export * from './errors';
export { classifyGraphResponse, classifyTransportFailure, type GraphResponse } from './classify-graph-response';
export * from './delivery-types';
export type { GraphClientOptions } from './graph-client-options';
export { GraphClient } from './graph-client';
export { graphVersionWarning, GRAPH_VERSION_AVAILABLE_UNTIL, VERSION_EXPIRY_WARNING_DAYS } from './api-version-lifetime';
