/**
 * POST /store/capi-relay/checkout { cart_id, event_source_url? }: the storefront calls this when the
 * checkout page opens. Records the cart's InitiateCheckout with this request's browser context and
 * answers `{ event_id }`, which the storefront passes to its pixel (`fbq('track', 'InitiateCheckout',
 * {...}, { eventID })`) so Meta keeps one of the two.
 */
import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { ContainerRegistrationKeys } from '@medusajs/framework/utils';

import { browserContextOf } from '../../../../capture/request-browser-context';
import { recordCheckout } from '../../../../events/record-checkout';
import { CART_FIELDS } from '../../../../mappers/graph-fields';
import { MedusaDataError } from '../../../../mappers/medusa-data-error';
import type { MedusaCart } from '../../../../mappers/medusa-types';
import { resolveRuntime } from '../../../../runtime/resolve-runtime';

interface Graph {
  graph(input: { entity: 'cart'; fields: string[]; filters: { id: string } }): Promise<{ data: MedusaCart[] }>;
}

function parseBody(body: unknown): { cartId: string; pageUrl?: string } | { error: string } {
  const { cart_id: cartId, event_source_url: pageUrl } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof cartId !== 'string' || cartId.trim() === '') return { error: 'cart_id must be the id of the shopper\'s cart.' };
  if (pageUrl !== undefined && typeof pageUrl !== 'string') return { error: 'event_source_url must be the checkout page\'s address.' };
  return { cartId, ...(pageUrl === undefined ? {} : { pageUrl }) };
}

export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const runtime = resolveRuntime(req.scope);
  const input = parseBody(req.body);
  if ('error' in input) {
    runtime.logger.info({ route: 'store/capi-relay/checkout', problem: input.error }, 'checkout event request refused');
    res.status(400).json({ message: input.error });
    return;
  }
  const query = req.scope.resolve<Graph>(ContainerRegistrationKeys.QUERY);
  const { data: [cart] } = await query.graph({ entity: 'cart', fields: CART_FIELDS, filters: { id: input.cartId } });
  if (!cart) {
    res.status(404).json({ message: `Cart ${input.cartId} does not exist.` });
    return;
  }
  const now = new Date();
  await runtime.db.carts.saveBrowserContext(runtime.store.id, { cartToken: cart.id }, browserContextOf(req, now, input.pageUrl));
  try {
    const { eventId } = await recordCheckout(runtime, cart, now);
    res.json({ event_id: eventId });
  } catch (error) {
    if (!(error instanceof MedusaDataError)) throw error;
    runtime.logger.warn({ cartId: cart.id, field: error.field, problem: error.message }, 'cart cannot be mapped to InitiateCheckout');
    res.status(422).json({ message: `The cart cannot become a Meta event: ${error.message}.` });
  }
}
