/**
 * Thrown by `OutboxStore.record()` when the cart snapshot changed after the caller read it (see
 * `RecordOptions.cartStateBasedOn`). Nothing was written; read the snapshot again, recompute, retry.
 */
export class CartSnapshotConflictError extends Error {
  constructor(
    readonly storeId: string,
    readonly cartToken: string,
    /** The version the caller's snapshot was computed from (null: none was stored). */
    readonly basedOn: number | null,
  ) {
    const read = basedOn === null ? 'no stored snapshot' : `version ${basedOn}`;
    super(`Cart ${cartToken} was written by another delivery after ${read} was read; nothing was recorded.`);
    this.name = 'CartSnapshotConflictError';
  }
}
