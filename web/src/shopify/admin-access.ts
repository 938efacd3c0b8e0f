/**
 * Admin API access for a shop: the offline session (expiring token + refresh token), obtained by
 * token exchange from a session token and renewed with the refresh token. Nothing in the webhook or
 * settings paths waits on this: a failure is remembered and reported by /api/health.
 */
import { RequestedTokenType, type Session, type Shopify } from '@shopify/shopify-api';
import type { Logger } from '@capi-relay/core';

/** The session storage this module needs (the db package's session store satisfies it). */
export interface OfflineSessionStorage {
  storeSession(session: Session): Promise<boolean>;
  loadSession(id: string): Promise<Session | undefined>;
}

export type AdminAccessState =
  | { status: 'ready'; scope: string | null; expiresAt: Date | null }
  | { status: 'not_connected'; message: string }
  | { status: 'failed'; message: string; failedAt: Date };

export interface AdminAccess {
  /** An offline session with a live token; exchanges or refreshes when needed. Throws AdminAccessError. */
  offlineSession(shop: string, sessionToken?: string): Promise<Session>;
  /** Starts `offlineSession` without waiting; a recent failure is not retried in the background. */
  ensureInBackground(shop: string, sessionToken: string): void;
  state(shop: string): Promise<AdminAccessState>;
  /** Waits for the work started in the background (exchanges, post-install setup): before the database closes. */
  settle(): Promise<void>;
}

export class AdminAccessError extends Error {
  constructor(readonly merchantMessage: string) {
    super(merchantMessage);
    this.name = 'AdminAccessError';
  }
}

interface Options {
  shopify: Shopify;
  sessions: OfflineSessionStorage;
  logger: Logger;
  now?: () => Date;
  /**
   * Runs after each token exchange (an install, or the app opened again after its token lapsed), in
   * the background: a failure is logged and does not fail the connection.
   */
  onConnected?: (shop: string, session: Session) => Promise<unknown>;
}

/** Renew this long before expiry so a request never starts with a token about to lapse. */
const EXPIRY_MARGIN_MS = 5 * 60_000;
/** After a failure, background attempts wait this long; an explicit health check always retries. */
const BACKGROUND_RETRY_AFTER_MS = 60_000;

export function createAdminAccess({ shopify, sessions, logger, now = () => new Date(), onConnected }: Options): AdminAccess {
  const inFlight = new Map<string, Promise<Session>>();
  const failures = new Map<string, { message: string; at: Date }>();
  /** Post-install setups still running: a shutdown must not close the database under them. */
  const setups = new Set<Promise<unknown>>();

  const obtain = async (shop: string, sessionToken: string | undefined): Promise<Session> => {
    const stored = await sessions.loadSession(shopify.session.getOfflineId(shop));
    if (stored?.accessToken && !isExpiring(stored.expires, now())) return stored;

    let refreshFailure: unknown;
    if (stored?.refreshToken && !isExpiring(stored.refreshTokenExpires, now())) {
      try {
        const { session } = await shopify.auth.refreshToken({ shop, refreshToken: stored.refreshToken });
        await sessions.storeSession(session);
        return session;
      } catch (error) {
        refreshFailure = error;
        logger.warn({ shop, error: describeShopifyError(error) }, 'admin token refresh failed');
      }
    }
    if (!sessionToken) {
      throw new AdminAccessError(
        refreshFailure
          ? `Shopify refused to renew the Admin API token (${describeShopifyError(refreshFailure)}). Open the app in the Shopify admin to reconnect.`
          : 'Not connected to the Admin API yet: open the app in the Shopify admin once.',
      );
    }
    try {
      const { session } = await shopify.auth.tokenExchange({
        shop,
        sessionToken,
        requestedTokenType: RequestedTokenType.OfflineAccessToken,
        expiring: true,
      });
      await sessions.storeSession(session);
      logger.info({ shop, scope: session.scope, expires: session.expires?.toISOString() }, 'admin token obtained by token exchange');
      if (onConnected) {
        const setup = onConnected(shop, session)
          .catch((error: unknown) => logger.warn({ shop, error: error instanceof Error ? error.message : String(error) }, 'post-install setup failed'))
          .finally(() => setups.delete(setup));
        setups.add(setup);
      }
      return session;
    } catch (error) {
      throw new AdminAccessError(`Shopify refused the token exchange (${describeShopifyError(error)}).`);
    }
  };

  const offlineSession = (shop: string, sessionToken?: string): Promise<Session> => {
    const running = inFlight.get(shop);
    // One exchange or refresh per shop at a time: refresh tokens rotate, so parallel refreshes race.
    if (running) return running;
    const attempt = obtain(shop, sessionToken)
      .then((session) => {
        failures.delete(shop);
        return session;
      })
      .catch((error: unknown) => {
        const message = error instanceof AdminAccessError ? error.merchantMessage : `Admin API access failed (${describeShopifyError(error)}).`;
        failures.set(shop, { message, at: now() });
        logger.warn({ shop, error: message }, 'admin API access unavailable');
        throw error instanceof AdminAccessError ? error : new AdminAccessError(message);
      })
      .finally(() => inFlight.delete(shop));
    inFlight.set(shop, attempt);
    return attempt;
  };

  return {
    offlineSession,
    async settle() {
      await Promise.allSettled([...inFlight.values(), ...setups]);
      // An exchange that just finished may have started a setup.
      await Promise.allSettled([...setups]);
    },
    ensureInBackground(shop, sessionToken) {
      const failure = failures.get(shop);
      if (failure && now().getTime() - failure.at.getTime() < BACKGROUND_RETRY_AFTER_MS) return;
      // Failures are recorded for /api/health by offlineSession itself.
      offlineSession(shop, sessionToken).catch(() => undefined);
    },
    async state(shop) {
      const failure = failures.get(shop);
      if (failure) return { status: 'failed', message: failure.message, failedAt: failure.at };
      const stored = await sessions.loadSession(shopify.session.getOfflineId(shop));
      if (!stored?.accessToken) {
        return { status: 'not_connected', message: 'Not connected to the Admin API yet: open the app in the Shopify admin once.' };
      }
      return { status: 'ready', scope: stored.scope ?? null, expiresAt: stored.expires ?? null };
    },
  };
}

function isExpiring(expires: Date | undefined, at: Date): boolean {
  return expires !== undefined && expires.getTime() - EXPIRY_MARGIN_MS <= at.getTime();
}

/** Status and Shopify's OAuth error code only: bodies and messages may echo tokens. */
function describeShopifyError(error: unknown): string {
  const response = (error as { response?: { code?: unknown; body?: unknown } } | null)?.response;
  if (response && typeof response.code === 'number') {
    const body = response.body as { error?: unknown } | undefined;
    const code = typeof body?.error === 'string' ? `: ${body.error}` : '';
    return `HTTP ${response.code}${code}`;
  }
  if (error instanceof Error && error.name === 'InvalidJwtError') return 'the session token is invalid or expired';
  if (error instanceof TypeError) return 'Shopify could not be reached';
  return error instanceof Error ? error.name : 'unknown error';
}
