import type { EventEmitter } from 'node:events';
import type { DeliveryWorker } from './create-worker';

export interface RunUntilSignalledOptions {
  /** What ends the run: the platform's stop request and Ctrl-C by default. */
  signals?: NodeJS.Signals[];
  /** Where the signals come from; the current process by default. */
  process?: Pick<EventEmitter, 'once' | 'off'>;
}

/**
 * Runs the worker until the process is asked to stop, then lets the batch in flight finish before
 * resolving with the signal: a deployment's restart never abandons events mid-send.
 */
export function runUntilSignalled(worker: Pick<DeliveryWorker, 'start' | 'stop'>, options: RunUntilSignalledOptions = {}): Promise<NodeJS.Signals> {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const source = options.process ?? process;
  return new Promise((resolve, reject) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      for (const name of signals) source.off(name, onSignal);
      worker.stop().then(() => resolve(signal), reject);
    };
    for (const name of signals) source.once(name, onSignal);
    worker.start();
  });
}
