/**
 * Test doubles for the worker's unit tests: the in-memory outbox (which passes the store conformance
 * suite) with helpers to seed and inspect rows, and a scripted Graph sender.
 */
import type { DeliveryReport, EncodedEvent, EventResult, PixelTarget, RequestRecord, SendOptions } from '../../../graph';
import type { ServerEvent } from '../../../meta/wire';
import { createMemoryPixelConfigStore, newPixelConfigRecord } from '../../../settings/memory-pixel-config-store';
import { sha256Hex } from '../../../testing/sha256-hex';
import { MemoryOutboxStore } from '../../memory/memory-outbox-store';
import type { MemoryEventRow } from '../../memory/memory-state';
import type { AttemptRecord, OutboxStatus } from '../../port';
import type { EncodedEventSender } from '../worker-options';

/** The outbox and its pixel store, seeded row by row with `add`. Pixels spring up on first use. */
export class MemoryOutbox extends MemoryOutboxStore {
  readonly pixels: ReturnType<typeof createMemoryPixelConfigStore>;

  constructor(options: { clock?: () => Date } = {}) {
    const pixels = createMemoryPixelConfigStore();
    super({ pixels, ...options });
    this.pixels = pixels;
  }

  /** Queues `payload` for the pixel, due at `dueAt`; the row is live, so a test may change it. */
  add(pixelConfigId: string, payload: ServerEvent, dueAt = new Date(0)): MemoryEventRow {
    const storeId = this.ensurePixel(pixelConfigId);
    const eventTime = new Date(payload.event_time * 1000);
    const event = { storeId, pixelConfigId, eventName: payload.event_name, eventId: payload.event_id, sourceId: payload.event_id, eventTime, payload, status: 'queued' as const, userDataKeys: Object.keys(payload.user_data), droppedUserData: [] };
    const row = this.insert(event, eventTime);
    if (!row) throw new Error(`event ${payload.event_id} was added twice`);
    row.nextAttemptAt = dueAt;
    return row;
  }

  row(id: string): MemoryEventRow {
    const row = this.state.events.get(id);
    if (!row) throw new Error(`no row ${id}`);
    return row;
  }

  get attempts(): readonly AttemptRecord[] {
    return this.state.attempts;
  }

  statuses(): Record<string, OutboxStatus> {
    return Object.fromEntries([...this.state.events.values()].map((row) => [row.id, row.status]));
  }

  /** Pixel id to the reason it was stopped, for every pixel whose circuit is open. */
  stoppedPixels(): Map<string, string> {
    const stopped = [...this.pixels.records.values()].filter((pixel) => pixel.stoppedAt !== null);
    return new Map(stopped.map((pixel) => [pixel.id, pixel.stoppedReason ?? '']));
  }

  /** What a merchant saving the pixel's settings does: among other things, it closes the circuit. */
  async saveSettings(pixelConfigId: string): Promise<void> {
    await this.pixels.upsertForStore(this.ensurePixel(pixelConfigId), {});
  }

  private ensurePixel(pixelConfigId: string): string {
    const existing = this.pixels.records.get(pixelConfigId);
    if (existing) return existing.storeId;
    const storeId = this.addStore(`store-of-${pixelConfigId}`);
    this.pixels.records.set(pixelConfigId, {
      ...newPixelConfigRecord(pixelConfigId, storeId, new Date(0)),
      pixelId: '1234567890',
      accessTokenCiphertext: 'v1:test-ciphertext',
      accessTokenLast4: 'oken',
    });
    return storeId;
  }
}

export type Script = (events: readonly ServerEvent[], target: PixelTarget) => DeliveryReport | Promise<DeliveryReport>;

/** A Graph client whose answers the test writes; it remembers every call, each one request. */
export class ScriptedGraph implements EncodedEventSender {
  readonly calls: { target: PixelTarget; eventIds: string[] }[] = [];
  private readonly scripts: Script[] = [];
  readonly timeoutMs = 30_000;

  /** Answers the next call with `script`; calls beyond the scripted ones succeed. */
  answerNext(script: Script): this {
    this.scripts.push(script);
    return this;
  }

  async sendEncoded(target: PixelTarget, events: readonly EncodedEvent[], options: SendOptions = {}): Promise<DeliveryReport> {
    await options.beforeRequest?.({ timeoutMs: this.timeoutMs });
    this.calls.push({ target, eventIds: events.map((event) => event.eventId) });
    const script = this.scripts.shift() ?? acceptAll;
    return script(events.map((event) => JSON.parse(event.payloadJson) as ServerEvent), target);
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

export function serverEvent(eventTime: Date, overrides: Partial<ServerEvent> = {}): ServerEvent {
  return {
    event_name: 'Purchase',
    event_time: Math.floor(eventTime.getTime() / 1000),
    event_id: `purchase:${Math.random().toString(36).slice(2, 10)}`,
    action_source: 'website',
    event_source_url: 'https://shop.example.com/thank-you',
    user_data: { em: [sha256Hex('jane@example.com')], client_user_agent: 'Mozilla/5.0' },
    custom_data: { value: 10, currency: 'EUR' },
    ...overrides,
  };
}
