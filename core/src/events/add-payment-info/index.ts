import type { PaymentInfoSubmission } from '../../model/commerce';
import { buildEvent } from '../build-event';
import type { BuildContext, BuiltEvent, EventDefinition } from '../definition';
import { eventIds } from '../event-ids';

export const addPaymentInfoEvent: EventDefinition<PaymentInfoSubmission> = {
  eventName: 'AddPaymentInfo',
  eventId: (submission) => eventIds.addPaymentInfo(submission.checkoutToken),
  sourceId: (submission) => submission.checkoutToken,
  tokens: (submission) => ({ checkoutToken: submission.checkoutToken }),
  occurredAt: (submission) => submission.occurredAt,
  actionSource: () => 'website',
  identity: (submission) => ({ browser: submission.browser }),
  value: (submission) => submission.total,
  lines: (submission) => submission.lineItems,
};

export function buildAddPaymentInfo(submission: PaymentInfoSubmission, ctx?: BuildContext): BuiltEvent {
  return buildEvent(addPaymentInfoEvent, submission, ctx);
}
