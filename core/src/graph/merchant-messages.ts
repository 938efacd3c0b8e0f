/**
 * What a merchant reads when delivery fails. Chosen from Graph's code/subcode only: Meta's own
 * `error_user_title`/`error_user_msg` are localized to whatever locale Graph picked and may change.
 */

const PAUSED = 'Sending to this pixel is paused until the settings change.';
const QUEUED = 'The events stay queued and are sent automatically.';

/** Graph's own numbers, so support can look the error up. */
function reference(code: number | undefined, subcode: number | undefined): string {
  if (code === undefined) return '';
  return subcode === undefined ? ` (Meta error ${code})` : ` (Meta error ${code}/${subcode})`;
}

export const merchantMessages = {
  tokenRefused: (code: number, subcode: number | undefined): string =>
    'Meta no longer accepts the access token saved for this pixel: it expired, was revoked, or the ' +
    'password of the person who created it changed. Generate a new Conversions API token in Events ' +
    `Manager and save it in the settings. ${PAUSED}${reference(code, subcode)}`,
  permissionMissing: (code: number, subcode: number | undefined): string =>
    'The access token is not allowed to send events to this pixel. Generate the token from this ' +
    `pixel's Conversions API settings in Events Manager. ${PAUSED}${reference(code, subcode)}`,
  unknownPixel: (code: number, subcode: number | undefined): string =>
    'Meta cannot find this pixel with the saved access token. Check that the pixel (dataset) ID is ' +
    `right and that the token was generated for that pixel. ${PAUSED}${reference(code, subcode)}`,
  requestRefused: (code: number | undefined, subcode: number | undefined): string =>
    'Meta refused every request for this pixel. Check the pixel ID, the access token and, if one is ' +
    `set, the app secret. ${PAUSED}${reference(code, subcode)}`,
  missingPixelId: (): string => `No valid pixel ID is saved: it must be the digits shown in Events Manager. ${PAUSED}`,
  missingToken: (): string => `No Conversions API access token is saved for this pixel. ${PAUSED}`,
  malformedToken: (): string =>
    `The saved access token is damaged (it has spaces or characters a token never has); paste it again. ${PAUSED}`,
  throttled: (code: number | undefined, subcode: number | undefined): string =>
    `Meta is limiting how often events may be sent right now. ${QUEUED}${reference(code, subcode)}`,
  policyBlock: (code: number, subcode: number | undefined): string =>
    'Meta has temporarily blocked sending for a policy reason; check Business Support Home for a ' +
    `notice. ${QUEUED}${reference(code, subcode)}`,
  temporaryFailure: (code: number | undefined, subcode: number | undefined): string =>
    `Meta had a temporary problem. ${QUEUED}${reference(code, subcode)}`,
  unreachable: (): string => `Meta could not be reached. ${QUEUED}`,
  timedOut: (timeoutMs: number): string => `Meta did not answer within ${Math.ceil(timeoutMs / 1000)} seconds. ${QUEUED}`,
  partiallyAcknowledged: (received: number | undefined, sent: number): string =>
    `Meta confirmed ${received ?? 'none'} of ${sent} events, so the batch is sent again; Meta ` +
    'discards the copies it already has because each event keeps its event ID.',
  eventTooOld: (code: number, subcode: number): string =>
    'The event happened more than 7 days ago (62 for in-store events), and Meta no longer accepts it.' +
    reference(code, subcode),
  notHashed: (code: number, subcode: number): string =>
    'Meta refused the event because customer information in it was not hashed. This is a CAPI Relay ' +
    `bug: please report it.${reference(code, subcode)}`,
  insufficientCustomerData: (code: number, subcode: number): string =>
    'The event carries too little customer information for Meta to match it to a person (for example ' +
    `only a city or a birth date), so Meta refused it.${reference(code, subcode)}`,
  invalidEvent: (code: number | undefined, subcode: number | undefined): string =>
    `Meta refused the event as invalid${reference(code, subcode)}.`,
  tooLarge: (): string => 'The event is too large for Meta to accept.',
} as const;
