import type { BrowserContext } from '../../model/commerce';
import type { CartSnapshot, CartStateStore } from '../port';
import { cartKey, type MemoryCartRow, type MemoryOutboxState } from './memory-state';

/** Before any webhook: the pixel-only snapshot sorts older than every real cart update. */
const NEVER_UPDATED = new Date(0);

/** Cart snapshots kept in memory with the Prisma store's rules (see write-cart-snapshot.ts there). */
export class MemoryCartStateStore implements CartStateStore {
  constructor(private readonly state: MemoryOutboxState) {}

  async get(storeId: string, cartToken: string): Promise<CartSnapshot | null> {
    const row = this.state.carts.get(cartKey(storeId, cartToken));
    return row ? structuredClone(row.snapshot) : null;
  }

  async findByCheckoutToken(storeId: string, checkoutToken: string): Promise<CartSnapshot | null> {
    let newest: MemoryCartRow | undefined;
    for (const row of this.state.carts.values()) {
      const { snapshot } = row;
      if (snapshot.storeId !== storeId || snapshot.checkoutToken !== checkoutToken) continue;
      const newer = !newest || snapshot.updatedAt > newest.snapshot.updatedAt || (snapshot.updatedAt.getTime() === newest.snapshot.updatedAt.getTime() && row.sequence > newest.sequence);
      if (newer) newest = row;
    }
    return newest ? structuredClone(newest.snapshot) : null;
  }

  async saveBrowserContext(storeId: string, tokens: { cartToken: string; checkoutToken?: string }, browser: BrowserContext): Promise<void> {
    this.assertStore(storeId);
    const key = cartKey(storeId, tokens.cartToken);
    const row = this.state.carts.get(key) ?? {
      snapshot: { storeId, cartToken: tokens.cartToken, lines: [], updatedAt: NEVER_UPDATED },
      touchedAt: this.state.clock(),
      sequence: this.state.nextSequence(),
    };
    const { snapshot } = row;
    // Keys the pixel actually reported: an absent or undefined value must not erase a stored one.
    const reported = Object.fromEntries(Object.entries(browser).filter(([, value]) => value !== undefined)) as BrowserContext;
    snapshot.browser = { ...snapshot.browser, ...structuredClone(reported) };
    if (tokens.checkoutToken !== undefined) snapshot.checkoutToken = tokens.checkoutToken;
    row.touchedAt = this.state.clock();
    this.state.carts.set(key, row);
  }

  /**
   * Written with a recorded delivery. An older snapshot (by the platform's updatedAt) never replaces a
   * newer one; a snapshot without `browser` keeps the stored context; tokens and customer are only
   * ever filled in, not erased.
   */
  write(incoming: CartSnapshot, now: Date): void {
    const key = cartKey(incoming.storeId, incoming.cartToken);
    const existing = this.state.carts.get(key);
    if (existing && incoming.updatedAt < existing.snapshot.updatedAt) return;
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
    this.state.carts.set(key, { snapshot, touchedAt: now, sequence: existing?.sequence ?? this.state.nextSequence() });
  }

  assertStore(storeId: string): void {
    if (!this.state.stores.has(storeId)) throw new Error(`No store ${storeId}.`);
  }
}
