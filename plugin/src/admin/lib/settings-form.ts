/**
 * The settings form's state and what a save sends: only the fields the admin changed, and the token
 * only when one was typed (the saved token never comes back to fill the field).
 */
import type { AdminSettings, SettingsPatch } from './capi-relay-client';

export const EVENT_LABELS: { name: keyof AdminSettings['events']; label: string }[] = [
  { name: 'AddToCart', label: 'AddToCart (line added to a cart)' },
  { name: 'InitiateCheckout', label: 'InitiateCheckout (checkout opened)' },
  { name: 'Purchase', label: 'Purchase (order placed)' },
];

export interface SettingsForm {
  pixelId: string;
  accessToken: string;
  testEventCode: string;
  enabled: boolean;
  events: AdminSettings['events'];
}

export function formFrom(settings: AdminSettings): SettingsForm {
  return {
    pixelId: settings.pixelId ?? '',
    accessToken: '',
    testEventCode: settings.testEventCode ?? '',
    enabled: settings.enabled,
    events: settings.events,
  };
}

export function patchFrom(saved: AdminSettings, form: SettingsForm): SettingsPatch {
  const patch: SettingsPatch = {};
  if (form.pixelId.trim() !== (saved.pixelId ?? '')) patch.pixelId = form.pixelId.trim() || null;
  if (form.accessToken.trim() !== '') patch.accessToken = form.accessToken.trim();
  if (form.testEventCode.trim() !== (saved.testEventCode ?? '')) patch.testEventCode = form.testEventCode.trim() || null;
  if (form.enabled !== saved.enabled) patch.enabled = form.enabled;
  const changedEvents = EVENT_LABELS.filter(({ name }) => form.events[name] !== saved.events[name]);
  if (changedEvents.length > 0) patch.events = Object.fromEntries(changedEvents.map(({ name }) => [name, form.events[name]]));
  return patch;
}
