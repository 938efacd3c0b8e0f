import { type DeliveryReceipt, type Logger, type NewOutboxEvent, type OutboxEventLog, type OutboxRetention, type OutboxStore, outcomeMarks, type RecordResult } from '@capi-relay/core';
import type { Db } from '../client';
import { claimDue } from './claim-due';
import { countByStatus, listEvents, matchQuality } from './event-log';
import { findOpenEvents } from './find-open-events';
import { createRecordGroup, recordEvents, type PrismaRecordOptions } from './record-events';
import { recordOutcomes } from './record-outcomes';
import { renewLease } from './renew-lease';
import { deleteCustomerData, exportCustomerData } from './customer-data';
import { pruneOlderThan } from './retention';

export type PrismaOutboxStore = Omit<OutboxStore, 'record'> &
  OutboxEventLog &
  OutboxRetention & {
    /** OutboxStore's, also taking the store settings version the events were planned from (see record-events.ts). */
    record(receipt: DeliveryReceipt | null, events: NewOutboxEvent[], options?: PrismaRecordOptions): Promise<RecordResult>;
  };

export function createPrismaOutboxStore(db: Db, logger: Logger): PrismaOutboxStore {
  // One per database: every webhook of this process shares its transactions.
  const group = createRecordGroup(db.sql);
  const writeOutcomes: OutboxStore['recordOutcomes'] = (leaseToken, outcomes) => recordOutcomes(db, logger, leaseToken, outcomes);
  return {
    record: (receipt, events, options) => recordEvents(group, receipt, events, options),
    findOpenEvents: (storeId, sourceIds) => findOpenEvents(db, storeId, sourceIds),
    claimDue: (request) => claimDue(db, request),
    renewLease: (leaseToken, ids, request) => renewLease(db, leaseToken, ids, request),
    recordOutcomes: writeOutcomes,
    ...outcomeMarks(writeOutcomes),
    listEvents: (query) => listEvents(db, query),
    countByStatus: (storeId) => countByStatus(db, storeId),
    matchQuality: (storeId, since) => matchQuality(db, storeId, since),
    pruneOlderThan: (olderThan, options) => pruneOlderThan(db, olderThan, options),
    deleteCustomerData: (storeId, selector) => deleteCustomerData(db, storeId, selector),
    exportCustomerData: (storeId, selector) => exportCustomerData(db, storeId, selector),
  };
}
