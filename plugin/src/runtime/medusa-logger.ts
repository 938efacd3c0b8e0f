/**
 * Core logs in pino's shape (fields, message); Medusa's logger takes one message string. The fields
 * are ids, counts and codes only (core never logs PII or tokens), so they go into the line as JSON.
 */
import type { Logger } from '@capi-relay/core';

export interface MedusaLogger {
  debug(message: string): unknown;
  info(message: string): unknown;
  warn(message: string): unknown;
  error(message: string): unknown;
}

export function coreLogger(medusa: MedusaLogger): Logger {
  const line = (fields: object, message?: string) => `[capi-relay] ${message ?? ''} ${JSON.stringify(fields)}`.trim();
  return {
    debug: (fields, message) => void medusa.debug(line(fields, message)),
    info: (fields, message) => void medusa.info(line(fields, message)),
    warn: (fields, message) => void medusa.warn(line(fields, message)),
    error: (fields, message) => void medusa.error(line(fields, message)),
  };
}
