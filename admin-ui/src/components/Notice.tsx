import { Box, Button, InlineStack, Text } from '@shopify/polaris';
import { useEffect } from 'react';

const SHOWN_MS = 5000;

/**
 * The confirmation after a save, shaped like Polaris's Toast but announced (role="status") and with
 * a named dismiss button: Polaris's own Toast renders its close button without an accessible name.
 */
export function Notice({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [message, onDismiss]);
  return (
    <div role="status" style={{ position: 'fixed', insetInline: 0, bottom: 'var(--p-space-800)', display: 'flex', justifyContent: 'center', zIndex: 600, pointerEvents: 'none' }}>
      <div style={{ pointerEvents: 'auto' }}>
        <Box background="bg-fill-inverse" padding="300" paddingInlineStart="400" borderRadius="200" shadow="400">
          <InlineStack gap="400" blockAlign="center" wrap={false}>
            <Text as="span" tone="text-inverse" fontWeight="medium">
              {message}
            </Text>
            <Button variant="monochromePlain" onClick={onDismiss} accessibilityLabel="Dismiss notification">
              Dismiss
            </Button>
          </InlineStack>
        </Box>
      </div>
    </div>
  );
}
