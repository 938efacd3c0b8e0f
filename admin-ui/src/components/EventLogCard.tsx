import { Badge, BlockStack, Box, Button, Card, DataTable, Divider, InlineStack, Pagination, Select, Text, useBreakpoints } from '@shopify/polaris';
import { useEffect, useState } from 'react';

import type { ApiClient } from '../lib/api-client';
import { currentCursor, eventRow, firstPage, hasPrevious, nextPage, previousPage, STATUS_FILTER_OPTIONS, type EventRow, type Pager } from '../lib/event-log-view';
import type { EventLogEntry, EventStatus } from '../lib/types';

const PAGE_SIZE = 20;

/** `version` changes when something elsewhere on the page may have added events. */
export function EventLogCard({ api, version }: { api: ApiClient; version: number }) {
  const [status, setStatus] = useState<EventStatus | ''>('');
  const [pager, setPager] = useState<Pager>(firstPage);
  const [entries, setEntries] = useState<EventLogEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [reloads, setReloads] = useState(0);
  // A six-column table does not fit a phone: there each event is a short stack instead.
  const { smDown } = useBreakpoints();

  useEffect(() => {
    let current = true;
    setLoading(true);
    const before = currentCursor(pager);
    api
      .listEvents({ limit: PAGE_SIZE, ...(status ? { status } : {}), ...(before ? { before } : {}) })
      .then(
        (rows) => current && (setEntries(rows), setError(null)),
        (caught: Error) => current && setError(caught.message),
      )
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [api, status, pager, version, reloads]);

  const rows = entries.map((entry) => eventRow(entry));
  return (
    <section aria-labelledby="event-log-title">
      <Card>
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center" gap="300" wrap>
            <Text as="h2" variant="headingMd" id="event-log-title">
              Event log
            </Text>
            <InlineStack gap="200" blockAlign="center" wrap>
              <Select
                label="Filter by status"
                labelInline
                options={STATUS_FILTER_OPTIONS}
                value={status}
                onChange={(value) => {
                  setStatus(value as EventStatus | '');
                  setPager(firstPage());
                }}
              />
              <Button onClick={() => setReloads((n) => n + 1)} loading={loading}>
                Refresh
              </Button>
            </InlineStack>
          </InlineStack>
          {error && (
            <Text as="p" tone="critical">
              The event log could not be loaded: {error}
            </Text>
          )}
          {rows.length === 0 && !loading && !error ? (
            <Text as="p" tone="subdued">
              {status ? 'No events with this status.' : 'No events yet. Orders, checkouts and carts show here as the store receives them.'}
            </Text>
          ) : smDown ? (
            <EventStack rows={rows} />
          ) : (
            <EventTable rows={rows} />
          )}
          <InlineStack align="center">
            <Pagination
              hasPrevious={hasPrevious(pager)}
              onPrevious={() => setPager(previousPage(pager))}
              hasNext={entries.length === PAGE_SIZE}
              onNext={() => {
                const last = entries.at(-1);
                if (last) setPager(nextPage(pager, last));
              }}
            />
          </InlineStack>
        </BlockStack>
      </Card>
    </section>
  );
}

function EventName({ row }: { row: EventRow }) {
  return (
    <BlockStack gap="050">
      <Text as="span" fontWeight="semibold">
        {row.eventName}
      </Text>
      <Text as="span" tone="subdued" variant="bodySm" breakWord>
        {row.sourceId}
      </Text>
    </BlockStack>
  );
}

function EventTable({ rows }: { rows: EventRow[] }) {
  return (
    <DataTable
      columnContentTypes={['text', 'text', 'text', 'numeric', 'text', 'text']}
      headings={['Event', 'Status', 'Reason', 'Attempts', 'Trace ID', 'Time']}
      rows={rows.map((row) => [
        <EventName key="event" row={row} />,
        <Badge key="status" tone={row.badge.tone}>
          {row.badge.label}
        </Badge>,
        // DataTable keeps cells on one line; a reason is a sentence and must wrap.
        <div key="reason" style={{ whiteSpace: 'normal', minWidth: '14rem', maxWidth: '26rem' }}>
          {row.reason}
        </div>,
        row.attempts,
        row.traceId,
        row.time,
      ])}
      verticalAlign="middle"
    />
  );
}

/** The same fields as the table, one event under another. */
function EventStack({ rows }: { rows: EventRow[] }) {
  return (
    <ul aria-label="Events" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {rows.map((row, index) => (
        <li key={row.id}>
          {index > 0 && <Divider />}
          <Box paddingBlock="300">
            <BlockStack gap="150">
              <InlineStack align="space-between" blockAlign="start" gap="200" wrap={false}>
                <EventName row={row} />
                <Badge tone={row.badge.tone}>{row.badge.label}</Badge>
              </InlineStack>
              {row.reason !== '—' && <Text as="p">{row.reason}</Text>}
              <Text as="p" tone="subdued" variant="bodySm">
                {row.time} · {row.attempts === '1' ? '1 attempt' : `${row.attempts} attempts`} · Trace ID {row.traceId}
              </Text>
            </BlockStack>
          </Box>
        </li>
      ))}
    </ul>
  );
}
