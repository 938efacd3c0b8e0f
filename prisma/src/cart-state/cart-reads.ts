/**
 * The cart snapshot reads every cart, checkout and order webhook makes, as raw SQL beneath Prisma
 * (see prisma/README.md). Never cached: the caller diffs against the version it reads, and record()
 * writes only while that version still holds.
 *
 * On PostgreSQL each read was a round trip of its own, one per webhook: the reads asked for in the
 * same event-loop turn now share one statement, and each is answered from its rows as its own
 * statement would have. On SQLite a statement costs no round trip, so each runs at once.
 */
import type { SqlDriver, SqlValue } from '../driver/sql-driver';
import { readTime } from '../driver/sql-driver';
import type { CartStateRow } from './cart-json';

const COLUMNS = '"id", "storeId", "cartToken", "checkoutToken", "customerRef", "lines", "browser", "updatedAt", "version"';

const GET = `SELECT ${COLUMNS} FROM "CartState" WHERE "storeId" = $1 AND "cartToken" = $2`;
/** Only the carts that led to one checkout share its token: a handful of rows at most. A NULL token matches nothing. */
const FIND_BY_TOKENS = `SELECT ${COLUMNS} FROM "CartState" WHERE "storeId" = $1 AND ("cartToken" = $2 OR "checkoutToken" = $3) ORDER BY "updatedAt" DESC, "id" DESC`;

/** Reads per shared statement: two parameters per token, far below PostgreSQL's limit. */
const READS_PER_STATEMENT = 500;

type RawCartRow = Omit<CartStateRow, 'updatedAt'> & { id: string; updatedAt: unknown };
type CartRow = CartStateRow & { id: string };

export interface CartTokens {
  cartToken?: string;
  checkoutToken?: string;
}

export interface CartReads {
  /** The cart's own row. */
  get(storeId: string, cartToken: string): Promise<CartStateRow | null>;
  /** The cart's own row when it has one, else the newest that led to the checkout. */
  findByTokens(storeId: string, tokens: CartTokens): Promise<CartStateRow | null>;
}

function fromRaw(row: RawCartRow): CartRow {
  return { ...row, updatedAt: readTime(row.updatedAt) };
}

/** Newest first (updatedAt, then id, descending), as FIND_BY_TOKENS orders them. */
function newestFirst(a: CartRow, b: CartRow): number {
  return b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** What FIND_BY_TOKENS answers, from rows that include every row it would read. */
function pick(rows: readonly CartRow[], storeId: string, { cartToken, checkoutToken }: CartTokens): CartRow | null {
  const matching = rows.filter((row) => row.storeId === storeId && ((cartToken && row.cartToken === cartToken) || (checkoutToken && row.checkoutToken === checkoutToken)));
  matching.sort(newestFirst);
  return (cartToken && matching.find((row) => row.cartToken === cartToken)) || matching[0] || null;
}

interface Lookup {
  storeId: string;
  tokens: CartTokens;
  /** `get`: the cart's own row only. */
  exact: boolean;
  resolve(row: CartRow | null): void;
  reject(error: unknown): void;
}

/** One statement for the lookups: every row holding one of their (store, cart token) or (store, checkout token) pairs. */
function sharedStatement(lookups: readonly Lookup[]): { text: string; params: SqlValue[] } {
  const params: SqlValue[] = [];
  const pair = (storeId: string, token: string) => {
    params.push(storeId, token);
    return `($${params.length - 1}, $${params.length})`;
  };
  const carts = lookups.filter(({ tokens }) => tokens.cartToken).map(({ storeId, tokens }) => pair(storeId, tokens.cartToken as string));
  const checkouts = lookups.filter(({ exact, tokens }) => !exact && tokens.checkoutToken).map(({ storeId, tokens }) => pair(storeId, tokens.checkoutToken as string));
  const conditions = [
    ...(carts.length > 0 ? [`("storeId", "cartToken") IN (${carts.join(', ')})`] : []),
    ...(checkouts.length > 0 ? [`("storeId", "checkoutToken") IN (${checkouts.join(', ')})`] : []),
  ];
  return { text: `SELECT ${COLUMNS} FROM "CartState" WHERE ${conditions.join(' OR ')}`, params };
}

function sharedReads(sql: SqlDriver): CartReads {
  let queue: Lookup[] = [];
  let scheduled = false;

  async function answer(lookups: Lookup[]): Promise<void> {
    try {
      const { text, params } = sharedStatement(lookups);
      const rows = (await sql.query<RawCartRow>(text, params)).map(fromRaw);
      for (const lookup of lookups) {
        const found = lookup.exact
          ? (rows.find((row) => row.storeId === lookup.storeId && row.cartToken === lookup.tokens.cartToken) ?? null)
          : pick(rows, lookup.storeId, lookup.tokens);
        lookup.resolve(found);
      }
    } catch (error) {
      for (const lookup of lookups) lookup.reject(error);
    }
  }

  function flush(): void {
    scheduled = false;
    const lookups = queue;
    queue = [];
    for (let at = 0; at < lookups.length; at += READS_PER_STATEMENT) void answer(lookups.slice(at, at + READS_PER_STATEMENT));
  }

  function lookup(storeId: string, tokens: CartTokens, exact: boolean): Promise<CartRow | null> {
    return new Promise((resolve, reject) => {
      queue.push({ storeId, tokens, exact, resolve, reject });
      if (scheduled) return;
      scheduled = true;
      // The reads of the webhooks read from the sockets in this turn share the statement.
      setImmediate(flush);
    });
  }

  return {
    get: (storeId, cartToken) => lookup(storeId, { cartToken }, true),
    findByTokens: (storeId, tokens) => lookup(storeId, tokens, false),
  };
}

function directReads(sql: SqlDriver): CartReads {
  return {
    async get(storeId, cartToken) {
      const [row] = await sql.query<RawCartRow>(GET, [storeId, cartToken]);
      return row ? fromRaw(row) : null;
    },
    async findByTokens(storeId, { cartToken, checkoutToken }) {
      const rows = await sql.query<RawCartRow>(FIND_BY_TOKENS, [storeId, cartToken || null, checkoutToken || null]);
      const row = (cartToken && rows.find((candidate) => candidate.cartToken === cartToken)) || rows[0];
      return row ? fromRaw(row) : null;
    },
  };
}

export function createCartReads(sql: SqlDriver): CartReads {
  return sql.provider === 'postgresql' ? sharedReads(sql) : directReads(sql);
}
