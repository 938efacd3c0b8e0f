/**
 * "Send test event", platform-neutral: one PageView with the saved test event code to the store's
 * saved pixel, and what Meta said, in merchant words. Without a test event code nothing is sent,
 * since the event would count as a real one. Each admin API (Shopify app, Medusa plugin) answers
 * with this result in its own HTTP framework.
 */
import { buildTestEvent } from '../events';
import { ConfigurationGraphError, GraphError } from '../graph';
import type { EventSender } from '../outbox/worker';
import { validateEvent } from '../validate';
import type { PixelConfigStore } from './port';
import type { SettingsService } from './settings-service';

export interface SendTestEventInput {
  storeId: string;
  /** The store's id or domain (hashed into the event's external_id). */
  storeRef: string;
  userAgent: string | undefined;
  pageUrl: string;
  now: Date;
}

export type TestEventResult =
  | { ok: true; eventId: string; eventsReceived: number | null; fbtraceId: string | null }
  /** Nothing was sent: the settings lack what the test needs (HTTP 400). */
  | { ok: false; refused: 'settings'; error: string }
  /** Meta answered with an error: `status` 502 when it failed transiently, else 400. */
  | { ok: false; refused: 'meta'; status: 400 | 502; error: string; code: number | null; fbtraceId: string | null };

function refused(error: string): TestEventResult {
  return { ok: false, refused: 'settings', error };
}

export async function sendTestEvent(
  deps: { pixels: PixelConfigStore; settings: SettingsService; graph: EventSender },
  input: SendTestEventInput,
): Promise<TestEventResult> {
  const [pixel] = await deps.pixels.listByStore(input.storeId);
  if (!pixel?.testEventCode) return refused('Enter the test event code from Events Manager (Test events tab) in settings first.');
  const target = await deps.settings.resolveTarget(pixel.id).catch((error: unknown) => {
    if (error instanceof ConfigurationGraphError) return error;
    throw error;
  });
  if (target instanceof ConfigurationGraphError) return refused(target.merchantMessage);

  const { event } = buildTestEvent({ storeRef: input.storeRef, userAgent: input.userAgent, pageUrl: input.pageUrl, now: input.now });
  const issues = validateEvent(event, { now: input.now });
  if (issues.length > 0) return refused(issues.map((issue) => issue.message).join(' '));

  const report = await deps.graph.sendEvents(target, [event]);
  const [result] = report.results;
  const lastRequest = report.requests.at(-1);
  if (result?.ok) {
    return { ok: true, eventId: event.event_id, eventsReceived: lastRequest?.eventsReceived ?? null, fbtraceId: result.fbtraceId ?? lastRequest?.fbtraceId ?? null };
  }
  const error = result?.error;
  return {
    ok: false,
    refused: 'meta',
    status: error instanceof GraphError && error.kind === 'retry' ? 502 : 400,
    error: error?.merchantMessage ?? 'Meta did not answer the test event.',
    code: error?.code ?? null,
    fbtraceId: error?.fbtraceId ?? null,
  };
}
