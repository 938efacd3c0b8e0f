/**
 * The baselines built on Meta's own SDK (facebook-nodejs-business-sdk, a bench-only dev dependency),
 * in a forked process of their own: the SDK changes process-wide state (every `new EventRequest()`
 * calls `FacebookAdsApi.init()`, which installs an uncaughtException handler; its Graph base URL is a
 * static getter, redefined here to reach the sandbox) that must not leak into the benchmark process.
 *
 * Tasks, one message each, answered with { ok: true, result } or { ok: false, error }:
 * - `drain`: the approach of Meta's Conversions API example, one `EventRequest` per event, each event
 *   built with the SDK's ServerEvent, UserData, CustomData and Content setters from a stored payload,
 *   `inFlight` requests at once;
 * - `normalize`: core's normalize-and-hash and the SDK's (UserData setters + `normalize()`) on the
 *   same varied customers (customers.js).
 */
const { performance } = require('node:perf_hooks');

const { varietyOfCustomers } = require('./customers');
const { built } = require('./workspace');

/** Named like ours: Meta's example sets none, and the SDK would then send it as null too. */
const SDK_PARTNER_AGENT = 'capirelay_bench_sdk';
const UNSET_REQUEST_FIELDS = ['_test_event_code', '_namespace_id', '_upload_id', '_upload_tag', '_upload_source'];

if (require.main === module) {
  process.on('message', async (task) => {
    try {
      const result = task.kind === 'drain' ? await sdkDrain(task) : normalizeBoth(task);
      process.send({ ok: true, result });
    } catch (error) {
      process.send({ ok: false, error: error instanceof Error ? error.stack : String(error) });
    }
  });
  process.send({ ready: true });
}

function sdk() {
  return require('facebook-nodejs-business-sdk');
}

/** The SDK's objects for one stored ServerEvent, set field by field as Meta's example does. */
function sdkEvent(bizSdk, event) {
  const { ServerEvent, UserData, CustomData, Content } = bizSdk;
  const user = event.user_data;
  const userData = new UserData()
    .setEmails(user.em ?? [])
    .setPhones(user.ph ?? [])
    .setFirstNames(user.fn ?? [])
    .setLastNames(user.ln ?? [])
    .setCities(user.ct ?? [])
    .setStates(user.st ?? [])
    .setZips(user.zp ?? [])
    .setCountries(user.country ?? [])
    .setExternalIds(user.external_id ?? [])
    .setClientIpAddress(user.client_ip_address)
    .setClientUserAgent(user.client_user_agent)
    .setFbc(user.fbc)
    .setFbp(user.fbp);
  const custom = event.custom_data ?? {};
  const customData = new CustomData()
    .setValue(custom.value)
    .setCurrency(custom.currency)
    .setNumItems(custom.num_items)
    .setContentIds(custom.content_ids)
    .setContentType(custom.content_type)
    .setOrderId(custom.order_id)
    .setContents((custom.contents ?? []).map((content) => new Content().setId(content.id).setQuantity(content.quantity).setItemPrice(content.item_price)));
  return new ServerEvent()
    .setEventName(event.event_name)
    .setEventTime(event.event_time)
    .setEventId(event.event_id)
    .setActionSource(event.action_source)
    .setEventSourceUrl(event.event_source_url)
    .setUserData(userData)
    .setCustomData(customData);
}

/**
 * `count` copies of the stored payload (its order id replaced, as the backlog's rows are), each sent
 * in its own EventRequest, `inFlight` at once. Building the events is part of what is timed: the
 * SDK's way starts from its own objects.
 */
async function sdkDrain({ graphUrl, pixelId, accessToken, payloadText, modelId, idFor, count, inFlight, timeoutMs }) {
  const bizSdk = sdk();
  const { EventRequest, FacebookAdsApi } = bizSdk;
  Object.defineProperty(FacebookAdsApi, 'GRAPH', { get: () => graphUrl });
  const orderId = (index) => `${idFor.prefix}${String(index).padStart(idFor.digits, '0')}`;
  const payloadOf = (index) => JSON.parse(payloadText.split(modelId).join(orderId(index)));

  const deadline = performance.now() + timeoutMs;
  let next = 0;
  let sent = 0;
  let failed = 0;
  let firstFailure;
  const lane = async () => {
    while (next < count && performance.now() < deadline) {
      const index = next++;
      try {
        const request = new EventRequest(accessToken, pixelId).setEvents([sdkEvent(bizSdk, payloadOf(index))]).setPartnerAgent(SDK_PARTNER_AGENT);
        // The SDK sends every optional parameter it was not given as null, which the strict sandbox
        // refuses ("must be a non-empty string"); undefined leaves them out of its JSON body instead.
        for (const field of UNSET_REQUEST_FIELDS) request[field] = undefined;
        const response = await request.execute();
        if (response.events_received === 1) sent += 1;
        else {
          failed += 1;
          firstFailure ??= `answered ${JSON.stringify(response)}`;
        }
      } catch (error) {
        failed += 1;
        firstFailure ??= describeSdkError(error);
      }
    }
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, lane));
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { sent, failed, firstFailure, seconds, cpuMicros: used.user + used.system };
}

/** The SDK rejects with its own error objects; Graph's answer, when there was one, is in `response`. */
function describeSdkError(error) {
  const response = error?.response;
  if (response) return `HTTP ${response.status ?? '?'}: ${JSON.stringify(response.error ?? response).slice(0, 300)}`;
  return String(error?.message ?? error).slice(0, 300);
}

/** Customers per second of each side on the same inputs, each after a warm-up pass. */
function normalizeBoth({ count }) {
  const { hashUserData } = built('core');
  const { UserData } = sdk();
  const customers = varietyOfCustomers(count);
  const ours = (customer) => hashUserData(customer);
  let sdkRefused = 0;
  const theirs = (customer) => {
    const userData = new UserData()
      .setEmail(customer.em)
      .setPhone(customer.ph)
      .setFirstName(customer.fn)
      .setLastName(customer.ln)
      .setCity(customer.ct)
      .setState(customer.st)
      .setZip(customer.zp)
      .setCountry(customer.country)
      .setExternalId(customer.external_id);
    try {
      return userData.normalize();
    } catch {
      // normalizeEmail throws on an address it cannot read (non-ASCII, say): the whole event fails.
      sdkRefused += 1;
      return undefined;
    }
  };
  const timed = (normalize) => {
    for (const customer of customers.slice(0, Math.min(5_000, count))) normalize(customer);
    sdkRefused = 0;
    const started = performance.now();
    for (const customer of customers) normalize(customer);
    return count / ((performance.now() - started) / 1000);
  };
  const oursPerSecond = timed(ours);
  const sdkPerSecond = timed(theirs);
  return { oursPerSecond, sdkPerSecond, sdkRefused };
}

module.exports = { sdkEvent };
