/**
 * Test doubles for the worker's unit tests: an in-memory outbox with the port's semantics (leases,
 * due times, stopped pixels) and a scripted Graph sender. The Prisma stores get the real thing in
 * prisma/test.
 */
import { createHash } from 'node:crypto';
import type { DeliveryReport, EventResult, PixelTarget, RequestRecord } from '../../../graph';
import type { ServerEvent } from '../../../meta/wire';
import type {
  AttemptRecord,
  ClaimedBatch,
  NewOutboxEvent,
  NotSentReason,
  OutboxStatus,
  OutboxStore,
  RecordResult,
} from '../../port';
import type { EventSender } from '../worker-options';

export interface MemoryRow {
  id: string;
  pixelConfigId: string;
  payload: ServerEvent;
  eventTime: Date;
  status: OutboxStatus;
  reason?: NotSentReason;
  reasonDetail?: string;
  attempts: number;
  nextAttemptAt: Date;
  leaseOwner?: string;
  leaseExpiresAt?: Date;
}

export class MemoryOutbox implements OutboxStore {
  readonly rows = new Map<string, MemoryRow>();
  readonly attempts: AttemptRecord[] = [];
  readonly stoppedPixels = new Map<string, string>();
  readonly released: string[] = [];

  /** The PixelConfigStore half the worker uses: stopping a pixel opens its circuit for claimDue. */
  readonly pixels = {
    stop: async (id: string, reason: string): Promise<void> => {
      this.stoppedPixels.set(id, reason);
    },
  };

  add(pixelConfigId: string, payload: ServerEvent, dueAt = new Date(0)): MemoryRow {
    const row: MemoryRow = {
      id: `row-${this.rows.size + 1}`,
      pixelConfigId,
      payload,
      eventTime: new Date(payload.event_time * 1000),
      status: 'queued',
      attempts: 0,
      nextAttemptAt: dueAt,
    };
    this.rows.set(row.id, row);
    return row;
  }

  row(id: string): MemoryRow {
    const row = this.rows.get(id);
    if (!row) throw new Error(`no row ${id}`);
    return row;
  }

  async record(_receipt: unknown, events: NewOutboxEvent[]): Promise<RecordResult> {
    for (const event of events) if (event.pixelConfigId && event.status === 'queued') this.add(event.pixelConfigId, event.payload);
    return { duplicateDelivery: false, inserted: events.length, duplicateEvents: 0 };
  }

  async claimDue(opts: { workerId: string; now: Date; limit: number; leaseMs: number }): Promise<ClaimedBatch[]> {
    const due = [...this.rows.values()].filter(
      (row) =>
        !this.stoppedPixels.has(row.pixelConfigId) &&
        ((row.status === 'queued' && row.nextAttemptAt <= opts.now) ||
          (row.status === 'sending' && row.leaseExpiresAt !== undefined && row.leaseExpiresAt <= opts.now)),
    );
    const batches = new Map<string, ClaimedBatch>();
    for (const row of due.slice(0, opts.limit)) {
      row.status = 'sending';
      row.leaseOwner = opts.workerId;
      row.leaseExpiresAt = new Date(opts.now.getTime() + opts.leaseMs);
      const batch = batches.get(row.pixelConfigId) ?? { pixelConfigId: row.pixelConfigId, events: [] };
      batch.events.push({ id: row.id, eventName: row.payload.event_name, eventId: row.payload.event_id, eventTime: row.eventTime, payload: row.payload, attempts: row.attempts });
      batches.set(row.pixelConfigId, batch);
    }
    return [...batches.values()];
  }

  private finish(id: string, attempt: Omit<AttemptRecord, 'outboxEventId'>, status: OutboxStatus): MemoryRow {
    const row = this.row(id);
    if (row.status !== 'sending') throw new Error(`row ${id} is ${row.status}, not sending`);
    row.status = status;
    row.attempts += 1;
    row.leaseOwner = undefined;
    this.attempts.push({ outboxEventId: id, ...attempt });
    return row;
  }

  async markSent(ids: string[], attempt: Omit<AttemptRecord, 'outboxEventId'>): Promise<void> {
    for (const id of ids) this.finish(id, attempt, 'sent');
  }

  async markRetry(id: string, nextAttemptAt: Date, attempt: Omit<AttemptRecord, 'outboxEventId'>): Promise<void> {
    this.finish(id, attempt, 'queued').nextAttemptAt = nextAttemptAt;
  }

  async markFailed(id: string, reason: NotSentReason, detail: string, attempt: Omit<AttemptRecord, 'outboxEventId'>): Promise<void> {
    // The port's rule: an event too old to send is `expired`, every other refusal `failed`.
    Object.assign(this.finish(id, attempt, reason === 'too_old' ? 'expired' : 'failed'), { reason, reasonDetail: detail });
  }

  async markExpired(id: string, detail: string): Promise<void> {
    Object.assign(this.row(id), { status: 'expired', reason: 'too_old', reasonDetail: detail, leaseOwner: undefined });
  }

  async release(ids: string[]): Promise<void> {
    for (const id of ids) Object.assign(this.row(id), { status: 'queued', leaseOwner: undefined });
    this.released.push(...ids);
  }

  statuses(): Record<string, OutboxStatus> {
    return Object.fromEntries([...this.rows.values()].map((row) => [row.id, row.status]));
  }
}

export type Script = (events: readonly ServerEvent[], target: PixelTarget) => DeliveryReport | Promise<DeliveryReport>;

/** A Graph client whose answers the test writes; it remembers every call. */
export class ScriptedGraph implements EventSender {
  readonly calls: { target: PixelTarget; eventIds: string[] }[] = [];
  private readonly scripts: Script[] = [];

  /** Answers the next call with `script`; calls beyond the scripted ones succeed. */
  answerNext(script: Script): this {
    this.scripts.push(script);
    return this;
  }

  async sendEvents(target: PixelTarget, events: readonly ServerEvent[]): Promise<DeliveryReport> {
    this.calls.push({ target, eventIds: events.map((event) => event.event_id) });
    const script = this.scripts.shift() ?? acceptAll;
    return script(events, target);
  }
}

let traces = 0;
export function fbtrace(): string {
  traces += 1;
  return `trace-${traces}`;
}

export const acceptAll: Script = (events) => {
  const fbtraceId = fbtrace();
  const request: RequestRecord = { eventCount: events.length, httpStatus: 200, eventsReceived: events.length, fbtraceId, latencyMs: 42, outcome: 'sent' };
  return { results: events.map(() => ({ ok: true, fbtraceId })), requests: [request] };
};

/** Every event gets `result`, from one request that answered with `request`'s fields. */
export function answerAll(result: EventResult, request: Partial<RequestRecord> = {}): Script {
  return (events) => ({
    results: events.map(() => result),
    requests: [{ eventCount: events.length, latencyMs: 42, outcome: result.ok ? 'sent' : result.error.kind, ...request }],
  });
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

export function serverEvent(eventTime: Date, overrides: Partial<ServerEvent> = {}): ServerEvent {
  return {
    event_name: 'Purchase',
    event_time: Math.floor(eventTime.getTime() / 1000),
    event_id: `purchase:${Math.random().toString(36).slice(2, 10)}`,
    action_source: 'website',
    event_source_url: 'https://shop.example.com/thank-you',
    user_data: { em: [sha('jane@example.com')], client_user_agent: 'Mozilla/5.0' },
    custom_data: { value: 10, currency: 'EUR' },
    ...overrides,
  };
}
