export { startGraphSandbox, type GraphSandbox, type GraphSandboxOptions } from './graph-sandbox';
export type {
  RateLimitCode,
  ReceivedRequest,
  SandboxFault,
  SandboxFaultKind,
  SandboxRequestLog,
  SandboxTotals,
  TokenRevocationSubcode,
} from './sandbox-state';
export { sampleServerEvent } from './sample-events';
