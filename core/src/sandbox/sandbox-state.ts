/** What the sandbox remembers between requests, shared by the in-process API and the HTTP control API. */

export type RateLimitCode = 4 | 17 | 80004;
export type TokenRevocationSubcode = 460 | 463;

export type SandboxFault =
  | { kind: 'http500' }
  | { kind: 'http503' }
  /** The request is never answered; the client's own timeout has to end it. */
  | { kind: 'timeout' }
  | { kind: 'rateLimit'; code?: RateLimitCode; regainMinutes?: number }
  | { kind: 'tokenExpired' }
  | { kind: 'eventsReceivedMismatch' };

export type SandboxFaultKind = SandboxFault['kind'];

/** One request the sandbox accepted as Graph would. */
export interface ReceivedRequest {
  pixelId: string;
  apiVersion: string;
  events: Record<string, unknown>[];
  partnerAgent?: string;
  testEventCode?: string;
  /** Where the token came from: Graph takes all three, only the header keeps it out of URLs and logs. */
  tokenLocation: 'header' | 'query' | 'body';
  appsecretProof?: string;
  fbtraceId: string;
  receivedAt: Date;
}

/** Every `/events` request, answered or not, in arrival order. */
export interface SandboxRequestLog {
  method: string;
  /** Path and query exactly as requested, so tests can check what a client put in its URLs. */
  url: string;
  pixelId?: string;
  /** Absent while (or because) the request was never answered. */
  status?: number;
  eventCount?: number;
  fault?: SandboxFaultKind;
  /** Set when the `refuseEvents` rule refused the request: the index of the refused event. */
  refusedEvent?: number;
  fbtraceId?: string;
}

/** Counts since start or the last reset; unlike the history lists, never trimmed. */
export interface SandboxTotals {
  requests: number;
  eventsReceived: number;
}

interface QueuedFault {
  fault: SandboxFault;
  remaining: number;
}

export class SandboxState {
  readonly received: ReceivedRequest[] = [];
  readonly requests: SandboxRequestLog[] = [];
  readonly totals: SandboxTotals = { requests: 0, eventsReceived: 0 };
  private readonly faults: QueuedFault[] = [];
  private outage: { fault: SandboxFault; until: number } | undefined;
  private readonly revokedTokens = new Map<string, TokenRevocationSubcode>();
  private readonly refusedEventIds = new Set<string>();
  private knownPixels: ReadonlySet<string> | undefined;

  /** `historyLimit`: how many of the latest requests `received` and `requests` keep. */
  constructor(
    private readonly initialKnownPixels: readonly string[] | undefined,
    private readonly historyLimit: number,
  ) {
    if (!Number.isInteger(historyLimit) || historyLimit < 0) {
      throw new Error(`historyLimit must be a whole number of requests, got ${historyLimit}`);
    }
    this.knownPixels = toSet(initialKnownPixels);
  }

  recordReceived(request: ReceivedRequest): void {
    this.totals.eventsReceived += request.events.length;
    keepLatest(this.received, request, this.historyLimit);
  }

  logRequest(entry: SandboxRequestLog): void {
    this.totals.requests += 1;
    keepLatest(this.requests, entry, this.historyLimit);
  }

  failNext(count: number, fault: SandboxFault): void {
    if (!Number.isInteger(count) || count < 1) throw new Error(`failNext: count must be a positive whole number, got ${count}`);
    this.faults.push({ fault, remaining: count });
  }

  /** Every `/events` request before `until` suffers `fault` (after the queued ones): Graph down for a while. */
  failUntil(until: Date, fault: SandboxFault): void {
    this.outage = { fault, until: until.getTime() };
  }

  /** The fault a request arriving `at` suffers: a queued one (consuming one occurrence), else the outage's. */
  takeFault(at: Date): SandboxFault | undefined {
    const next = this.faults[0];
    if (!next) return this.outage !== undefined && at.getTime() < this.outage.until ? this.outage.fault : undefined;
    next.remaining -= 1;
    if (next.remaining === 0) this.faults.shift();
    return next.fault;
  }

  revokeToken(token: string, subcode: TokenRevocationSubcode = 463): void {
    this.revokedTokens.set(token, subcode);
  }

  restoreToken(token: string): void {
    this.revokedTokens.delete(token);
  }

  revocationOf(token: string): TokenRevocationSubcode | undefined {
    return this.revokedTokens.get(token);
  }

  /** Events with these ids are refused as invalid, whatever else they carry, until reset. */
  refuseEvents(eventIds: readonly string[]): void {
    for (const id of eventIds) this.refusedEventIds.add(id);
  }

  /** The index of the first event in `events` refused by `refuseEvents`, or -1. */
  firstRefusedEvent(events: readonly Record<string, unknown>[]): number {
    if (this.refusedEventIds.size === 0) return -1;
    return events.findIndex((event) => typeof event.event_id === 'string' && this.refusedEventIds.has(event.event_id));
  }

  /** undefined: every pixel id exists. */
  setKnownPixels(pixelIds: readonly string[] | undefined): void {
    this.knownPixels = toSet(pixelIds);
  }

  isKnownPixel(pixelId: string): boolean {
    return this.knownPixels === undefined || this.knownPixels.has(pixelId);
  }

  /** Forgets requests, faults and revocations; known pixels go back to the start-up option. */
  reset(): void {
    this.received.length = 0;
    this.requests.length = 0;
    this.totals.requests = 0;
    this.totals.eventsReceived = 0;
    this.faults.length = 0;
    this.outage = undefined;
    this.revokedTokens.clear();
    this.refusedEventIds.clear();
    this.knownPixels = toSet(this.initialKnownPixels);
  }
}

function keepLatest<T>(list: T[], item: T, limit: number): void {
  list.push(item);
  if (list.length > limit) list.splice(0, list.length - limit);
}

function toSet(pixelIds: readonly string[] | undefined): ReadonlySet<string> | undefined {
  return pixelIds === undefined ? undefined : new Set(pixelIds);
}
