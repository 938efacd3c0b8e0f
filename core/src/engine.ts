/**
 * The engine's one entry point: checks the configuration once and wires the Graph client, the
 * settings service, the planner and the delivery worker together. Adapters (the Shopify app, the
 * Medusa plugin) inject their stores; nothing platform- or database-specific lives here.
 */
import { createSecretBox, type SecretBox } from './crypto';
import { DEFAULT_API_VERSION, DEFAULT_TIMEOUT_MS, GraphClient, graphVersionWarning, type GraphClientOptions } from './graph';
import { type Logger, silentLogger } from './log';
import { planOutboxEvents, type PlanInput, withoutLimitedDataUse } from './outbox/plan';
import type { BrowserContext, Consent } from './model/commerce';
import type { DeliveryReceipt, NewOutboxEvent, OutboxStore, RecordOptions, RecordResult } from './outbox/port';
import { withBrowserContext } from './outbox/stitch';
import { createWorker, type DeliveryWorker, resolveWorkerTuning, type WorkerTuning } from './outbox/worker';
import type { PixelConfigStore } from './settings/port';
import { createSettingsService, type SettingsService, type ShopCountryLookup } from './settings/settings-service';

export interface EngineConfig {
  /** 64 hex characters: seals the merchants' Meta access tokens at rest. */
  encryptionKey: string;
  graph?: Omit<GraphClientOptions, 'logger'>;
  /** Defaults for every worker this engine creates. */
  worker?: WorkerTuning;
  /**
   * Whether live events carry the pixel's test event code. Meta does not sandbox test events (they
   * count for targeting and measurement, spec item 28), so a code left in the settings must not
   * silently reroute production traffic: off unless the deployment turns it on (development does).
   * The "Send test event" button always uses the code.
   */
  testCodeOnLiveEvents?: boolean;
  /**
   * How long a website event with only one half (the webhook's, or the storefront pixel's) waits in
   * the outbox for its twin before it is sent as it is (default DEFAULT_STITCH_WAIT_MS; 0 sends at once).
   */
  stitchWaitMs?: number;
  logger?: Logger;
}

/**
 * One minute: the storefront pixel posts as the page loads and Shopify's webhooks usually arrive
 * within seconds, so a minute lets both halves meet with room to spare, while Meta, which attributes
 * by event_time, sees the event at most a minute later.
 */
export const DEFAULT_STITCH_WAIT_MS = 60_000;

/** The stores an adapter provides. */
export interface EngineStores {
  outbox: OutboxStore;
  pixels: PixelConfigStore;
}

/**
 * Planning input without what the engine can fill in: the time, and the store's pixels (read from
 * the pixel store unless the caller already holds them, which saves a query per webhook).
 */
export type EnqueueInput = Omit<PlanInput, 'pixels' | 'now' | 'stitchWaitMs'> & Partial<Pick<PlanInput, 'pixels' | 'now'>>;

/** A storefront pixel report for events already stored: the sources it names and what it saw. */
export interface BrowserReportInput {
  storeId: string;
  /** Order ids, checkout and cart tokens the report names (the outbox rows' source ids). */
  sourceIds: string[];
  browser: BrowserContext;
  consent?: Consent;
  shopCountry?: PlanInput['shopCountry'];
  skip?: PlanInput['skip'];
  pixels?: PlanInput['pixels'];
  now?: Date;
}

export interface Engine {
  readonly graph: GraphClient;
  readonly secretBox: SecretBox;
  /** `shopCountry` tells the settings view the shop's country, for its consent default (unknown without it). */
  settings(pixels: PixelConfigStore, shopCountry?: ShopCountryLookup): SettingsService;
  /** The rows `enqueue` would record, for callers that record them themselves. */
  plan(input: PlanInput): NewOutboxEvent[];
  /**
   * Plans the events against the store's pixels and records them with their delivery receipt in one
   * transaction; wakes this process's running workers when something was queued.
   */
  enqueue(stores: EngineStores, receipt: DeliveryReceipt | null, input: EnqueueInput, options?: RecordOptions): Promise<RecordResult>;
  /**
   * Completes the stored events of the report's sources that are still open (kept for browser
   * context or for want of a consent signal, or queued waiting for their twin) with the browser
   * context, and records them again under the report's consent: the outbox stitches each into its
   * row, which becomes queued (once) when that makes it sendable.
   */
  completeWithBrowser(stores: EngineStores, input: BrowserReportInput): Promise<RecordResult>;
  createWorker(stores: EngineStores, tuning?: WorkerTuning): DeliveryWorker;
}

