// Process bookkeeping for the e2e harness: every child we start runs in its own process group
// (spawned detached) and is ended by group — on normal exit, on failure and on a signal.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { RUN } from './paths.mjs';

// Every group is also written to e2e/.run/pgids/, so the top-level runner can end groups that a
// killed sub-process could not end itself (and a new run can end leftovers of a crashed one).
const PGID_DIR = path.join(RUN, 'pgids');
const remember = (pid) => { try { fs.mkdirSync(PGID_DIR, { recursive: true }); fs.writeFileSync(path.join(PGID_DIR, String(pid)), ''); } catch { /* best effort */ } };
const forget = (pid) => { try { fs.rmSync(path.join(PGID_DIR, String(pid)), { force: true }); } catch { /* best effort */ } };

const groups = new Set();
const cleanups = [];
let handlersInstalled = false;
let stopping = false;

/** True once a signal or cleanup() began ending this run: start nothing new. */
export const isStopping = () => stopping;

/** spawn() in a new process group that killGroups() will end. */
export function spawnGroup(cmd, args, opts = {}) {
  if (stopping) throw new Error(`not starting ${cmd}: the run is stopping`);
  const child = spawn(cmd, args, { ...opts, detached: true });
  if (child.pid) {
    trackGroup(child.pid);
    // A finished command whose group is empty needs no ending later: forget it (its pid may be reused).
    child.on('exit', () => { if (!alive(child.pid)) { groups.delete(child.pid); forget(child.pid); } });
  }
  return child;
}

/** Track a process group started by someone else (e.g. the browser playwright launched detached). */
export function trackGroup(pid) { if (pid) { groups.add(pid); remember(pid); } }

/** Register async cleanup (closing a browser politely) to run before groups are killed. */
export function onCleanup(fn) { cleanups.push(fn); }

function signalGroup(pid, sig) {
  try { process.kill(-pid, sig); return true; } catch { return false; }
}

/** Synchronously signal every tracked process group. */
export function killGroups(sig = 'SIGTERM') {
  for (const pid of groups) signalGroup(pid, sig);
}

/** Polite cleanup, then SIGTERM every group, then SIGKILL what is left after a grace period. */
export async function cleanup(graceMs = 3000) {
  stopping = true;
  for (const fn of cleanups.splice(0).reverse()) {
    try { await withTimeout(Promise.resolve().then(fn), 5000); } catch { /* best effort */ }
  }
  killGroups('SIGTERM');
  const end = Date.now() + graceMs;
  while (Date.now() < end && [...groups].some(alive)) await sleep(100);
  killGroups('SIGKILL');
  for (const pid of groups) forget(pid);
  groups.clear();
}

/** End every process group recorded under e2e/.run/pgids/ (by anyone in this or an earlier run). */
export async function killRecordedGroups(graceMs = 3000) {
  let pids = [];
  try { pids = fs.readdirSync(PGID_DIR).map(Number).filter((n) => n > 1); } catch { return 0; }
  const live = pids.filter(alive);
  for (const pid of live) signalGroup(pid, 'SIGTERM');
  const end = Date.now() + graceMs;
  while (Date.now() < end && live.some(alive)) await sleep(100);
  for (const pid of live) signalGroup(pid, 'SIGKILL');
  for (const pid of pids) forget(pid);
  return live.length;
}

function alive(pid) { try { process.kill(-pid, 0); return true; } catch { return false; } }

/** On SIGINT/SIGTERM/SIGHUP: clean up, then exit 128+n. On process exit: SIGKILL leftovers. */
export function installSignalHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [sig, code] of Object.entries(codes)) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      console.error(`\n${sig}: stopping every process this run started`);
      cleanup(1500).finally(() => process.exit(code));
    });
  }
  process.on('exit', () => killGroups('SIGKILL'));
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function withTimeout(promise, ms, what = 'operation') {
  let t;
  return Promise.race([
    promise,
    new Promise((_, rej) => { t = setTimeout(() => rej(new Error(`timeout after ${ms} ms: ${what}`)), ms); t.unref?.(); }),
  ]).finally(() => clearTimeout(t));
}

/** Run a command to completion in its own process group; resolves with the exit code. */
export function run(cmd, args, opts = {}) {
  if (stopping) return Promise.resolve(143);
  return new Promise((resolve, reject) => {
    const child = spawnGroup(cmd, args, { stdio: 'inherit', ...opts });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** A stopwatch that prefixes messages with the elapsed seconds. */
export function stopwatch(label) {
  const t0 = Date.now();
  const secs = () => ((Date.now() - t0) / 1000).toFixed(1);
  return {
    secs,
    log: (msg) => console.log(`[${label} ${secs()}s] ${msg}`),
  };
}
