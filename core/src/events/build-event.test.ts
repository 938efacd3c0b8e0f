import type { LineItem } from '../model/commerce';
import { buildEvent } from './build-event';
import type { EventDefinition } from './definition';

interface ProductView {
  viewId: string;
  seenAt: Date;
  product: LineItem;
  reference?: string;
}

/** A definition the engine has never seen: adding an event needs no change to the engine. */
const viewContent: EventDefinition<ProductView> = {
  eventName: 'ViewContent',
  eventId: (view) => `view_content:${view.viewId}`,
  sourceId: (view) => view.viewId,
  tokens: () => ({}),
  occurredAt: (view) => view.seenAt,
  actionSource: () => 'website',
  identity: () => ({ browser: { userAgent: 'Mozilla/5.0', pageUrl: ' ' } }),
  value: (view) => view.product.unitPrice,
  lines: (view) => [view.product],
  customData: { order_id: (view) => view.reference },
};

describe('buildEvent', () => {
  const view: ProductView = { viewId: 'v1', seenAt: new Date('2026-03-10T08:00:00Z'), product: { productId: 'p9', quantity: 1 } };

  it('builds any declared event and never emits undefined or blank keys', () => {
    const built = buildEvent(viewContent, view);
    expect(built.event).toEqual({
      event_name: 'ViewContent',
      event_time: Date.parse('2026-03-10T08:00:00Z') / 1000,
      event_id: 'view_content:v1',
      action_source: 'website',
      user_data: { client_user_agent: 'Mozilla/5.0' },
      custom_data: { content_ids: ['p9'], contents: [{ id: 'p9', quantity: 1 }], content_type: 'product', num_items: 1 },
    });
    expect(JSON.stringify(built.event)).not.toContain('null');
    expect(Object.values(built.event.custom_data ?? {})).not.toContain(undefined);
  });

  it('fills declared custom_data keys from their paths', () => {
    expect(buildEvent(viewContent, { ...view, reference: 'ref-7' }).event.custom_data?.order_id).toBe('ref-7');
  });

  it('leaves out a declared key whose path yields null', () => {
    const nullish: EventDefinition<ProductView> = { ...viewContent, customData: { order_id: () => null as unknown as string } };
    expect(buildEvent(nullish, view).event.custom_data).not.toHaveProperty('order_id');
  });

  it('omits custom_data entirely when nothing fills it', () => {
    const bare: EventDefinition<ProductView> = { ...viewContent, lines: () => [], customData: undefined };
    expect(buildEvent(bare, view).event).not.toHaveProperty('custom_data');
  });

  it('throws a readable error for an amount that is not a decimal', () => {
    const broken = { ...view, product: { productId: 'p9', quantity: 1, unitPrice: { amount: '12,50', currency: 'EUR' } } };
    expect(() => buildEvent(viewContent, broken)).toThrow('Amount "12,50" is not a decimal number');
  });
});
