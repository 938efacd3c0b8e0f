import type { DeliveryWorker, RoundCounts } from '../outbox/worker';
import { addCounts, emptyCounts } from '../outbox/worker/worker-events';

/**
 * Runs the worker's rounds until one claims nothing (or `maxRounds` ran, so a test that never
 * drains still ends), and adds up what they counted, the empty round's nothing included.
 */
export async function drainRounds(worker: Pick<DeliveryWorker, 'runOnce'>, maxRounds = 100): Promise<RoundCounts> {
  let total = emptyCounts();
  for (let round = 0; round < maxRounds; round++) {
    const counts = await worker.runOnce();
    total = addCounts(total, counts);
    if (counts.claimed === 0) break;
  }
  return total;
}
