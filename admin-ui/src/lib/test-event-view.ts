/** What the connection check says after "Send test event": Meta's answer in plain words. */
import { ApiError } from './api-client';
import type { TestEventResult } from './types';

export interface TestEventOutcome {
  tone: 'success' | 'critical';
  title: string;
  lines: string[];
}

export function testEventSucceeded(result: TestEventResult): TestEventOutcome {
  const received = result.eventsReceived ?? 1;
  return {
    tone: 'success',
    title: `Meta received ${received} test event${received === 1 ? '' : 's'}`,
    lines: [
      `Trace ID: ${result.fbtraceId ?? 'not given'}`,
      'Look for a PageView under Test events in Events Manager; it can take a minute to show.',
    ],
  };
}

export function testEventFailed(error: unknown): TestEventOutcome {
  if (!(error instanceof ApiError)) return { tone: 'critical', title: 'The test event was not sent', lines: ['Something went wrong in the panel. Reload the page and try again.'] };
  const lines = [error.message];
  if (error.fbtraceId) lines.push(`Trace ID: ${error.fbtraceId}`);
  if (error.status >= 500) lines.push('Meta or the app server had a temporary problem: try again in a minute.');
  return { tone: 'critical', title: error.status === 0 ? 'The app server could not be reached' : 'Meta did not accept the test event', lines };
}
