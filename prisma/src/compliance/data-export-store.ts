/**
 * Exports made for customers/data_request, kept for the shop's merchant to download. Each one is a
 * copy of customer data, so it lives only until its expiry, and goes with the customer's redaction
 * and the shop's.
 */
import type { CustomerDataExport } from '@capi-relay/core';
import type { Db, Prisma } from '../client';

export interface NewDataExport {
  storeId: string;
  complianceRequestId: string;
  requestId?: string;
  customerRef?: string;
  orderIds: string[];
  content: CustomerDataExport;
  createdAt: Date;
  expiresAt: Date;
}

/** An export as the merchant's list shows it: what it covers and until when, never its content. */
export interface DataExportSummary {
  id: string;
  requestId: string | null;
  customerRef: string | null;
  orderIds: string[];
  eventCount: number;
  cartCount: number;
  createdAt: Date;
  expiresAt: Date;
  downloadedAt: Date | null;
}

export interface DataExportStore {
  create(input: NewDataExport): Promise<DataExportSummary>;
  /** The store's exports that have not expired, newest first. */
  list(storeId: string, now: Date): Promise<DataExportSummary[]>;
  /**
   * The export's content (its JSON as stored) when it belongs to the store and has not expired;
   * records the download and brings the expiry forward to `now + keepMs` when that is sooner.
   */
  download(storeId: string, id: string, now: Date, keepMs: number): Promise<{ summary: DataExportSummary; json: string } | null>;
  deleteForCustomer(storeId: string, customerRef: string): Promise<number>;
  pruneExpired(now: Date): Promise<number>;
}

type Row = Prisma.DataExportGetPayload<object>;
const SUMMARY_FIELDS = {
  id: true,
  requestId: true,
  customerRef: true,
  orderIds: true,
  eventCount: true,
  cartCount: true,
  createdAt: true,
  expiresAt: true,
  downloadedAt: true,
} as const;

function toSummary(row: Pick<Row, keyof typeof SUMMARY_FIELDS>): DataExportSummary {
  return { ...row, orderIds: JSON.parse(row.orderIds) as string[] };
}

export function createDataExportStore(db: Db): DataExportStore {
  return {
    async create(input) {
      const row = await db.write((tx) =>
        tx.dataExport.create({
          data: {
            storeId: input.storeId,
            complianceRequestId: input.complianceRequestId,
            requestId: input.requestId ?? null,
            customerRef: input.customerRef ?? null,
            orderIds: JSON.stringify(input.orderIds),
            content: JSON.stringify(input.content),
            eventCount: input.content.events.length,
            cartCount: input.content.carts.length,
            createdAt: input.createdAt,
            expiresAt: input.expiresAt,
          },
          select: SUMMARY_FIELDS,
        }),
      );
      return toSummary(row);
    },

    async list(storeId, now) {
      const rows = await db.client.dataExport.findMany({
        where: { storeId, expiresAt: { gt: now } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: SUMMARY_FIELDS,
      });
      return rows.map(toSummary);
    },

    async download(storeId, id, now, keepMs) {
      return db.write(async (tx) => {
        const row = await tx.dataExport.findFirst({ where: { id, storeId, expiresAt: { gt: now } } });
        if (!row) return null;
        const keepUntil = new Date(now.getTime() + keepMs);
        const updated = await tx.dataExport.update({
          where: { id },
          data: { downloadedAt: row.downloadedAt ?? now, expiresAt: keepUntil < row.expiresAt ? keepUntil : row.expiresAt },
          select: SUMMARY_FIELDS,
        });
        return { summary: toSummary(updated), json: row.content };
      });
    },

    async deleteForCustomer(storeId, customerRef) {
      return (await db.write((tx) => tx.dataExport.deleteMany({ where: { storeId, customerRef } }))).count;
    },

    async pruneExpired(now) {
      return (await db.write((tx) => tx.dataExport.deleteMany({ where: { expiresAt: { lte: now } } }))).count;
    },
  };
}
