/**
 * RSS of one process sampled through a load phase. The growth over the phase's second half is the
 * figure that tells a leak from warm-up: caches, JIT and pools fill in the first minutes, and a leak
 * keeps growing after them.
 */
export interface RssSummary {
  startMb: number;
  peakMb: number;
  endMb: number;
  growthMb: number;
  secondHalfGrowthMb: number;
  samples: number;
}

export function sampleRss(read: () => number, everyMs: number): { stop: () => RssSummary } {
  const samples = [read()];
  const timer = setInterval(() => samples.push(read()), everyMs);
  return {
    stop() {
      clearInterval(timer);
      samples.push(read());
      const middle = samples[Math.floor(samples.length / 2)]!;
      const round = (mb: number) => Math.round(mb * 10) / 10;
      const start = samples[0]!;
      const end = samples[samples.length - 1]!;
      return {
        startMb: start,
        peakMb: Math.max(...samples),
        endMb: end,
        growthMb: round(end - start),
        secondHalfGrowthMb: round(end - middle),
        samples: samples.length,
      };
    },
  };
}
