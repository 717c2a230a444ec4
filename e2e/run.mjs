// `npm run test:e2e`: install what is missing, package the VSIX, run the extension-host suites
// (single folder, multi-root) and the browser UI test, and print the time of each phase.
// Each phase runs as its own process group; on failure, timeout or a signal every group this
// run started is ended. Exit code 0 only when every phase passed.
// Usage: node e2e/run.mjs [--update-screenshots] [--skip-ui] [--skip-ext-host]
import fs from 'node:fs';
import path from 'node:path';
import { E2E, REPO, RUN } from './lib/paths.mjs';
import { cleanup, installSignalHandlers, isStopping, killRecordedGroups, onCleanup, run, stopwatch } from './lib/procs.mjs';

const argv = process.argv.slice(2);
const BUDGET_S = 360; // the whole run, install included, should fit in 6 minutes on 2 idle cores
const TIMEOUT_S = Number(process.env.FCS_E2E_TIMEOUT_S || 900); // hang guard, not the budget
const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const VSIX = path.join(REPO, `${manifest.name}-${manifest.version}.vsix`);

const phases = [
  { name: 'install', args: ['install.mjs'] },
  { name: 'package', args: ['package.mjs', '--out', VSIX], gate: true },
  ...(argv.includes('--skip-ext-host') ? [] : [
    { name: 'ext-host: single folder', args: ['ext-host.mjs', 'single-folder'] },
    { name: 'ext-host: multi-root', args: ['ext-host.mjs', 'multi-root'] },
  ]),
  ...(argv.includes('--skip-ui') ? [] : [
    { name: 'ui: browser + VSIX', args: ['ui.mjs', '--vsix', VSIX, ...(argv.includes('--update-screenshots') ? ['--update-screenshots'] : [])] },
  ]),
];

async function main() {
  const total = stopwatch('e2e');
  const leftovers = await killRecordedGroups();
  if (leftovers) total.log(`ended ${leftovers} process group(s) left over from an earlier run`);
  fs.mkdirSync(RUN, { recursive: true });
  const results = [];
  for (const phase of phases) {
    if (isStopping()) break;
    const sw = stopwatch(phase.name);
    console.log(`\n=== ${phase.name}`);
    const rc = await run(process.execPath, [path.join(E2E, phase.args[0]), ...phase.args.slice(1)], { cwd: REPO });
    results.push({ name: phase.name, ok: rc === 0, secs: sw.secs() });
    console.log(`=== ${phase.name}: ${rc === 0 ? 'ok' : `FAILED (rc ${rc})`} in ${sw.secs()}s`);
    if (rc !== 0 && (phase.name === 'install' || phase.gate)) break; // nothing to test without them
  }
  console.log('\nphase                       result  seconds');
  for (const r of results) console.log(`${r.name.padEnd(28)}${(r.ok ? 'ok' : 'FAIL').padEnd(8)}${r.secs.padStart(7)}`);
  const ok = results.length === phases.length && results.every((r) => r.ok);
  console.log(`${'total'.padEnd(28)}${(ok ? 'ok' : 'FAIL').padEnd(8)}${total.secs().padStart(7)}`);
  if (Number(total.secs()) > BUDGET_S) console.log(`warning: the run took longer than its ${BUDGET_S}s budget (a busy machine, or a regression)`);
  return ok;
}

installSignalHandlers();
onCleanup(() => killRecordedGroups()); // groups that sub-processes recorded but could not end
const watchdog = setTimeout(async () => {
  console.error(`\ne2e run exceeded ${TIMEOUT_S}s: stopping every process it started`);
  await cleanup(5000);
  process.exit(1);
}, TIMEOUT_S * 1000);
let ok = false;
try {
  ok = await main();
} catch (e) {
  console.error(e.stack || e.message);
} finally {
  clearTimeout(watchdog);
  await cleanup(8000);
  process.exit(ok ? 0 : 1);
}
