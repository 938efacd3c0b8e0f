/** JSON.parse for text from the network: malformed input is an expected case, not an exception. */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
