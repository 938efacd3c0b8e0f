/** Outcome of normalizing one value: the pre-hash form, or why the value must be left out. */
export type NormalizeResult = { value: string } | { value: null; reason: string };

export const kept = (value: string): NormalizeResult => ({ value });

export const dropped = (reason: string): NormalizeResult => ({ value: null, reason });
