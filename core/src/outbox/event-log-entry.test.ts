import { eventLogEntry, parseEventLogQuery } from './event-log-entry';
import type { OutboxEventSummary } from './port';

const row: OutboxEventSummary = {
  id: 'ev-1',
  storeId: 'store-1',
  pixelConfigId: 'px-1',
  eventName: 'Purchase',
  eventId: 'purchase:1001',
  sourceId: '1001',
  status: 'sent',
  reason: null,
  reasonDetail: null,
  attempts: 1,
  lastFbtraceId: 'trace',
  lastAttemptAt: new Date('2026-03-10T09:15:01Z'),
  lastMessage: null,
  userDataKeys: ['em'],
  droppedUserData: [{ field: 'ph', reason: 'phone has too few digits' }],
  eventTime: new Date('2026-03-10T09:15:00Z'),
  createdAt: new Date('2026-03-10T09:15:00.500Z'),
  nextAttemptAt: null,
  sentAt: new Date('2026-03-10T09:15:01Z'),
};

describe('the admin event log format', () => {
  it('pages with the cursor of the last row', () => {
    const entry = eventLogEntry(row);
    expect(entry).toMatchObject({ cursor: '2026-03-10T09:15:00.500Z_ev-1', fbtraceId: 'trace', sentAt: '2026-03-10T09:15:01.000Z', nextAttemptAt: null });
    expect(parseEventLogQuery({ before: entry.cursor, limit: '10', status: 'sent' })).toEqual({
      limit: 10,
      status: 'sent',
      before: { createdAt: row.createdAt, id: 'ev-1' },
    });
    expect(parseEventLogQuery({})).toEqual({ limit: 50 });
  });

  it('names every refused parameter', () => {
    expect(parseEventLogQuery({ limit: '0', status: 'lost', before: 'nonsense' })).toEqual({
      errors: {
        limit: 'limit must be a whole number from 1 to 500.',
        status: expect.stringMatching(/^status must be one of queued, sending/),
        before: 'before must be the cursor of an event from the previous page.',
      },
    });
  });
});
