/**
 * A one-second CPU yardstick comparable with anchor 1a (SHA-256 of 8,192 distinct short strings,
 * `createHash().update().digest('hex')`): how fast one core of this machine is right now, next to
 * the machine the anchors were measured on.
 */
const { createHash } = require('node:crypto');
const { performance } = require('node:perf_hooks');

const ANCHOR_1A_PER_SECOND = 1.31e6;
const STRINGS = Array.from({ length: 8192 }, (_, index) => `u${index.toString(36)}@ex.io`);

function hashesPerSecond(durationMs) {
  const stopAt = performance.now() + durationMs;
  let count = 0;
  while (performance.now() < stopAt) {
    // Checking the clock every 256 hashes keeps it out of the figure.
    for (let i = 0; i < 256; i++) createHash('sha256').update(STRINGS[(count + i) & 8191]).digest('hex');
    count += 256;
  }
  return count / (durationMs / 1000);
}

/** Warm-up, then one measured second. */
function cpuCheck() {
  hashesPerSecond(300);
  const perSecond = hashesPerSecond(1000);
  return { perSecond, versusAnchor: perSecond / ANCHOR_1A_PER_SECOND };
}

module.exports = { cpuCheck };
