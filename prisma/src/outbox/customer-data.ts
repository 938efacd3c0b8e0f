/**
 * The privacy requests' reach, one definition for export and deletion: a customer's rows and the
 * listed orders' rows, plus every row and cart snapshot of the carts and checkouts they name (a
 * guest's too; see core's redactionScope). Id lists are bound in bounded chunks (SQLite takes 999
 * parameters a statement), so a request may list any number of orders.
 */
import {
  redactionScope,
  type CustomerDataExport,
  type CustomerDataSelector,
  type CustomerDeletion,
  type ExportedEvent,
  type NotSentReason,
  type OutboxStatus,
  type ServerEvent,
} from '@capi-relay/core';
import { browserFromJson } from '../cart-state/cart-json';
import type { Db, Prisma, Tx } from '../client';
import { idChunks } from './id-chunks';
import { payloadText } from './payload-text';

interface CustomerClauses {
  events: Prisma.OutboxEventWhereInput[];
  carts: Prisma.CartStateWhereInput[];
}

const TOKENS = { cartToken: true, checkoutToken: true } as const;

function inChunks<Column extends string>(column: Column, values: readonly string[]): Record<Column, { in: string[] }>[] {
  return idChunks(values).map((chunk) => ({ [column]: { in: chunk } }) as Record<Column, { in: string[] }>);
}

/** Where-clauses (each already scoped to the store) that together cover the request's rows. */
async function customerClauses(tx: Tx, storeId: string, selector: CustomerDataSelector): Promise<CustomerClauses> {
  const { customerRef, sourceIds = [] } = selector;
  if (customerRef === undefined && sourceIds.length === 0) return { events: [], carts: [] };
  const byCustomer = customerRef === undefined ? [] : [{ storeId, customerRef }];
  const selectedEvents: Prisma.OutboxEventWhereInput[] = [...byCustomer, ...inChunks('sourceId', sourceIds).map((clause) => ({ storeId, ...clause }))];

  const bearers = [];
  for (const where of selectedEvents) bearers.push(...(await tx.outboxEvent.findMany({ where, select: TOKENS })));
  for (const where of byCustomer) bearers.push(...(await tx.cartState.findMany({ where, select: TOKENS })));
  const scope = redactionScope(bearers);
  const linked = [...inChunks('cartToken', scope.cartTokens), ...inChunks('checkoutToken', scope.checkoutTokens)].map((clause) => ({ storeId, ...clause }));
  return { events: [...selectedEvents, ...linked], carts: [...byCustomer, ...linked] };
}

export async function deleteCustomerData(db: Db, storeId: string, selector: CustomerDataSelector): Promise<CustomerDeletion> {
  return db.write(async (tx) => {
    const clauses = await customerClauses(tx, storeId, selector);
    let events = 0;
    for (const where of clauses.events) events += (await tx.outboxEvent.deleteMany({ where })).count;
    let carts = 0;
    for (const where of clauses.carts) carts += (await tx.cartState.deleteMany({ where })).count;
    return { events, carts };
  });
}

const ATTEMPT_FIELDS = { attemptedAt: true, outcome: true, httpStatus: true, code: true, subcode: true, fbtraceId: true, latencyMs: true, message: true } as const;

type EventRow = Prisma.OutboxEventGetPayload<{ include: { deliveries: { select: typeof ATTEMPT_FIELDS }; body: { select: { payload: true } } } }>;

function exportedEvent(row: EventRow): ExportedEvent {
  return {
    eventName: row.eventName,
    eventId: row.eventId,
    sourceId: row.sourceId,
    cartToken: row.cartToken,
    checkoutToken: row.checkoutToken,
    status: row.status as OutboxStatus,
    reason: row.reason as NotSentReason | null,
    reasonDetail: row.reasonDetail,
    eventTime: row.eventTime,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    payload: JSON.parse(payloadText(row.id, row.body?.payload)) as ServerEvent,
    withoutConsentSignal: row.withoutConsentSignal,
    attempts: row.deliveries.map((attempt) => ({
      attemptedAt: attempt.attemptedAt,
      outcome: attempt.outcome as ExportedEvent['attempts'][number]['outcome'],
      ...(attempt.httpStatus !== null && { httpStatus: attempt.httpStatus }),
      ...(attempt.code !== null && { code: attempt.code }),
      ...(attempt.subcode !== null && { subcode: attempt.subcode }),
      ...(attempt.fbtraceId !== null && { fbtraceId: attempt.fbtraceId }),
      ...(attempt.latencyMs !== null && { latencyMs: attempt.latencyMs }),
      ...(attempt.message !== null && { message: attempt.message }),
    })),
  };
}

export async function exportCustomerData(db: Db, storeId: string, selector: CustomerDataSelector): Promise<CustomerDataExport> {
  // One transaction: the export is a consistent picture even while webhooks keep writing.
  return db.write(async (tx) => {
    const clauses = await customerClauses(tx, storeId, selector);
    const events = new Map<string, EventRow>();
    for (const where of clauses.events) {
      const rows = await tx.outboxEvent.findMany({ where, include: { deliveries: { select: ATTEMPT_FIELDS, orderBy: { attemptedAt: 'asc' } }, body: { select: { payload: true } } } });
      for (const row of rows) events.set(row.id, row);
    }
    const carts = new Map<string, Prisma.CartStateGetPayload<object>>();
    for (const where of clauses.carts) for (const row of await tx.cartState.findMany({ where })) carts.set(row.id, row);
    return {
      // UUIDv7 ids sort in creation order.
      events: [...events.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).map(exportedEvent),
      carts: [...carts.values()]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((row) => ({
          cartToken: row.cartToken,
          checkoutToken: row.checkoutToken,
          lines: JSON.parse(row.lines) as CustomerDataExport['carts'][number]['lines'],
          browser: browserFromJson(row.browser) ?? null,
          updatedAt: row.updatedAt,
        })),
    };
  });
}
