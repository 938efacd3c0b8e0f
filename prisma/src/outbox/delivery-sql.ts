/**
 * The worker's statements, written beneath Prisma (see the README's "SQL beneath Prisma"): a round is
 * one claim statement and one write of its outcomes, each a single multi-row statement whatever the
 * batch size. Per-row values travel as ONE JSON parameter (SQLite `jsonb_each`, PostgreSQL
 * `json_to_recordset`), so the statement text never depends on the row count: one prepared statement
 * serves every round, and no batch reaches SQLite's parameter limit. SQLite's `jsonb_each` rather
 * than `json_each`: each row's object then reaches `->>` as binary JSON, where `json_each` hands it
 * over as text that every one of the row's `->>` parses again (a third less time for the attempt
 * insert of a 1,000-event round).
 *
 * SQLite's planner has no statistics here and would rather walk the `(status, ...)` indexes than look
 * rows up by id: a unary `+` on a column keeps it from using an index for that term.
 */
import type { Provider } from '../database-target';
import type { Db } from '../client';
import { sqliteTime } from '../driver/sqlite-driver';

/** A timestamp inside a JSON parameter, as the column stores it (Prisma's text on SQLite). */
export function jsonTime(provider: Provider, date: Date): string {
  return provider === 'sqlite' ? sqliteTime(date) : date.toISOString();
}

/**
 * Claimable rows: due `queued` rows and `sending` rows whose lease ran out, of enabled pixels with a
 * closed circuit, oldest due first. Each kind is read in its own index's order and cut at the limit
 * before the two are merged, so a claim reads about `limit` index entries however large the backlog:
 * one ORDER BY over both kinds would sort every due row on each claim. PostgreSQL locks what it
 * picks and skips what other claims locked (OF o: locking the pixel rows would make claimers skip
 * whole pixels).
 *
 * $1 lease token, $2 lease expiry, $3 now, $4 limit.
 */
function claimStatement(provider: Provider): string {
  const lock = provider === 'postgresql' ? 'FOR UPDATE OF o SKIP LOCKED' : '';
  const kind = (status: string, dueColumn: string) => `(
      SELECT o."id", o."nextAttemptAt" AS "dueAt" FROM "OutboxEvent" o
      JOIN "PixelConfig" p ON p."id" = o."pixelConfigId"
      WHERE o."status" = '${status}' AND o."${dueColumn}" <= $3 AND p."enabled" = TRUE AND p."stoppedAt" IS NULL
      ORDER BY o."${dueColumn}" LIMIT $4 ${lock})`;
  // Each member is a subquery of its own: its ORDER BY and LIMIT (and PostgreSQL's lock, which a
  // UNION does not take) then apply to it alone.
  // The payload comes from its own table in a subquery of RETURNING: one statement on both databases.
  return `
    UPDATE "OutboxEvent"
    SET "status" = 'sending', "leaseOwner" = $1, "leaseExpiresAt" = $2, "updatedAt" = $3
    WHERE "id" IN (
      SELECT "id" FROM (
        SELECT * FROM ${kind('queued', 'nextAttemptAt')} queued
        UNION ALL
        SELECT * FROM ${kind('sending', 'leaseExpiresAt')} expired) due
      ORDER BY "dueAt" LIMIT $4)
    RETURNING "id", "pixelConfigId", "eventName", "eventId", "eventTime", "attempts", "nextAttemptAt",
      (SELECT p."payload" FROM "OutboxPayload" p WHERE p."id" = "OutboxEvent"."id") AS "payload"`;
}

/**
 * Run before the claim, in its transaction. PostgreSQL's planner, without fresh statistics (a new
 * table, or stats from before a backlog built up, when `queued` rows were rare), reads every due row
 * through a bitmap scan and sorts them all, on every claim: seconds per claim with a million due. The
 * claim's only good plan walks the (status, time) index in order and stops at the limit; these make
 * it the planner's choice whatever the statistics say. They end with the transaction.
 */
function claimPlanSettings(provider: Provider): string[] {
  return provider === 'postgresql' ? ['SET LOCAL enable_seqscan = off', 'SET LOCAL enable_bitmapscan = off'] : [];
}

/**
 * One row per outcome in $1: the new status, and for each other column either its new value or
 * "keep" (a retry keeps an earlier refusal's reason, a release keeps everything). Applied only to
 * rows still `sending` under the lease token $2; $3 is the update time. Returns the ids it changed.
 */
