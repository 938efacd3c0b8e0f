/**
 * The Graph sandbox the plugin sends to, started before Medusa boots (medusa-config reads its URL
 * from the environment), and a wait for the events it accepted.
 */
import { startGraphSandbox, type GraphSandbox } from '@capi-relay/core';

export const ENCRYPTION_KEY = 'a1'.repeat(32);
export const PIXEL_ID = '123456789012345';
export const ACCESS_TOKEN = `EAAB${'TestStoreToken7f3c'.repeat(4)}`;

export async function startSandboxForMedusa(): Promise<GraphSandbox> {
  const sandbox = await startGraphSandbox({ port: 0 });
  process.env.CAPI_RELAY_GRAPH_URL = sandbox.url;
  process.env.CAPI_RELAY_ENCRYPTION_KEY = ENCRYPTION_KEY;
  return sandbox;
}

export type ReceivedEvent = Record<string, unknown> & { event_name: string; event_id: string };

export function receivedEvents(sandbox: GraphSandbox): ReceivedEvent[] {
  return sandbox.received.flatMap((request) => request.events as ReceivedEvent[]);
}

/** Polls `probe` until it returns something, giving up (with `describe`'s words) after a guard time. */
export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, describe = () => 'the condition never held', timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(describe());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves once the sandbox accepted `count` events, or fails naming what it did receive. */
export function waitForEvents(sandbox: GraphSandbox, count: number): Promise<ReceivedEvent[]> {
  return waitFor(
    () => (receivedEvents(sandbox).length >= count ? receivedEvents(sandbox) : undefined),
    () => `expected ${count} events, the sandbox accepted ${JSON.stringify(receivedEvents(sandbox).map((event) => event.event_name))}`,
  );
}
