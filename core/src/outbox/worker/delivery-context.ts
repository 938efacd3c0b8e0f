import type { EventEmitter } from 'node:events';
import type { GraphError } from '../../graph';
import type { ResolvedWorkerOptions } from './worker-options';
import type { WorkerEventMap } from './worker-events';

/** What one batch delivery works with: the resolved options and a way to announce outcomes. */
export interface DeliveryContext {
  options: ResolvedWorkerOptions;
  events: Pick<EventEmitter<WorkerEventMap>, 'emit'>;
}

/**
 * Stops the pixel (its events stay queued; claimDue skips it) until a settings change closes the
 * circuit again. The reason is stored for the merchant, so it is Graph's merchant message, never
 * Meta's raw text.
 */
export async function openCircuit(ctx: DeliveryContext, pixelConfigId: string, error: GraphError): Promise<void> {
  const { pixels, clock, logger } = ctx.options;
  await pixels.stop(pixelConfigId, error.merchantMessage, clock());
  logger.error(
    { pixelConfigId, code: error.code, subcode: error.subcode, fbtraceId: error.fbtraceId },
    'pixel stopped: Meta refused its configuration',
  );
  ctx.events.emit('circuitOpened', {
    pixelConfigId,
    reason: error.merchantMessage,
    ...(error.code === undefined ? {} : { code: error.code }),
    ...(error.subcode === undefined ? {} : { subcode: error.subcode }),
  });
}
