/**
 * The logger core writes to: pino's call shape, so the Shopify server's pino logger fits directly.
 * Callers pass ids, counts and codes; raw PII and tokens never go into a log object.
 */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
