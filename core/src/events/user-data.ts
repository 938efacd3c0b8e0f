import type { Address } from '../model/commerce';
import { buildFbc, type NormalizeContext, type RawUserData } from '../normalize';
import type { IdentitySources } from './definition';

function firstPresent(...values: (string | undefined)[]): string | undefined {
  return values.find((value) => value !== undefined && value.trim() !== '');
}

function hasLocation(address: Address | undefined): address is Address {
  if (!address) return false;
  const { city, province, provinceCode, zip, country, countryCode } = address;
  return firstPresent(city, province, provinceCode, zip, country, countryCode) !== undefined;
}

/**
 * One value per key, the first present in this order: the contact on the order, the customer
 * record, the billing address, the shipping address. Shipping comes last because it may name a
 * gift recipient rather than the buyer. City, state, zip and country come from one address so they
 * describe the same place; its country is also the default region for parsing the phone number.
 */
export function rawUserDataFrom(
  identity: IdentitySources,
  occurredAt: Date,
): { raw: RawUserData; context: NormalizeContext } {
  const { customer, billingAddress: billing, shippingAddress: shipping, browser } = identity;
  const place = [billing, shipping].find(hasLocation);
  const country = firstPresent(place?.countryCode, place?.country);

  // Without a cookie, fbc's creation time is when the click id was first seen; lacking that, the
  // action itself is the earliest moment we know the click id existed.
  const fbc =
    firstPresent(browser?.fbc) ??
    (browser?.fbclid ? buildFbc(browser.fbclid, browser.fbclidSeenAt ?? occurredAt) : undefined);

  const raw: RawUserData = {
    em: firstPresent(identity.email, customer?.email),
    ph: firstPresent(identity.phone, customer?.phone, billing?.phone, shipping?.phone),
    fn: firstPresent(customer?.firstName, billing?.firstName, shipping?.firstName),
    ln: firstPresent(customer?.lastName, billing?.lastName, shipping?.lastName),
    db: customer?.dateOfBirth,
    ge: customer?.gender,
    ct: place?.city,
    st: firstPresent(place?.provinceCode, place?.province),
    zp: place?.zip,
    country,
    external_id: customer?.id,
    client_ip_address: browser?.ipAddress,
    client_user_agent: browser?.userAgent,
    fbp: browser?.fbp,
    fbc,
  };
  return { raw, context: country === undefined ? {} : { country } };
}
