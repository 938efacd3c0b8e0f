/** An error's class and message for a log line: stacks and causes may carry data that must not be logged. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
