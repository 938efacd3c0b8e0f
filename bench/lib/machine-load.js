/**
 * This machine is shared (2 cores, other jobs, a hypervisor that steals time), so every measured
 * phase records how much CPU went to processes outside the benchmark, and waits a little for a quiet
 * machine before it starts. "Ours" is this process, its load-generator child, and the PostgreSQL
 * backends connected to the benchmark's own database. Linux /proc only; elsewhere nothing is
 * recorded and nothing waits.
 */
const fs = require('node:fs');
const os = require('node:os');
const { performance } = require('node:perf_hooks');

const JIFFY_MS = 10;
/** Wait for other jobs to drop under this many cores before a phase, for at most QUIET_WAIT_MS. */
const QUIET_CORES = 0.25;
const QUIET_WAIT_MS = 10_000;
const QUIET_PROBE_MS = 1_000;

const available = fs.existsSync('/proc/stat');

/** Which processes count as the benchmark's own. */
const owned = { pids: new Set([process.pid]), databaseName: undefined };

function machineJiffies() {
  const [user, nice, system, , , irq, softirq, steal] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return { busy: user + nice + system + irq + softirq, steal };
}

/** utime + stime of a process, 0 once it is gone. */
function processJiffies(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop().split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function ownDatabaseBackends() {
  if (!owned.databaseName) return [];
  const needle = ` ${owned.databaseName} `;
  return fs.readdirSync('/proc').filter((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      const title = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      return title.startsWith('postgres: ') && title.includes(needle);
    } catch {
      return false;
    }
  });
}

function snapshot() {
  if (!available) return undefined;
  const pids = [...owned.pids, ...ownDatabaseBackends()];
  return { at: performance.now(), machine: machineJiffies(), ownJiffies: pids.reduce((sum, pid) => sum + processJiffies(pid), 0) };
}

/** Cores other processes used between two snapshots, and the share of time the hypervisor stole. */
function loadBetween(start, end = snapshot()) {
  if (!start || !end) return undefined;
  const elapsedJiffies = (end.at - start.at) / JIFFY_MS;
  const foreign = end.machine.busy - start.machine.busy - (end.ownJiffies - start.ownJiffies);
  return {
    otherCores: Math.max(0, foreign / elapsedJiffies),
    stealShare: (end.machine.steal - start.machine.steal) / (elapsedJiffies * os.cpus().length),
  };
}

/** Waits (bounded) until other jobs use less than QUIET_CORES; returns the last probe's load. */
async function waitForQuiet() {
  if (!available) return undefined;
  const giveUpAt = performance.now() + QUIET_WAIT_MS;
  let load;
  do {
    const start = snapshot();
    await new Promise((resolve) => setTimeout(resolve, QUIET_PROBE_MS));
    load = loadBetween(start);
  } while (load.otherCores >= QUIET_CORES && performance.now() < giveUpAt);
  return load;
}

module.exports = {
  snapshot,
  loadBetween,
  waitForQuiet,
  ownProcess: (pid) => owned.pids.add(pid),
  forgetProcess: (pid) => owned.pids.delete(pid),
  ownDatabase: (name) => {
    owned.databaseName = name;
  },
};
