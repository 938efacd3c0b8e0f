import { type Logger, type OutboxEventLog, type OutboxRetention, type OutboxStore, outcomeMarks } from '@capi-relay/core';
import type { Db } from '../client';
import { claimDue } from './claim-due';
import { countByStatus, listEvents, matchQuality } from './event-log';
import { findOpenEvents } from './find-open-events';
import { recordEvents } from './record-events';
import { recordOutcomes } from './record-outcomes';
import { renewLease } from './renew-lease';
import { deleteCustomerData, exportCustomerData } from './customer-data';
import { pruneOlderThan } from './retention';

export type PrismaOutboxStore = OutboxStore & OutboxEventLog & OutboxRetention;

export function createPrismaOutboxStore(db: Db, logger: Logger): PrismaOutboxStore {
  const record: OutboxStore['recordOutcomes'] = (leaseToken, outcomes) => recordOutcomes(db, logger, leaseToken, outcomes);
  return {
    record: (receipt, events, options) => recordEvents(db, receipt, events, options),
    findOpenEvents: (storeId, sourceIds) => findOpenEvents(db, storeId, sourceIds),
    claimDue: (request) => claimDue(db, request),
    renewLease: (leaseToken, ids, request) => renewLease(db, leaseToken, ids, request),
    recordOutcomes: record,
    ...outcomeMarks(record),
    listEvents: (query) => listEvents(db, query),
    countByStatus: (storeId) => countByStatus(db, storeId),
    matchQuality: (storeId, since) => matchQuality(db, storeId, since),
    pruneOlderThan: (olderThan, options) => pruneOlderThan(db, olderThan, options),
    deleteCustomerData: (storeId, selector) => deleteCustomerData(db, storeId, selector),
    exportCustomerData: (storeId, selector) => exportCustomerData(db, storeId, selector),
  };
}