function outcomeUpdate(provider: Provider): string {
  const set = `
      "status" = v."status",
      "sentAt" = COALESCE(v."sentAt", o."sentAt"),
      "reason" = CASE WHEN v."setsReason" = 1 THEN v."reason" ELSE o."reason" END,
      "reasonDetail" = CASE WHEN v."setsReason" = 1 THEN v."reasonDetail" ELSE o."reasonDetail" END,
      "nextAttemptAt" = COALESCE(v."nextAttemptAt", o."nextAttemptAt"),
      "attempts" = o."attempts" + v."attempted",
      "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = $3`;
  if (provider === 'postgresql') {
    return `
      UPDATE "OutboxEvent" o SET ${set}
      FROM json_to_recordset($1::json) AS v("id" text, "status" text, "sentAt" timestamp(3), "setsReason" int, "reason" text,
        "reasonDetail" text, "nextAttemptAt" timestamp(3), "attempted" int)
      -- (status || ''): not through the status index, which would join every sending row with every JSON row.
      WHERE o."id" = v."id" AND (o."status" || '') = 'sending' AND o."leaseOwner" = $2
      RETURNING o."id"`;
  }
  // `v` views the JSON rows as columns; RETURNING sees only the updated table, and not by its alias.
  return `
    WITH v AS (
      SELECT j.value ->> 'id' AS "id", j.value ->> 'status' AS "status", j.value ->> 'sentAt' AS "sentAt",
        j.value ->> 'setsReason' AS "setsReason", j.value ->> 'reason' AS "reason", j.value ->> 'reasonDetail' AS "reasonDetail",
        j.value ->> 'nextAttemptAt' AS "nextAttemptAt", j.value ->> 'attempted' AS "attempted"
      FROM jsonb_each($1) j)
    UPDATE "OutboxEvent" AS o SET ${set}
    FROM v
    WHERE o."id" = v."id" AND +o."status" = 'sending' AND +o."leaseOwner" = $2
    RETURNING "id"`;
}

const ATTEMPT_COLUMNS = `"id", "outboxEventId", "attemptedAt", "outcome", "httpStatus", "code", "subcode", "fbtraceId", "latencyMs", "message"`;

/** One DeliveryAttempt row per element of $1. */
function attemptInsert(provider: Provider): string {
  if (provider === 'postgresql') {
    return `
      INSERT INTO "DeliveryAttempt" (${ATTEMPT_COLUMNS})
      SELECT * FROM json_to_recordset($1::json) AS a("id" text, "outboxEventId" text, "attemptedAt" timestamp(3), "outcome" text,
        "httpStatus" int, "code" int, "subcode" int, "fbtraceId" text, "latencyMs" int, "message" text)`;
  }
  return `
    INSERT INTO "DeliveryAttempt" (${ATTEMPT_COLUMNS})
    SELECT a.value ->> 'id', a.value ->> 'outboxEventId', a.value ->> 'attemptedAt', a.value ->> 'outcome', a.value ->> 'httpStatus',
      a.value ->> 'code', a.value ->> 'subcode', a.value ->> 'fbtraceId', a.value ->> 'latencyMs', a.value ->> 'message'
    FROM jsonb_each($1) a`;
}

/** Moves the lease expiry to $1 on the rows of $2 (a JSON array of ids) still `sending` under $3. */
function leaseRenewal(provider: Provider): string {
  const ids = provider === 'postgresql' ? 'SELECT json_array_elements_text($2::json)' : 'SELECT value FROM json_each($2)';
  const held = provider === 'postgresql' ? `"status" = 'sending' AND "leaseOwner" = $3` : `+"status" = 'sending' AND +"leaseOwner" = $3`;
  return `UPDATE "OutboxEvent" SET "leaseExpiresAt" = $1 WHERE "id" IN (${ids}) AND ${held}`;
}

export interface DeliveryStatements {
  claimPlanSettings: string[];
  claim: string;
  outcomeUpdate: string;
  attemptInsert: string;
  leaseRenewal: string;
}

const statements = new Map<Provider, DeliveryStatements>();

export function deliveryStatements(db: Db): DeliveryStatements {
  let found = statements.get(db.provider);
  if (!found) {
    found = {
      claimPlanSettings: claimPlanSettings(db.provider),
      claim: claimStatement(db.provider),
      outcomeUpdate: outcomeUpdate(db.provider),
      attemptInsert: attemptInsert(db.provider),
      leaseRenewal: leaseRenewal(db.provider),
    };
    statements.set(db.provider, found);
  }
  return found;
}
