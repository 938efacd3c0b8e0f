/**
 * Figures from the team's perf-anchors research notes, printed for context only: they were measured on
 * 2026-11-28 with Node 20 and a different harness (server pinned to one core, autocannon on the
 * other, a 5.5 KB body), never by this script.
 */
const ANCHORS = [
  ['2b', 'bare Fastify 5, 5.5 KB JSON POST, 50 conns', '16.3k req/s, p99 9 ms, 58 µs CPU/req'],
  ['2x4', 'Prisma 7 + SQLite, one create() per webhook', '2.19k req/s, p99 45 ms, 430 µs CPU/req'],
  ['2x5', 'Prisma 7 + SQLite, createMany() per event-loop turn', '4.08k req/s, p99 26 ms, 241 µs CPU/req'],
  ['2x7', 'Prisma 7 + pg, create() per webhook / createMany() per turn', '2.22k / 3.75k req/s'],
  ['target', 'ingest, HMAC-verified and persisted via Prisma', '>= 3,000/s SQLite, >= 2,500/s PostgreSQL, <= 250 µs CPU/req'],
  ['4h', 'hand-rolled sender, 1,000 pre-mapped events per POST', '82.8k events/s'],
  ['5a', 'raw better-sqlite3 drain, 1,000 per claim, 4 batches in flight', '47.7k events/s'],
  ['target', 'delivery from the durable backlog, 1,000-event POSTs, >= 4 in flight', '>= 20,000 events/s'],
];

module.exports = { ANCHORS };
