import { Banner, BlockStack, Card, Checkbox, ContextualSaveBar, Form, FormLayout, InlineError, Select, Text, TextField } from '@shopify/polaris';
import { useEffect, useState } from 'react';

import { ApiError, type ApiClient } from '../lib/api-client';
import { LIMITED_DATA_USE_HELP, LIMITED_DATA_USE_OPTIONS, noSignalHelp, noSignalOptions, type NoSignalChoice } from '../lib/consent-view';
import {
  EVENT_DESCRIPTIONS,
  formFromSettings,
  hasUnsavedChanges,
  placeFieldErrors,
  PURCHASE_TRIGGER_HELP,
  PURCHASE_TRIGGER_LABELS,
  savedTokenHint,
  settingsUpdate,
  type FormField,
  type SettingsForm,
} from '../lib/settings-form';
import { PURCHASE_TRIGGERS, TOGGLEABLE_EVENTS, type LimitedDataUse, type PurchaseTrigger, type Settings } from '../lib/types';

interface Props {
  api: ApiClient;
  saved: Settings;
  onSaved: (settings: Settings) => void;
}

export function SettingsCard({ api, saved, onSaved }: Props) {
  const [form, setForm] = useState<SettingsForm>(() => formFromSettings(saved));
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setForm(formFromSettings(saved)), [saved]);

  const dirty = hasUnsavedChanges(form, saved);
  const edit = (patch: Partial<SettingsForm>) => setForm((current) => ({ ...current, ...patch }));

  async function save() {
    if (!dirty || saving) return;
    setSaving(true);
    try {
      const result = await api.saveSettings(settingsUpdate(form, saved));
      setErrors({});
      setProblem(null);
      onSaved(result);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const placed = placeFieldErrors(error.fieldErrors);
      setErrors(placed.fields);
      setProblem(placed.other.length > 0 || Object.keys(placed.fields).length === 0 ? [error.message, ...placed.other].join(' ') : null);
    } finally {
      setSaving(false);
    }
  }

  function discard() {
    setForm(formFromSettings(saved));
    setErrors({});
    setProblem(null);
  }

  return (
    <Card>
      {dirty && (
        <ContextualSaveBar
          message="Unsaved changes"
          saveAction={{ onAction: () => void save(), loading: saving, content: 'Save' }}
          discardAction={{ onAction: discard, content: 'Discard' }}
        />
      )}
      <Form onSubmit={() => void save()}>
        <BlockStack gap="400">
          <Text as="h2" variant="headingMd">
            Meta pixel
          </Text>
          {problem && (
            <Banner tone="critical" title="The settings were not saved">
              <p>{problem}</p>
            </Banner>
          )}
          <FormLayout>
            <TextField
              label="Pixel ID"
              value={form.pixelId}
              onChange={(pixelId) => edit({ pixelId })}
              autoComplete="off"
              inputMode="numeric"
              helpText="The 15- or 16-digit number in Events Manager, under Data sources."
              error={errors.pixelId}
            />
            <TextField
              label="Access token"
              type="password"
              value={form.accessToken}
              onChange={(accessToken) => edit({ accessToken })}
              autoComplete="new-password"
              placeholder={saved.accessTokenSet ? `•••• ${saved.accessTokenLast4 ?? ''}` : undefined}
              helpText={savedTokenHint(saved)}
              error={errors.accessToken}
            />
            <TextField
              label="Test event code"
              value={form.testEventCode}
              onChange={(testEventCode) => edit({ testEventCode })}
              autoComplete="off"
              helpText="Optional: from Events Manager, Test events. Leave empty for live sending."
              error={errors.testEventCode}
            />
            <Select
              label="Send Purchase when"
              options={PURCHASE_TRIGGERS.map((value) => ({ value, label: PURCHASE_TRIGGER_LABELS[value] }))}
              value={form.purchaseTrigger}
              onChange={(value) => edit({ purchaseTrigger: value as PurchaseTrigger })}
              helpText={PURCHASE_TRIGGER_HELP[form.purchaseTrigger]}
              error={errors.purchaseTrigger}
            />
          </FormLayout>
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              Events to send
            </Text>
            {TOGGLEABLE_EVENTS.map((name) => (
              <Checkbox
                key={name}
                label={name}
                checked={form.events[name]}
                onChange={(checked) => edit({ events: { ...form.events, [name]: checked } })}
                helpText={EVENT_DESCRIPTIONS[name]}
              />
            ))}
            {errors.events && <InlineError message={errors.events} fieldID="events" />}
          </BlockStack>
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              Consent and privacy
            </Text>
            <FormLayout>
              <Select
                label="Events without a consent signal"
                options={noSignalOptions(saved)}
                value={form.noConsentSignal}
                onChange={(value) => edit({ noConsentSignal: value as NoSignalChoice })}
                helpText={noSignalHelp(saved, form.noConsentSignal)}
                error={errors.noConsentSignal}
              />
              <Select
                label="Limited Data Use"
                options={LIMITED_DATA_USE_OPTIONS}
                value={form.limitedDataUse}
                onChange={(value) => edit({ limitedDataUse: value as LimitedDataUse })}
                helpText={LIMITED_DATA_USE_HELP[form.limitedDataUse]}
                error={errors.limitedDataUse}
              />
            </FormLayout>
          </BlockStack>
        </BlockStack>
      </Form>
    </Card>
  );
}
