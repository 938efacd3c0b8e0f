/** Small number helpers shared by the phases. */

/** Nearest-rank percentile of unsorted values (0 < p <= 100); NaN when empty. */
function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

/** CPU microseconds (user + system) the whole process used since `start` (a process.cpuUsage()). */
function processCpuSince(start) {
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

module.exports = { percentile, processCpuSince };
