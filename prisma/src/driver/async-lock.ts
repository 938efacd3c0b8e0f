/**
 * A FIFO lock for one SQLite connection: Prisma's interactive transactions and the driver's own
 * transactions both take it, so neither runs its statements inside the other's BEGIN.
 */
export class AsyncLock {
  private held = false;
  private readonly waiting: Array<() => void> = [];

  async acquire(): Promise<() => void> {
    if (this.held) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.held = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.held = false;
    };
  }
}
