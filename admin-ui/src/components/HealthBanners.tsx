import { Banner } from '@shopify/polaris';
import { useState } from 'react';

import { ApiError, type ApiClient } from '../lib/api-client';
import { healthBanners } from '../lib/health-view';
import type { Health, Settings } from '../lib/types';

interface Props {
  api: ApiClient;
  health: Health;
  settings: Settings;
  preview: boolean;
  waitingForBrowser: number;
  onResumed: (settings: Settings) => void;
}

export function HealthBanners({ api, health, settings, preview, waitingForBrowser, onResumed }: Props) {
  const [resuming, setResuming] = useState(false);
  const [resumeError, setResumeError] = useState<string | null>(null);

  async function resume() {
    setResuming(true);
    try {
      // Any save clears the stop; `enabled: true` also says what the merchant asked for.
      onResumed(await api.saveSettings({ enabled: true }));
      setResumeError(null);
    } catch (error) {
      setResumeError(error instanceof ApiError ? error.message : 'Sending could not be resumed. Reload the page and try again.');
    } finally {
      setResuming(false);
    }
  }

  const banners = healthBanners(health, settings, { preview, waitingForBrowser });
  if (banners.length === 0 && !resumeError) return null;
  return (
    <>
      {banners.map((banner) => (
        <Banner
          key={banner.id}
          tone={banner.tone}
          title={banner.title}
          action={banner.action === 'resume' ? { content: 'Resume sending', onAction: () => void resume(), loading: resuming } : undefined}
        >
          <p>{banner.body}</p>
        </Banner>
      ))}
      {resumeError && (
        <Banner tone="critical" title="Sending was not resumed">
          <p>{resumeError}</p>
        </Banner>
      )}
    </>
  );
}
