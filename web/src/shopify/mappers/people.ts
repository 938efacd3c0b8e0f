import type { Address, Customer } from '@capi-relay/core';
import { asRecord, compact, shopifyId, text } from './payload-reader';

/** A Shopify address (billing, shipping). Street lines are not read: Meta has no key for them. */
export function mapAddress(value: unknown): Address | undefined {
  const address = asRecord(value);
  if (!address) return undefined;
  return compact<Address>({
    firstName: text(address.first_name),
    lastName: text(address.last_name),
    city: text(address.city),
    province: text(address.province),
    provinceCode: text(address.province_code),
    zip: text(address.zip),
    country: text(address.country),
    countryCode: text(address.country_code),
    phone: text(address.phone),
  });
}

/**
 * The customer record. `default_address` is deliberately not read: it is the customer's saved
 * address, not this order's, and may be years old.
 */
export function mapCustomer(value: unknown, field: string): Customer | undefined {
  const customer = asRecord(value);
  if (!customer) return undefined;
  return compact<Customer>({
    id: shopifyId(customer.admin_graphql_api_id, `${field}.admin_graphql_api_id`) ?? shopifyId(customer.id, `${field}.id`),
    email: text(customer.email),
    phone: text(customer.phone),
    firstName: text(customer.first_name),
    lastName: text(customer.last_name),
  });
}
