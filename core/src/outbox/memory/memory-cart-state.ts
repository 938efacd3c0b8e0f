import { mergeBrowserContext } from '../../model/browser-context';
import type { BrowserContext } from '../../model/commerce';
import { CartSnapshotConflictError } from '../cart-snapshot-conflict';
import type { CartSnapshot, CartStateStore } from '../port';
import { cartKey, type MemoryCartRow, type MemoryOutboxState } from './memory-state';

/** Before any webhook: the pixel-only snapshot sorts older than every real cart update. */
const NEVER_UPDATED = new Date(0);

/** Cart snapshots kept in memory with the Prisma store's rules (see write-cart-snapshot.ts there). */
export class MemoryCartStateStore implements CartStateStore {
  constructor(private readonly state: MemoryOutboxState) {}

  async get(storeId: string, cartToken: string): Promise<CartSnapshot | null> {
    const row = this.state.carts.get(cartKey(storeId, cartToken));
    return row ? stored(row) : null;
  }

  async findByTokens(storeId: string, { cartToken, checkoutToken }: { cartToken?: string; checkoutToken?: string }): Promise<CartSnapshot | null> {
    return (cartToken ? await this.get(storeId, cartToken) : null) ?? (checkoutToken ? this.newestByCheckoutToken(storeId, checkoutToken) : null);
  }

  private newestByCheckoutToken(storeId: string, checkoutToken: string): CartSnapshot | null {
    let newest: MemoryCartRow | undefined;
    for (const row of this.state.carts.values()) {
      const { snapshot } = row;
      if (snapshot.storeId !== storeId || snapshot.checkoutToken !== checkoutToken) continue;
      const newer = !newest || snapshot.updatedAt > newest.snapshot.updatedAt || (snapshot.updatedAt.getTime() === newest.snapshot.updatedAt.getTime() && row.sequence > newest.sequence);
      if (newer) newest = row;
    }
    return newest ? stored(newest) : null;
  }

  async saveBrowserContext(storeId: string, tokens: { cartToken: string; checkoutToken?: string }, browser: BrowserContext, customerRef?: string): Promise<void> {
    this.assertStore(storeId);
    const key = cartKey(storeId, tokens.cartToken);
    const row = this.state.carts.get(key) ?? {
      snapshot: { storeId, cartToken: tokens.cartToken, lines: [], updatedAt: NEVER_UPDATED },
      version: 0,
      touchedAt: this.state.clock(),
      sequence: this.state.nextSequence(),
    };
    const { snapshot } = row;
    snapshot.browser = structuredClone(mergeBrowserContext(snapshot.browser, browser));
    if (tokens.checkoutToken !== undefined) snapshot.checkoutToken = tokens.checkoutToken;
    if (snapshot.customerRef === undefined && customerRef !== undefined) snapshot.customerRef = customerRef;
    row.touchedAt = this.state.clock();
    this.state.carts.set(key, row);
  }

  /** Throws unless the stored version is still `basedOn` (null: no row); record() calls it before writing anything. */
  assertUnchanged(incoming: CartSnapshot, basedOn: number | null): void {
    const existing = this.state.carts.get(cartKey(incoming.storeId, incoming.cartToken));
    if ((existing?.version ?? null) !== basedOn) throw new CartSnapshotConflictError(incoming.storeId, incoming.cartToken, basedOn);
  }

  /**
   * Written with a recorded delivery, bumping the version. Unless the caller checked the version
   * (`compared`), an older snapshot (by the platform's updatedAt) never replaces a newer one. A
   * snapshot without `browser` keeps the stored context; tokens and customer are only ever filled in.
   */
  write(incoming: CartSnapshot, now: Date, compared: boolean): void {
    const key = cartKey(incoming.storeId, incoming.cartToken);
    const existing = this.state.carts.get(key);
    if (existing && !compared && incoming.updatedAt < existing.snapshot.updatedAt) return;
    const copy = structuredClone(incoming);
    const kept = existing?.snapshot;
    const browser = copy.browser ?? kept?.browser;
    const checkoutToken = copy.checkoutToken ?? kept?.checkoutToken;
    const customerRef = copy.customerRef ?? kept?.customerRef;
    const snapshot: CartSnapshot = {
      storeId: copy.storeId,
      cartToken: copy.cartToken,
      lines: copy.lines,
      updatedAt: copy.updatedAt,
      ...(checkoutToken !== undefined && { checkoutToken }),
      ...(customerRef !== undefined && { customerRef }),
      ...(browser !== undefined && { browser }),
    };
    const version = (existing?.version ?? 0) + 1;
    this.state.carts.set(key, { snapshot, version, touchedAt: now, sequence: existing?.sequence ?? this.state.nextSequence() });
  }

  assertStore(storeId: string): void {
    if (!this.state.stores.has(storeId)) throw new Error(`No store ${storeId}.`);
  }
}

function stored(row: MemoryCartRow): CartSnapshot {
  return { ...structuredClone(row.snapshot), version: row.version };
}