export class EngineConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid engine configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'EngineConfigError';
  }
}

/** Runs each check, collecting every problem so one start-up failure lists them all. */
function checked<T>(problems: string[], build: () => T): T | undefined {
  try {
    return build();
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

export function createEngine(config: EngineConfig): Engine {
  const logger = config.logger ?? silentLogger;
  const problems: string[] = [];
  const secretBox = checked(problems, () => createSecretBox(config.encryptionKey));
  const graph = checked(problems, () => new GraphClient({ ...config.graph, logger }));
  const tuning = checked(problems, () => resolveWorkerTuning(config.worker ?? {}));
  const timeoutMs = config.graph?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // A lease shorter than a slow request lets a second worker reclaim and resend events in flight.
  const leaseProblem = (leaseMs: number) =>
    leaseMs < 2 * timeoutMs ? `worker.leaseMs (${leaseMs}) must be at least twice graph.timeoutMs (${timeoutMs})` : undefined;
  const configuredLease = tuning && leaseProblem(tuning.leaseMs);
  if (configuredLease) problems.push(configuredLease);
  if (!secretBox || !graph || problems.length > 0) throw new EngineConfigError(problems);
  const apiVersion = config.graph?.apiVersion ?? DEFAULT_API_VERSION;
  const versionWarning = graphVersionWarning(apiVersion, new Date());
  if (versionWarning) logger.warn({ apiVersion }, versionWarning);

  const settings = (pixels: PixelConfigStore, shopCountry?: ShopCountryLookup) =>
    createSettingsService({ pixels, secretBox, logger, ...(shopCountry ? { shopCountry } : {}) });
  const workers = new Set<DeliveryWorker>();

  const enqueue: Engine['enqueue'] = async ({ outbox, pixels }, receipt, input, options) => {
    const rows = planOutboxEvents({
      ...input,
      now: input.now ?? new Date(),
      pixels: input.pixels ?? (await pixels.listByStore(input.storeId)),
      stitchWaitMs: config.stitchWaitMs ?? DEFAULT_STITCH_WAIT_MS,
    });
    for (const { event, sourceId, dropped } of input.built) {
      if (dropped.length > 0) {
        // Reasons name the rule a value broke, never the value: safe to log, and the merchant's lead to a fix.
        logger.info({ storeId: input.storeId, eventName: event.event_name, eventId: event.event_id, sourceId, droppedUserData: dropped }, 'Customer data left out of an event');
      }
    }
    const result = await outbox.record(receipt, rows, options);
    if (result.inserted + result.stitched > 0 && rows.some((row) => row.status === 'queued')) for (const worker of workers) worker.notify();
    return result;
  };

  return {
    graph,
    secretBox,
    settings,
    plan: planOutboxEvents,

    enqueue,

    async completeWithBrowser(stores, { storeId, sourceIds, browser, ...planning }) {
      const open = sourceIds.length === 0 ? [] : await stores.outbox.findOpenEvents(storeId, sourceIds);
      // One per event: the rows of several pixels carry the same payload.
      const byKey = new Map(open.map((row) => [`${row.eventName}\u0000${row.eventId}`, row]));
      // The planner decides Limited Data Use again, from the pixel's setting and this report's consent.
      const built = [...byKey.values()].map((row) => ({ event: withBrowserContext(withoutLimitedDataUse(row.payload), browser), dropped: [], sourceId: row.sourceId, tokens: {}, skippedLines: [] }));
      if (built.length === 0) return { duplicateDelivery: false, inserted: 0, duplicateEvents: 0, stitched: 0 };
      return enqueue(stores, null, { storeId, built, ...planning });
    },

    createWorker({ outbox, pixels }, overrides) {
      const overriddenLease = overrides?.leaseMs === undefined ? undefined : leaseProblem(overrides.leaseMs);
      if (overriddenLease) throw new EngineConfigError([overriddenLease]);
      const service = settings(pixels);
      const worker = createWorker({
        ...config.worker,
        ...overrides,
        outbox,
        pixels,
        resolveTarget: async (pixelConfigId) => {
          const { testEventCode, ...target } = await service.resolveTarget(pixelConfigId);
          return config.testCodeOnLiveEvents && testEventCode ? { ...target, testEventCode } : target;
        },
        graph,
        logger,
      });
      workers.add(worker);
      return worker;
    },
  };
}
