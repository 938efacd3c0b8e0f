import type { ServerEvent } from '../../meta/wire';

/**
 * Two halves of one event (same name and event_id) as one: every key the first carries stays, and the
 * second fills in what the first lacks, in user_data and custom_data key by key. The first is the
 * stored row, so what was already judged sendable never changes under the worker.
 */
export function mergeServerEvents(first: ServerEvent, second: ServerEvent): ServerEvent {
  const merged: ServerEvent = { ...present(second), ...first, ...present(first), user_data: { ...present(second.user_data), ...present(first.user_data) } };
  const customData = { ...present(second.custom_data ?? {}), ...present(first.custom_data ?? {}) };
  if (Object.keys(customData).length > 0) merged.custom_data = customData;
  return merged;
}

/** The keys that carry a value: an empty list or string never hides the other half's value. */
function present<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)),
  ) as Partial<T>;
}
