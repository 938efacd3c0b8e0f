/**
 * Prisma binds each id of an `id IN (...)` list as its own parameter, and on SQLite one statement
 * takes at most 999 of them: a 1,000-event batch would fail to be marked at all. Id lists are
 * therefore written in slices of this size, inside the caller's one transaction.
 */
export const MAX_IDS_PER_STATEMENT = 500;

export function idChunks(ids: readonly string[]): string[][] {
  const chunks: string[][] = [];
  for (let start = 0; start < ids.length; start += MAX_IDS_PER_STATEMENT) chunks.push(ids.slice(start, start + MAX_IDS_PER_STATEMENT));
  return chunks;
}
