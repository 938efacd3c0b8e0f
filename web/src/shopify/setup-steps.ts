import type { Session } from '@shopify/shopify-api';

/**
 * The post-install steps (after each token exchange), each given its chance whatever the others do:
 * a refused web pixel must not leave the shop's country unread, nor the reverse. The error names
 * every step that failed, so one log line tells what the next connection must retry.
 */
export function allSetupSteps(steps: Record<string, (shop: string, session: Session) => Promise<unknown>>) {
  return async (shop: string, session: Session): Promise<void> => {
    const entries = Object.entries(steps);
    const outcomes = await Promise.allSettled(entries.map(([, step]) => step(shop, session)));
    const failed = outcomes.flatMap((outcome, index) =>
      outcome.status === 'rejected' ? [`${entries[index]?.[0]}: ${outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason)}`] : [],
    );
    if (failed.length > 0) throw new Error(failed.join('; '));
  };
}
