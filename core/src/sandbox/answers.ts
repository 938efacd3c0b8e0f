/** What the sandbox sends back for one request, decided without doing any I/O. */
import type { GraphErrorAnswer } from './graph-errors';
import type { RateLimitCode, SandboxFault, TokenRevocationSubcode } from './sandbox-state';

export type SandboxAnswer =
  | { kind: 'success'; eventsReceived: number }
  | { kind: 'graphError'; error: GraphErrorAnswer }
  /** Not Graph-shaped, like a load balancer's page in front of Graph. */
  | { kind: 'text'; httpStatus: number; text: string }
  | { kind: 'hold' };

const RATE_LIMITS: Record<RateLimitCode, { subcode?: number; message: string; header: 'app' | 'business' }> = {
  4: { message: 'Application request limit reached', header: 'app' },
  17: { subcode: 2446079, message: 'User request limit reached', header: 'business' },
  80004: { message: 'There have been too many calls to this ad-account. Wait a bit and try again.', header: 'business' },
};

const TOKEN_REVOCATIONS: Record<TokenRevocationSubcode, string> = {
  460: 'Error validating access token: The session has been invalidated because the user changed their password.',
  463: 'Error validating access token: Session has expired.',
};

export function faultAnswer(fault: SandboxFault, pixelId: string, eventCount: number): SandboxAnswer {
  switch (fault.kind) {
    case 'http500':
      return {
        kind: 'graphError',
        error: { httpStatus: 500, type: 'OAuthException', code: 1, message: 'An unknown error occurred', isTransient: true },
      };
    case 'http503':
      return { kind: 'text', httpStatus: 503, text: 'Service Unavailable' };
    case 'timeout':
      return { kind: 'hold' };
    case 'rateLimit':
      return { kind: 'graphError', error: rateLimitError(fault.code ?? 17, fault.regainMinutes, pixelId) };
    case 'tokenExpired':
      return { kind: 'graphError', error: revokedTokenError(463) };
    case 'eventsReceivedMismatch':
      return { kind: 'success', eventsReceived: Math.max(0, eventCount - 1) };
  }
}

function rateLimitError(code: RateLimitCode, regainMinutes: number | undefined, pixelId: string): GraphErrorAnswer {
  const limit = RATE_LIMITS[code];
  const usage = { call_count: 100, total_cputime: 35, total_time: 40 };
  const headers: Record<string, string> = {};
  if (regainMinutes !== undefined) {
    const announced = { ...usage, estimated_time_to_regain_access: regainMinutes };
    if (limit.header === 'app') headers['x-app-usage'] = JSON.stringify(announced);
    else headers['x-business-use-case-usage'] = JSON.stringify({ [pixelId]: [{ type: 'ads_management', ...announced }] });
  }
  return {
    httpStatus: 400,
    type: 'OAuthException',
    code,
    subcode: limit.subcode,
    message: limit.message,
    isTransient: true,
    headers,
  };
}

export function revokedTokenError(subcode: TokenRevocationSubcode): GraphErrorAnswer {
  return { httpStatus: 401, type: 'OAuthException', code: 190, subcode, message: TOKEN_REVOCATIONS[subcode], isTransient: false };
}

export function missingTokenError(): GraphErrorAnswer {
  return { httpStatus: 400, type: 'OAuthException', code: 104, message: 'An access token is required to request this resource.' };
}

export function malformedTokenError(): GraphErrorAnswer {
  return { httpStatus: 401, type: 'OAuthException', code: 190, message: 'Invalid OAuth access token - Cannot parse access token' };
}

export function appsecretProofError(present: boolean): GraphErrorAnswer {
  return {
    httpStatus: 400,
    type: 'GraphMethodException',
    code: 100,
    message: present
      ? 'Invalid appsecret_proof provided in the API argument'
      : 'API calls from the server require an appsecret_proof argument',
  };
}

export function unknownPixelError(pixelId: string): GraphErrorAnswer {
  return {
    httpStatus: 400,
    type: 'GraphMethodException',
    code: 100,
    subcode: 33,
    message:
      `Unsupported post request. Object with ID '${pixelId}' does not exist, cannot be loaded due to missing ` +
      'permissions, or does not support this operation.',
  };
}
