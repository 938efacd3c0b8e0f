import type { ProductView } from '../../model/commerce';
import { buildEvent } from '../build-event';
import type { BuildContext, BuiltEvent, EventDefinition } from '../definition';
import { eventIds } from '../event-ids';

export const viewContentEvent: EventDefinition<ProductView> = {
  eventName: 'ViewContent',
  eventId: (view) => eventIds.viewContent(view.id),
  sourceId: (view) => view.id,
  // A product page belongs to no cart yet.
  tokens: () => ({}),
  occurredAt: (view) => view.occurredAt,
  actionSource: () => 'website',
  identity: (view) => ({ browser: view.browser }),
  value: (view) => view.line.unitPrice,
  lines: (view) => [view.line],
};

export function buildViewContent(view: ProductView, ctx?: BuildContext): BuiltEvent {
  return buildEvent(viewContentEvent, view, ctx);
}
