import { BlockStack, Box, Card, InlineStack, ProgressBar, Text } from '@shopify/polaris';

import { matchQualityView } from '../lib/match-quality-view';
import type { MatchQuality } from '../lib/types';

export function MatchQualityCard({ quality, error }: { quality: MatchQuality | undefined; error: unknown }) {
  const view = quality ? matchQualityView(quality) : undefined;
  return (
    <section aria-labelledby="match-quality-title">
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd" id="match-quality-title">
            Match quality (last 24 hours)
          </Text>
          {error !== undefined && (
            <Text as="p" tone="critical">
              Match quality could not be loaded: {(error as Error).message}
            </Text>
          )}
          {view && (
            <>
              <Text as="p">{view.counts.length === 0 ? 'No events in the last 24 hours.' : view.counts.map((row) => `${row.label}: ${row.count}`).join(' · ')}</Text>
              <Box background="bg-surface-secondary" padding="300" borderRadius="200">
                <Text as="p" fontWeight="medium">
                  {view.advice}
                </Text>
              </Box>
              {view.dropped.length > 0 && (
                <BlockStack gap="100">
                  <Text as="h3" variant="headingSm">
                    Left out because the store's value failed Meta's rules
                  </Text>
                  <ul aria-label="Match keys left out, and why" style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
                    {view.dropped.map((line) => (
                      <li key={line}>
                        <Text as="span">{line}</Text>
                      </li>
                    ))}
                  </ul>
                </BlockStack>
              )}
              {view.sent > 0 && (
                <ul aria-label="Share of sent events carrying each match key" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  <BlockStack gap="200">
                    {view.keys.map((key) => (
                      <li key={key.key}>
                        <BlockStack gap="100">
                          <InlineStack align="space-between">
                            <Text as="span">{key.label}</Text>
                            <Text as="span" tone="subdued">
                              {key.text}
                            </Text>
                          </InlineStack>
                          <ProgressBar progress={key.percent} size="small" tone={key.percent >= 80 ? 'success' : 'highlight'} />
                        </BlockStack>
                      </li>
                    ))}
                  </BlockStack>
                </ul>
              )}
            </>
          )}
        </BlockStack>
      </Card>
    </section>
  );
}
