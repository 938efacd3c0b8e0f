/**
 * Settings -> Meta Conversions API: the pixel, its access token (write-only: the page shows only
 * whether one is saved and its last four characters), the test event code, the per-event toggles,
 * "Send test event" and the latest events with what happened to each.
 */
import { defineRouteConfig } from '@medusajs/admin-sdk';
import { Button, Container, Heading, Input, Label, StatusBadge, Switch, Table, Text, toast, Toaster } from '@medusajs/ui';
import { useCallback, useEffect, useState } from 'react';

import { AdminRequestError, type AdminSettings, capiRelayClient, type EventLogRow } from '../../../lib/capi-relay-client';
import { EVENT_LABELS, formFrom, patchFrom, type SettingsForm } from '../../../lib/settings-form';

const STATUS_COLOR: Record<string, 'green' | 'orange' | 'red' | 'grey' | 'blue'> = {
  sent: 'green',
  queued: 'blue',
  sending: 'blue',
  skipped: 'grey',
  expired: 'orange',
  failed: 'red',
};

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={id} weight="plus">
        {label}
      </Label>
      {children}
      {hint && <Text size="small" className="text-ui-fg-subtle">{hint}</Text>}
      {error && <Text size="small" className="text-ui-fg-error">{error}</Text>}
    </div>
  );
}

function EventLog({ rows }: { rows: EventLogRow[] }) {
  if (rows.length === 0) return <Text className="text-ui-fg-subtle">No events yet.</Text>;
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Event</Table.HeaderCell>
          <Table.HeaderCell>Status</Table.HeaderCell>
          <Table.HeaderCell>Why</Table.HeaderCell>
          <Table.HeaderCell>Recorded</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((row) => (
          <Table.Row key={row.id}>
            <Table.Cell>{row.eventName}</Table.Cell>
            <Table.Cell>
              <StatusBadge color={STATUS_COLOR[row.status] ?? 'grey'}>{row.status}</StatusBadge>
            </Table.Cell>
            <Table.Cell>{row.reasonDetail ?? row.lastMessage ?? ''}</Table.Cell>
            <Table.Cell>{new Date(row.createdAt).toLocaleString()}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

const MetaConversionsApiPage = () => {
  const [saved, setSaved] = useState<AdminSettings>();
  const [form, setForm] = useState<SettingsForm>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [events, setEvents] = useState<EventLogRow[]>([]);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const [settings, log] = await Promise.all([capiRelayClient.getSettings(), capiRelayClient.listEvents()]);
      setSaved(settings);
      setForm(formFrom(settings));
      setEvents(log.events);
    } catch (error) {
      toast.error('Could not load the Meta settings', { description: (error as Error).message });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (!saved || !form) return <Container>Loading…</Container>;

  const save = async () => {
    setBusy(true);
    try {
      const settings = await capiRelayClient.saveSettings(patchFrom(saved, form));
      setSaved(settings);
      setForm(formFrom(settings));
      setErrors({});
      toast.success('Settings saved');
    } catch (error) {
      if (error instanceof AdminRequestError) setErrors(error.fieldErrors);
      toast.error('Settings not saved', { description: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const sendTest = async () => {
    setBusy(true);
    try {
      const result = await capiRelayClient.sendTestEvent();
      toast.success('Meta received the test event', { description: `Look for it under Test events in Events Manager (trace ${result.fbtraceId ?? 'n/a'}).` });
      setEvents((await capiRelayClient.listEvents()).events);
    } catch (error) {
      toast.error('Test event not sent', { description: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-col gap-y-3">
      <Toaster />
      <Container className="flex flex-col gap-y-6 p-6">
        <div>
          <Heading level="h1">Meta Conversions API</Heading>
          <Text className="text-ui-fg-subtle">Server events for your Meta pixel: AddToCart, InitiateCheckout and Purchase.</Text>
          {saved.stopped && (
            <Text className="text-ui-fg-error">
              Sending stopped {new Date(saved.stopped.at).toLocaleString()}: {saved.stopped.reason} Saving the settings resumes it.
            </Text>
          )}
        </div>
        <Field id="pixel-id" label="Pixel ID" hint="The 15- or 16-digit number in Events Manager (Data sources)." error={errors.pixelId}>
          <Input id="pixel-id" value={form.pixelId} onChange={(event) => setForm({ ...form, pixelId: event.target.value })} />
        </Field>
        <Field
          id="access-token"
          label="Access token"
          hint={saved.accessTokenSet ? `A token ending in …${saved.accessTokenLast4} is saved. Paste a new one to replace it.` : 'Events Manager -> Settings -> Generate access token.'}
          error={errors.accessToken}
        >
          <Input id="access-token" type="password" autoComplete="off" value={form.accessToken} onChange={(event) => setForm({ ...form, accessToken: event.target.value })} />
        </Field>
        <Field id="test-event-code" label="Test event code" hint="From the Test events tab; used by Send test event." error={errors.testEventCode}>
          <Input id="test-event-code" value={form.testEventCode} onChange={(event) => setForm({ ...form, testEventCode: event.target.value })} />
        </Field>
        <div className="flex flex-col gap-y-3">
          <div className="flex items-center gap-x-2">
            <Switch id="enabled" checked={form.enabled} onCheckedChange={(enabled) => setForm({ ...form, enabled })} />
            <Label htmlFor="enabled">Send events to Meta</Label>
          </div>
          {EVENT_LABELS.map(({ name, label }) => (
            <div key={name} className="flex items-center gap-x-2">
              <Switch id={`event-${name}`} checked={form.events[name]} onCheckedChange={(on) => setForm({ ...form, events: { ...form.events, [name]: on } })} />
              <Label htmlFor={`event-${name}`}>{label}</Label>
            </div>
          ))}
          {errors.events && <Text size="small" className="text-ui-fg-error">{errors.events}</Text>}
        </div>
        <div className="flex gap-x-2">
          <Button onClick={save} isLoading={busy}>
            Save
          </Button>
          <Button variant="secondary" onClick={sendTest} disabled={busy}>
            Send test event
          </Button>
        </div>
      </Container>
      <Container className="flex flex-col gap-y-4 p-6">
        <Heading level="h2">Latest events</Heading>
        <EventLog rows={events} />
      </Container>
    </div>
  );
};

export const config = defineRouteConfig({ label: 'Meta Conversions API' });

export default MetaConversionsApiPage;
