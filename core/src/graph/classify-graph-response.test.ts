import { classifyGraphResponse, classifyTransportFailure } from './classify-graph-response';
import { ConfigurationGraphError, RejectedEventError, RetryableGraphError } from './errors';
import { POLICY_BLOCK_RETRY_AFTER_MS, THROTTLED_RETRY_AFTER_MS } from './graph-config';

const noHeaders = new Headers();
const graphError = (code: number, subcode?: number, extra: Record<string, unknown> = {}) => ({
  error: { message: 'Some message', type: 'OAuthException', code, ...(subcode === undefined ? {} : { error_subcode: subcode }), ...extra },
});

describe('classifyGraphResponse', () => {
  it.each([
    [1, undefined, 0],
    [2, undefined, 0],
    [4, undefined, THROTTLED_RETRY_AFTER_MS],
    [17, 2446079, THROTTLED_RETRY_AFTER_MS],
    [32, undefined, THROTTLED_RETRY_AFTER_MS],
    [341, undefined, THROTTLED_RETRY_AFTER_MS],
    [613, 1487742, THROTTLED_RETRY_AFTER_MS],
    [80000, undefined, THROTTLED_RETRY_AFTER_MS],
    [80014, undefined, THROTTLED_RETRY_AFTER_MS],
    [368, undefined, POLICY_BLOCK_RETRY_AFTER_MS],
  ])('retries code %i/%s after at least %i ms', (code, subcode, retryAfterMs) => {
    const error = classifyGraphResponse({ httpStatus: 400, body: graphError(code, subcode), headers: noHeaders });
    expect(error).toBeInstanceOf(RetryableGraphError);
    expect(error).toMatchObject({ code, subcode, retryAfterMs });
  });

  it.each([
    [190, 463],
    [190, 460],
    [190, undefined],
    [102, undefined],
    [104, undefined],
    [10, undefined],
    [200, undefined],
    [299, undefined],
    [3, undefined],
    [100, 33],
    [100, undefined],
  ])('stops the pixel on code %i/%s', (code, subcode) => {
    const error = classifyGraphResponse({ httpStatus: 400, body: graphError(code, subcode), headers: noHeaders });
    expect(error).toBeInstanceOf(ConfigurationGraphError);
    expect(error).toMatchObject({ code, subcode, httpStatus: 400 });
  });

  it.each([
    [100, 2804003, '7 days'],
    [100, 2804016, 'not hashed'],
    [100, 2804050, 'too little customer information'],
    [100, 2804019, 'invalid (Meta error 100/2804019)'],
    [80015, undefined, 'invalid (Meta error 80015)'],
    [12345, 7, 'invalid (Meta error 12345/7)'],
  ])('dead-letters code %i/%s', (code, subcode, message) => {
    const error = classifyGraphResponse({ httpStatus: 400, body: graphError(code, subcode), headers: noHeaders });
    expect(error).toBeInstanceOf(RejectedEventError);
    expect(error.merchantMessage).toContain(message);
  });

  it('retries what Graph marks is_transient even with a validation code', () => {
    const error = classifyGraphResponse({ httpStatus: 400, body: graphError(100, 2804019, { is_transient: true }), headers: noHeaders });
    expect(error).toBeInstanceOf(RetryableGraphError);
  });

  it('never retries a token error, even one marked is_transient', () => {
    const error = classifyGraphResponse({ httpStatus: 400, body: graphError(190, 463, { is_transient: true }), headers: noHeaders });
    expect(error).toBeInstanceOf(ConfigurationGraphError);
  });

  it.each([
    [500, RetryableGraphError, 0],
    [502, RetryableGraphError, 0],
    [408, RetryableGraphError, 0],
    [429, RetryableGraphError, THROTTLED_RETRY_AFTER_MS],
  ])('retries HTTP %i without a Graph body', (httpStatus, type, retryAfterMs) => {
    const error = classifyGraphResponse({ httpStatus, body: undefined, headers: noHeaders });
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ httpStatus, retryAfterMs, code: undefined });
  });

  it.each([401, 403])('stops the pixel on HTTP %i without a Graph body', (httpStatus) => {
    expect(classifyGraphResponse({ httpStatus, body: '<html>', headers: noHeaders })).toBeInstanceOf(ConfigurationGraphError);
  });

  it('dead-letters HTTP 413, whatever the body says', () => {
    const error = classifyGraphResponse({ httpStatus: 413, body: graphError(1), headers: noHeaders });
    expect(error).toBeInstanceOf(RejectedEventError);
    expect(error.merchantMessage).toContain('too large');
  });

  it("keeps Meta's localized title for support but never shows Meta's texts to the merchant", () => {
    const body = graphError(100, 2804003, {
      error_user_title: "Horodatage de l'événement trop ancien",
      error_user_msg: "L'horodatage de cet événement est trop ancien.",
      fbtrace_id: 'AbCdEfGhIjKlMnOpQrStUvW',
      is_transient: false,
    });
    const error = classifyGraphResponse({ httpStatus: 400, body, headers: noHeaders });
    expect(error).toMatchObject({
      userTitle: "Horodatage de l'événement trop ancien",
      fbtraceId: 'AbCdEfGhIjKlMnOpQrStUvW',
      isTransient: false,
      message: 'Graph answered HTTP 400 (code 100/2804003): Some message',
    });
    expect(error.merchantMessage).not.toMatch(/Horodatage|horodatage/);
    expect(error.merchantMessage).toContain('(Meta error 100/2804003)');
  });

  it('ignores error fields of the wrong type', () => {
    const body = { error: { code: '190', error_subcode: 463.5, is_transient: 'yes', fbtrace_id: 7 } };
    const error = classifyGraphResponse({ httpStatus: 400, body, headers: noHeaders });
    expect(error).toBeInstanceOf(RejectedEventError);
    expect(error).toMatchObject({ code: undefined, subcode: undefined, isTransient: undefined, fbtraceId: undefined });
  });

  describe('usage headers', () => {
    const headers = (entries: Record<string, string>) => new Headers(entries);
    const business = (minutes: number) => JSON.stringify({ '123': [{ type: 'ads_management', call_count: 100, estimated_time_to_regain_access: minutes }] });

    it('waits the longest estimated_time_to_regain_access announced by either header', () => {
      const error = classifyGraphResponse({
        httpStatus: 400,
        body: graphError(80004),
        headers: headers({ 'x-business-use-case-usage': business(5), 'x-app-usage': JSON.stringify({ estimated_time_to_regain_access: 9 }) }),
      });
      expect(error).toMatchObject({ retryAfterMs: 9 * 60_000 });
    });

    it('honours the announced wait on any retryable answer, not only throttling codes', () => {
      const error = classifyGraphResponse({ httpStatus: 503, body: undefined, headers: headers({ 'x-business-use-case-usage': business(2) }) });
      expect(error).toMatchObject({ retryAfterMs: 2 * 60_000 });
    });

    it.each([
      ['a zero wait', business(0)],
      ['a malformed header', '{not json'],
      ['a negative wait', business(-3)],
    ])('falls back to the floor on %s', (_case, value) => {
      const error = classifyGraphResponse({ httpStatus: 400, body: graphError(17), headers: headers({ 'x-business-use-case-usage': value }) });
      expect(error).toMatchObject({ retryAfterMs: THROTTLED_RETRY_AFTER_MS });
    });
  });
});

describe('classifyTransportFailure', () => {
  it('describes a timeout', () => {
    const error = classifyTransportFailure(new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 1500);
    expect(error).toMatchObject({ message: 'Graph did not answer within 1500 ms', retryAfterMs: 0 });
    expect(error.merchantMessage).toContain('within 2 seconds');
  });

  it("includes the network error's cause", () => {
    const failure = new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND graph.facebook.com') });
    expect(classifyTransportFailure(failure, 1000).message).toBe('Graph request failed: fetch failed (getaddrinfo ENOTFOUND graph.facebook.com)');
  });

  it('copes with something thrown that is not an Error', () => {
    expect(classifyTransportFailure('boom', 1000).message).toBe('Graph request failed: boom');
  });
});
