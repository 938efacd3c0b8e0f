import { Banner, BlockStack, Button, Card, Text } from '@shopify/polaris';
import { useState } from 'react';

import type { ApiClient } from '../lib/api-client';
import { testEventFailed, testEventSucceeded, type TestEventOutcome } from '../lib/test-event-view';

export function ConnectionCard({ api, onSent }: { api: ApiClient; onSent: () => void }) {
  const [outcome, setOutcome] = useState<TestEventOutcome | null>(null);
  const [sending, setSending] = useState(false);

  async function send() {
    setSending(true);
    try {
      setOutcome(testEventSucceeded(await api.sendTestEvent()));
    } catch (error) {
      setOutcome(testEventFailed(error));
    } finally {
      setSending(false);
      onSent();
    }
  }

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Connection check
        </Text>
        <Text as="p" tone="subdued">
          Sends one PageView with your test event code to the saved pixel and shows Meta’s answer.
        </Text>
        <div>
          <Button onClick={() => void send()} loading={sending}>
            Send test event
          </Button>
        </div>
        {outcome && (
          <div role="status">
            <Banner tone={outcome.tone} title={outcome.title}>
              <BlockStack gap="100">
                {outcome.lines.map((line) => (
                  <p key={line}>{line}</p>
                ))}
              </BlockStack>
            </Banner>
          </div>
        )}
      </BlockStack>
    </Card>
  );
}
