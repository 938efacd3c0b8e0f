/** Raw HTTP against a running sandbox, bypassing the Graph client, so each sandbox rule is seen alone. */
import type { GraphSandbox } from '../graph-sandbox';

export const TOKEN = 'EAAsandboxtesttoken0001';
export const PIXEL_ID = '1234567890';

export interface RawAnswer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the text when the body is not JSON. */
  body: any;
}

export interface PostOptions {
  token?: string | null;
  pixelId?: string;
  path?: string;
  query?: string;
  contentType?: string;
  signal?: AbortSignal;
}

export async function postEvents(sandbox: GraphSandbox, body: unknown, options: PostOptions = {}): Promise<RawAnswer> {
  const token = options.token === undefined ? TOKEN : options.token;
  const path = options.path ?? `/v25.0/${options.pixelId ?? PIXEL_ID}/events`;
  const response = await fetch(`${sandbox.url}${path}${options.query ?? ''}`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/json',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: options.signal,
  });
  return readAnswer(response);
}

export async function readAnswer(response: Response): Promise<RawAnswer> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the text itself is the body.
  }
  return { status: response.status, headers: response.headers, body };
}
