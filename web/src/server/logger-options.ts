/**
 * pino options for the Fastify logger. Request lines carry method, path and client address only:
 * query strings (embedded app loads carry `id_token`, `hmac`) and headers stay out, and the redact
 * list is the backstop for anything that carries a credential by name.
 */
import type { Writable } from 'node:stream';
import type { FastifyServerOptions } from 'fastify';
import pretty from 'pino-pretty';

const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-shopify-hmac-sha256"]',
  'headers.authorization',
  'headers.cookie',
  'authorization',
  'accessToken',
  'refreshToken',
  'sessionToken',
  '*.accessToken',
  '*.refreshToken',
  '*.sessionToken',
  '*.access_token',
];

interface LoggedRequest {
  method: string;
  url: string;
  ip?: string;
}

/** @param stream where lines go (stdout by default; tests capture them). */
export function loggerOptions(level: string, stream?: Writable): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: LoggedRequest) => ({ method: req.method, path: req.url.split('?')[0], remoteAddress: req.ip }),
    },
  };
}

/**
 * Development's log lines, for a person at a terminal: time, level, message, then the fields on one
 * line. Production keeps JSON (one object a line, for log collectors). Synchronous, so the last
 * lines before an exit are not lost; redaction has happened before a line gets here.
 */
export function readableLogStream(destination: Writable = process.stdout): Writable {
  return pretty({ destination, sync: true, colorize: destination === process.stdout && process.stdout.isTTY, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: true });
}
