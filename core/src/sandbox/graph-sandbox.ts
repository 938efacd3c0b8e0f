/**
 * A local stand-in for Graph's `/{version}/{pixel}/events` edge: Meta's checks written out from the
 * spec (never core's own), plus injectable faults. Every delivery test and `npm run sandbox` use it.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseJsonOrUndefined } from '../graph/parse-json';
import { type Logger, silentLogger } from '../log';
import type { SandboxAnswer } from './answers';
import { CONTROL_PREFIX, answerControlRequest } from './control-api';
import { answerEventsRequest } from './events-endpoint';
import { graphErrorBody, newFbtraceId } from './graph-errors';
import {
  type ReceivedRequest,
  type SandboxFault,
  type SandboxRequestLog,
  SandboxState,
  type SandboxTotals,
  type TokenRevocationSubcode,
} from './sandbox-state';

export interface GraphSandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  logger?: Logger;
  /** When set, any other pixel id is answered as Graph answers an unknown object (100/33). */
  knownPixels?: readonly string[];
  /** When set, requests must carry `appsecret_proof` = HMAC-SHA256(token) under this secret. */
  appSecret?: string;
  /** The clock event_time is judged against. */
  now?: () => Date;
  /** Larger bodies get HTTP 413. Graph documents no limit; 10 MB is ten times a full batch. */
  maxBodyBytes?: number;
  /**
   * How many of the latest requests `received` and `requests` keep (default 1,000), so a long
   * session or a million-event benchmark does not hold every event in memory. `totals` counts all.
   */
  historyLimit?: number;
}

export interface GraphSandbox {
  /** Pass as the Graph client's `graphUrl`. */
  readonly url: string;
  /** Each request accepted as Graph would accept it, in order. */
  readonly received: readonly ReceivedRequest[];
  /** Every `/events` request, whatever its answer. */
  readonly requests: readonly SandboxRequestLog[];
  /** A snapshot of the counts since start or the last reset. */
  readonly totals: SandboxTotals;
  /** The next `count` `/events` requests suffer `fault` instead of being processed. */
  failNext(count: number, fault: SandboxFault): void;
  /** Every `/events` request in the next `ms` suffers `fault` (queued `failNext` faults come first). */
  failFor(ms: number, fault: SandboxFault): void;
  /** Requests with this token get 190 and `subcode` (463 expired, 460 password changed) until restored. */
  revokeToken(token: string, subcode?: TokenRevocationSubcode): void;
  restoreToken(token: string): void;
  /** Requests holding an event with one of these ids get Graph's code-100 refusal naming it, until reset. */
  refuseEvents(eventIds: readonly string[]): void;
  /** undefined accepts every pixel id. */
  setKnownPixels(pixelIds: readonly string[] | undefined): void;
  reset(): void;
  /** Also ends requests held open by a `timeout` fault. */
  close(): Promise<void>;
}

const EVENTS_PATH = /^\/(v\d+\.\d+)\/([^/]+)\/events$/;
const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
const DEFAULT_HISTORY_LIMIT = 1000;

export async function startGraphSandbox(options: GraphSandboxOptions = {}): Promise<GraphSandbox> {
  const host = options.host ?? '127.0.0.1';
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date());
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const state = new SandboxState(options.knownPixels, options.historyLimit ?? DEFAULT_HISTORY_LIMIT);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const method = req.method ?? 'GET';
    const body = await readBody(req, maxBodyBytes);
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      const answer = answerControlRequest(method, url.pathname, parseJsonOrUndefined(body?.toString('utf8') ?? ''), state);
      return writeJson(res, answer.status, answer.body);
    }

    const fbtraceId = newFbtraceId();
    const match = method === 'POST' ? EVENTS_PATH.exec(url.pathname) : null;
    if (!match?.[1] || !match[2]) {
      const message = `Unknown path components or method: ${method} ${url.pathname}`;
      return writeJson(res, 400, graphErrorBody({ httpStatus: 400, type: 'OAuthException', code: 2500, message }, fbtraceId));
    }
    const pixelId = match[2];
    const result = answerEventsRequest(
      {
        apiVersion: match[1],
        pixelId,
        url,
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body,
      },
      { state, appSecret: options.appSecret, now: now(), fbtraceId, maxBodyBytes },
    );
    const status = writeAnswer(res, result.answer, fbtraceId);
    const entry: SandboxRequestLog = { method, url: req.url ?? '', pixelId, status, eventCount: result.eventCount, fault: result.fault, refusedEvent: result.refusedEvent };
    if (status !== undefined) entry.fbtraceId = fbtraceId;
    state.logRequest(entry);
    logger.info({ method, path: url.pathname, pixelId, status, eventCount: result.eventCount, fault: result.fault, fbtraceId }, 'sandbox /events');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ error: String(error) }, 'sandbox request failed');
      if (!res.headersSent) writeJson(res, 500, { error: { message: 'sandbox failure', code: 1 } });
    });
  });
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  const printableHost = host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${printableHost}:${port}`,
    received: state.received,
    requests: state.requests,
    get totals() {
      return { ...state.totals };
    },
    failNext: (count, fault) => state.failNext(count, fault),
    failFor: (ms, fault) => state.failUntil(new Date(now().getTime() + ms), fault),
    revokeToken: (token, subcode) => state.revokeToken(token, subcode),
    restoreToken: (token) => state.restoreToken(token),
    refuseEvents: (eventIds) => state.refuseEvents(eventIds),
    setKnownPixels: (pixelIds) => state.setKnownPixels(pixelIds),
    reset: () => state.reset(),
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Held (`timeout`) requests and idle keep-alive sockets would otherwise keep close() waiting.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** Writes the answer; returns the HTTP status, or undefined for a request deliberately left hanging. */
function writeAnswer(res: ServerResponse, answer: SandboxAnswer, fbtraceId: string): number | undefined {
  switch (answer.kind) {
    case 'success':
      writeJson(res, 200, { events_received: answer.eventsReceived, messages: [], fbtrace_id: fbtraceId });
      return 200;
    case 'graphError':
      writeJson(res, answer.error.httpStatus, graphErrorBody(answer.error, fbtraceId), answer.error.headers);
      return answer.error.httpStatus;
    case 'text':
      res.writeHead(answer.httpStatus, { 'content-type': 'text/plain' }).end(answer.text);
      return answer.httpStatus;
    case 'hold':
      return undefined;
  }
}

function writeJson(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The whole body, or undefined once it passes the cap (the rest is drained, so the answer still arrives). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    req.on('end', () => resolve(size <= maxBytes ? Buffer.concat(chunks) : undefined));
    req.on('error', reject);
  });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
