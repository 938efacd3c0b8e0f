/**
 * Privacy requests received from a platform (Shopify's customers/data_request, customers/redact,
 * shop/redact), kept as evidence of when each arrived and what was done. Rows carry ids and counts,
 * never customer data, and survive the shop's own redaction.
 */
import type { Db, Prisma } from '../client';
import type { Platform } from '../stores/store-registry';

export interface NewComplianceRequest {
  platform: Platform;
  shopDomain: string;
  topic: string;
  /** The platform's request id when it has one (Shopify's data_request.id). */
  requestId?: string;
  customerRef?: string;
  receivedAt: Date;
}

export interface ComplianceRequestRecord extends Required<Pick<NewComplianceRequest, 'platform' | 'shopDomain' | 'topic' | 'receivedAt'>> {
  id: string;
  requestId: string | null;
  customerRef: string | null;
  completedAt: Date | null;
  outcome: string | null;
}

export interface ComplianceStore {
  recordRequest(request: NewComplianceRequest): Promise<ComplianceRequestRecord>;
  /** @param outcome what was done, in counts ("deleted 3 events"), never data values. */
  completeRequest(id: string, completedAt: Date, outcome: string): Promise<void>;
  /** Newest first. */
  listRequests(platform: Platform, shopDomain: string): Promise<ComplianceRequestRecord[]>;
}

function toRecord(row: Prisma.ComplianceRequestGetPayload<object>): ComplianceRequestRecord {
  return { ...row, platform: row.platform as Platform };
}

export function createComplianceStore(db: Db): ComplianceStore {
  return {
    async recordRequest(request) {
      const row = await db.write((tx) =>
        tx.complianceRequest.create({
          data: {
            platform: request.platform,
            shopDomain: request.shopDomain,
            topic: request.topic,
            requestId: request.requestId ?? null,
            customerRef: request.customerRef ?? null,
            receivedAt: request.receivedAt,
          },
        }),
      );
      return toRecord(row);
    },

    async completeRequest(id, completedAt, outcome) {
      await db.write((tx) => tx.complianceRequest.update({ where: { id }, data: { completedAt, outcome } }));
    },

    async listRequests(platform, shopDomain) {
      const rows = await db.client.complianceRequest.findMany({
        where: { platform, shopDomain },
        orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
      });
      return rows.map(toRecord);
    },
  };
}
