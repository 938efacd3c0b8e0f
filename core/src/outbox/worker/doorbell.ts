/**
 * Lets the worker's idle wait end early: on a ring, on abort, or when the poll interval is up. A ring
 * while nobody waits is remembered, so a notification during a round is not lost.
 */
export class Doorbell {
  private rung = false;
  private answer: (() => void) | undefined;

  ring(): void {
    this.rung = true;
    this.answer?.();
  }

  wait(ms: number, signal: AbortSignal): Promise<void> {
    if (this.rung || signal.aborted) {
      this.rung = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.answer = undefined;
        this.rung = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
      this.answer = done;
    });
  }
}
