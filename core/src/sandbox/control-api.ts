/**
 * `/_sandbox/...`: the sandbox's in-process features over HTTP, for child-process workers and for
 * developers with curl. Answers are plain JSON, not Graph-shaped.
 */
import { isPlainObject } from './check-user-data';
import type { RateLimitCode, SandboxFault, SandboxState, TokenRevocationSubcode } from './sandbox-state';

export const CONTROL_PREFIX = '/_sandbox/';

export interface ControlAnswer {
  status: number;
  body: object;
}

const RATE_LIMIT_CODES: readonly RateLimitCode[] = [4, 17, 80004];
const REVOCATION_SUBCODES: readonly TokenRevocationSubcode[] = [460, 463];
const SIMPLE_FAULTS = new Set(['http500', 'http503', 'timeout', 'tokenExpired', 'eventsReceivedMismatch']);
const ROUTES = [
  'GET /_sandbox/received',
  'GET /_sandbox/requests',
  'GET /_sandbox/totals',
  'POST /_sandbox/reset',
  'POST /_sandbox/faults {count?, fault}',
  'POST /_sandbox/tokens/revoke {token, subcode?}',
  'POST /_sandbox/tokens/restore {token}',
  'PUT /_sandbox/known-pixels {pixelIds: string[] | null}',
];

const ok = (body: object = { ok: true }): ControlAnswer => ({ status: 200, body });
const badRequest = (message: string): ControlAnswer => ({ status: 400, body: { error: { message } } });

export function answerControlRequest(method: string, path: string, body: unknown, state: SandboxState): ControlAnswer {
  const route = `${method} ${path}`;
  const input = isPlainObject(body) ? body : {};
  switch (route) {
    case 'GET /_sandbox/received':
      return ok({ received: state.received });
    case 'GET /_sandbox/requests':
      return ok({ requests: state.requests });
    case 'GET /_sandbox/totals':
      return ok({ totals: state.totals });
    case 'POST /_sandbox/reset':
      state.reset();
      return ok();
    case 'POST /_sandbox/faults': {
      const count = input.count ?? 1;
      const fault = parseFault(input.fault);
      if (typeof fault === 'string') return badRequest(fault);
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
        return badRequest('count must be a positive whole number');
      }
      state.failNext(count, fault);
      return ok();
    }
    case 'POST /_sandbox/tokens/revoke': {
      const subcode = input.subcode ?? 463;
      if (typeof input.token !== 'string') return badRequest('token must be a string');
      if (!REVOCATION_SUBCODES.includes(subcode as TokenRevocationSubcode)) {
        return badRequest(`subcode must be one of ${REVOCATION_SUBCODES.join(', ')}`);
      }
      state.revokeToken(input.token, subcode as TokenRevocationSubcode);
      return ok();
    }
    case 'POST /_sandbox/tokens/restore':
      if (typeof input.token !== 'string') return badRequest('token must be a string');
      state.restoreToken(input.token);
      return ok();
    case 'PUT /_sandbox/known-pixels': {
      const { pixelIds } = input;
      if (pixelIds === null) state.setKnownPixels(undefined);
      else if (Array.isArray(pixelIds) && pixelIds.every((id) => typeof id === 'string')) state.setKnownPixels(pixelIds);
      else return badRequest('pixelIds must be a list of strings, or null to accept every pixel');
      return ok();
    }
    default:
      return { status: 404, body: { error: { message: `Unknown control route ${route}`, routes: ROUTES } } };
  }
}

/** A fault from JSON, or the reason it is not one. */
export function parseFault(value: unknown): SandboxFault | string {
  if (!isPlainObject(value) || typeof value.kind !== 'string') return 'fault must be an object with a kind';
  const { kind, code, regainMinutes } = value;
  if (SIMPLE_FAULTS.has(kind)) return { kind } as SandboxFault;
  if (kind !== 'rateLimit') return `unknown fault kind "${kind}"`;
  if (code !== undefined && !RATE_LIMIT_CODES.includes(code as RateLimitCode)) {
    return `rateLimit code must be one of ${RATE_LIMIT_CODES.join(', ')}`;
  }
  if (regainMinutes !== undefined && (typeof regainMinutes !== 'number' || !(regainMinutes >= 0))) {
    return 'regainMinutes must be a number of minutes';
  }
  return { kind, code: code as RateLimitCode | undefined, regainMinutes: regainMinutes as number | undefined };
}
