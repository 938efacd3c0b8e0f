import { assertLeaseLength } from '@capi-relay/core';
import type { Db } from '../client';
import { deliveryStatements } from './delivery-sql';

/** Thrown inside the transaction to roll back a renewal that could not cover every row. */
class PartlyLost extends Error {}

/**
 * All or nothing: the batch is sent as a whole, so a renewal that covered only the rows still held
 * would let the worker send rows another claim is sending too. One statement for the whole batch.
 */
export async function renewLease(db: Db, leaseToken: string, ids: string[], request: { now: Date; leaseMs: number }): Promise<Date | null> {
  assertLeaseLength('renewLease', request.leaseMs);
  const wanted = [...new Set(ids)];
  const expiresAt = new Date(request.now.getTime() + request.leaseMs);
  const { leaseRenewal } = deliveryStatements(db);
  try {
    await db.sql.transaction(async (tx) => {
      const renewed = await tx.run(leaseRenewal, [expiresAt, JSON.stringify(wanted), leaseToken]);
      if (renewed < wanted.length) throw new PartlyLost();
    });
    return expiresAt;
  } catch (error) {
    if (error instanceof PartlyLost) return null;
    throw error;
  }
}
