import { Badge, Banner, BlockStack, Button, Frame, Layout, Page, Text } from '@shopify/polaris';
import { useCallback, useState } from 'react';

import { ConnectionCard } from './components/ConnectionCard';
import { EventLogCard } from './components/EventLogCard';
import { HealthBanners } from './components/HealthBanners';
import { MatchQualityCard } from './components/MatchQualityCard';
import { Notice } from './components/Notice';
import { SettingsCard } from './components/SettingsCard';
import type { ApiClient } from './lib/api-client';
import type { PanelConfig } from './lib/panel-config';
import type { Settings } from './lib/types';
import { useLoaded } from './use-async';

export function App({ api, config }: { api: ApiClient; config: PanelConfig }) {
  const settings = useLoaded(() => api.getSettings());
  // The first load reaches /api/health, which sets up Admin API access right after install.
  const health = useLoaded(() => api.health());
  const quality = useLoaded(() => api.matchQuality());
  const [logVersion, setLogVersion] = useState(0);
  const [toast, setToast] = useState<string | null>(null);
  const preview = config.mode === 'preview';
  const dismissToast = useCallback(() => setToast(null), []);

  const refresh = useCallback(() => {
    void health.reload();
    void quality.reload();
    setLogVersion((version) => version + 1);
  }, [health.reload, quality.reload]);

  const onSaved = useCallback(
    (saved: Settings, message: string) => {
      settings.set(saved);
      setToast(message);
      refresh();
    },
    [settings.set, refresh],
  );

  const shop = health.value?.shop ?? config.shop;
  return (
    <Frame>
      <Page
        title="CAPI Relay"
        subtitle={shop ? `Meta Conversions API for ${shop}` : 'Meta Conversions API'}
        titleMetadata={preview ? <Badge tone="attention">Development preview</Badge> : undefined}
      >
        <BlockStack gap="400">
          {preview && (
            <Banner tone="info" title="Development preview">
              <p>
                This is a development shop on your own machine, not a Shopify store: there is no Shopify connection, and events reach
                Meta only if you save a real pixel ID and token.
              </p>
            </Banner>
          )}
          {settings.error !== undefined && (
            <Banner tone="critical" title="The settings could not be loaded">
              <BlockStack gap="200">
                <p>{(settings.error as Error).message}</p>
                <div>
                  <Button onClick={() => void settings.reload()}>Try again</Button>
                </div>
              </BlockStack>
            </Banner>
          )}
          {health.value && settings.value && (
            <HealthBanners
              api={api}
              health={health.value}
              settings={settings.value}
              preview={preview}
              waitingForBrowser={quality.value?.waitingForBrowser ?? 0}
              onResumed={(saved) => onSaved(saved, 'Sending resumed')}
            />
          )}
          {health.error !== undefined && (
            <Banner tone="warning" title="The app’s status could not be checked">
              <p>{(health.error as Error).message}</p>
            </Banner>
          )}
          <Layout>
            <Layout.Section>
              {settings.value ? (
                <SettingsCard api={api} saved={settings.value} onSaved={(saved) => onSaved(saved, 'Settings saved')} />
              ) : (
                <Text as="p" tone="subdued">
                  {settings.loading ? 'Loading settings…' : ''}
                </Text>
              )}
            </Layout.Section>
            <Layout.Section variant="oneThird">
              <BlockStack gap="400">
                <ConnectionCard api={api} onSent={refresh} />
                <MatchQualityCard quality={quality.value} error={quality.error} />
              </BlockStack>
            </Layout.Section>
            <Layout.Section>
              <EventLogCard api={api} version={logVersion} />
            </Layout.Section>
          </Layout>
        </BlockStack>
      </Page>
      {toast && <Notice message={toast} onDismiss={dismissToast} />}
    </Frame>
  );
}
