import type { Logger, OutboxEventLog, OutboxRetention, OutboxStore } from '@capi-relay/core';
import type { DbClient } from '../client';
import type { Provider } from '../database-target';
import { claimDue } from './claim-due';
import { countByStatus, listEvents } from './event-log';
import { createOutcomeMarkers } from './mark-outcome';
import { recordEvents } from './record-events';
import { deleteCustomerData, pruneDelivered } from './retention';

export type PrismaOutboxStore = OutboxStore & OutboxEventLog & OutboxRetention;

export function createPrismaOutboxStore(client: DbClient, provider: Provider, logger: Logger): PrismaOutboxStore {
  return {
    record: (receipt, events, options) => recordEvents(client, receipt, events, options),
    claimDue: (request) => claimDue(client, provider, request),
    ...createOutcomeMarkers(client, logger),
    listEvents: (query) => listEvents(client, query),
    countByStatus: (storeId) => countByStatus(client, storeId),
    pruneDelivered: (olderThan) => pruneDelivered(client, olderThan),
    deleteCustomerData: (storeId, selector) => deleteCustomerData(client, storeId, selector),
  };
}
