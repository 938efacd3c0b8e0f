/** The fields the mappers read, for `query.graph`. */
const PEOPLE = [
  'email',
  'currency_code',
  'total',
  'customer_id',
  'customer.id',
  'customer.email',
  'customer.first_name',
  'customer.last_name',
  'customer.phone',
  'shipping_address.*',
  'billing_address.*',
  'items.id',
  'items.variant_id',
  'items.product_id',
  'items.variant_sku',
  'items.product_title',
  'items.title',
  'items.unit_price',
  'items.quantity',
];

export const ORDER_FIELDS = ['id', 'display_id', 'created_at', 'cart.id', ...PEOPLE];
export const CART_FIELDS = ['id', 'updated_at', ...PEOPLE];
