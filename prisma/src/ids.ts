import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

/** Random bytes are drawn in blocks: one randomBytes call per id cost more than the rest of the id. */
const RANDOM_BLOCK = 4096;
let random = randomBytes(RANDOM_BLOCK);
let randomOffset = 0;

/** Where the next unused 16 random bytes of the block start; each id writes its fields over its own. */
function take16(): number {
  if (randomOffset + 16 > RANDOM_BLOCK) {
    random = randomBytes(RANDOM_BLOCK);
    randomOffset = 0;
  }
  randomOffset += 16;
  return randomOffset - 16;
}

/**
 * A UUID version 7 (RFC 9562): 48-bit Unix milliseconds, a 12-bit sequence, then random bits. Matches
 * the schema's `@default(uuid(7))` for rows we insert with raw SQL and keeps B-tree inserts local on
 * PostgreSQL. Ids from this process only grow (the sequence orders ids within one millisecond, RFC
 * 9562 method 1), which the event log relies on to order rows created in the same millisecond.
 */
export function uuidv7(nowMs: number = Date.now()): string {
  if (nowMs > lastMs) {
    lastMs = nowMs;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    lastMs += 1;
    sequence = 0;
  }
  const at = take16();
  random.writeUIntBE(lastMs, at, 6);
  random[at + 6] = 0x70 | (sequence >> 8);
  random[at + 7] = sequence & 0xff;
  random[at + 8] = (random[at + 8]! & 0x3f) | 0x80;
  const hex = random.toString('hex', at, at + 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
