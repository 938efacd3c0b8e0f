import { EventEmitter } from 'node:events';
import { runUntilSignalled } from './run-until-signalled';

describe('runUntilSignalled', () => {
  it('starts the worker, and on the first signal stops it and resolves with that signal', async () => {
    const signals = new EventEmitter();
    const calls: string[] = [];
    let finishStop!: () => void;
    const worker = {
      start: () => void calls.push('start'),
      stop: () => {
        calls.push('stop');
        return new Promise<void>((resolve) => (finishStop = resolve));
      },
    };

    const run = runUntilSignalled(worker, { process: signals });
    expect(calls).toEqual(['start']);
    let resolvedWith: string | undefined;
    void run.then((signal) => (resolvedWith = signal));

    signals.emit('SIGINT', 'SIGINT');
    signals.emit('SIGTERM', 'SIGTERM');
    await Promise.resolve();
    expect(calls).toEqual(['start', 'stop']);
    expect(resolvedWith).toBeUndefined();

    finishStop();
    expect(await run).toBe('SIGINT');
    expect(signals.listenerCount('SIGTERM') + signals.listenerCount('SIGINT')).toBe(0);
  });
});
