/**
 * The shapes `query.graph` returns for the fields in `graph-fields.ts`: only what the mappers read.
 * Medusa leaves absent values null; amounts are decimal major units: numbers, or BigNumbers for totals.
 */
export type MedusaAmount = number | string | MedusaBigNumber | null | undefined;

/** Medusa's BigNumber (computed totals), or its raw form `{ value, precision }`. */
export interface MedusaBigNumber {
  raw?: { value?: number | string } | null;
  value?: number | string;
}

export interface MedusaAddress {
  first_name?: string | null;
  last_name?: string | null;
  city?: string | null;
  province?: string | null;
  postal_code?: string | null;
  country_code?: string | null;
  phone?: string | null;
}

export interface MedusaCustomer {
  id?: string | null;
  email?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  phone?: string | null;
}

export interface MedusaLineItem {
  id: string;
  variant_id?: string | null;
  product_id?: string | null;
  variant_sku?: string | null;
  product_title?: string | null;
  title?: string | null;
  unit_price?: MedusaAmount;
  quantity?: number | string | null;
}

interface MedusaBasket {
  id: string;
  email?: string | null;
  currency_code?: string | null;
  total?: MedusaAmount;
  customer_id?: string | null;
  customer?: MedusaCustomer | null;
  shipping_address?: MedusaAddress | null;
  billing_address?: MedusaAddress | null;
  items?: (MedusaLineItem | null)[] | null;
}

export interface MedusaOrder extends MedusaBasket {
  display_id?: number | null;
  created_at?: string | Date | null;
  /** The cart it was completed from; none for an order converted from an admin draft order. */
  cart?: { id?: string | null } | null;
}

export interface MedusaCart extends MedusaBasket {
  updated_at?: string | Date | null;
}
