import { createHash } from 'node:crypto';

/**
 * SHA-256 in lowercase hex, straight from node:crypto: tests hash the normalized value they expect
 * with this, so a hash is checked against an independent computation, never against core's own
 * normalize-and-hash code.
 */
export const sha256Hex = (normalized: string): string => createHash('sha256').update(normalized, 'utf8').digest('hex');
