/**
 * One delivery must not hold the server for the others. Writing is synchronous on SQLite, and a
 * cart's AddToCart events grow with its lines: a 33,664-line cart held every tenant for 11 s. So a
 * delivery's `line_items` is capped; the lines past the cap are not mapped, and the log line says so.
 * Shopify carts hold at most 500 lines, so a real cart never loses one; 500 new lines are written in
 * about a second on SQLite. An order past the cap keeps its value, with the first 500 lines as contents.
 */
import { asRecord } from '../shopify/mappers/payload-reader';

export const MAX_LINE_ITEMS = 500;

export interface CappedPayload {
  payload: unknown;
  /** How many lines the body had, when it had more than the cap. */
  droppedFrom?: number;
}

export function capLineItems(payload: unknown, max = MAX_LINE_ITEMS): CappedPayload {
  const body = asRecord(payload);
  const lines = body?.line_items;
  if (!body || !Array.isArray(lines) || lines.length <= max) return { payload };
  return { payload: { ...body, line_items: lines.slice(0, max) }, droppedFrom: lines.length };
}
