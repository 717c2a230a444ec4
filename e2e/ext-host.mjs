// Extension-host suites: @vscode/test-electron's runTests(), unchanged, with code-shim.sh as the
// "VS Code executable" (it runs the suite inside code-server). One code-server per suite, each on
// a fresh copy of its fixture workspace under e2e/.run/ws/ (tests can never dirty the repo).
// Usage: node e2e/ext-host.mjs [suite-name ...]     (default: every suite in SUITES)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { E2E, REPO, RUN, FIXTURES, TEST_ROOT } from './lib/paths.mjs';
import { installSignalHandlers, stopwatch } from './lib/procs.mjs';

const require = createRequire(import.meta.url);
const { runTests } = require('@vscode/test-electron');

// name -> fixture to copy, workspace to open inside the copy, mocha entry point (test/e2e/<dir>/index.js)
export const SUITES = [
  { name: 'single-folder', fixture: 'workspace', open: '.', tests: 'suite' },
  { name: 'multi-root', fixture: 'multi-root', open: 'multi-root.code-workspace', tests: 'multiroot' },
];

function freshWorkspace(s) {
  const dir = path.join(RUN, 'ws', s.name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(FIXTURES, s.fixture), dir, { recursive: true });
  return path.join(dir, s.open);
}

export async function runSuite(s) {
  const sw = stopwatch(`suite ${s.name}`);
  const results = path.join(RUN, `results-${s.name}.json`);
  fs.rmSync(results, { force: true });
  let ok = false;
  try {
    await runTests({
      vscodeExecutablePath: path.join(E2E, 'code-shim.sh'),
      extensionDevelopmentPath: REPO,
      extensionTestsPath: path.join(TEST_ROOT, s.tests, 'index.js'),
      launchArgs: [freshWorkspace(s),
        `--user-data-dir=${path.join(RUN, 'profiles', s.name, 'user-data')}`,
        `--extensions-dir=${path.join(RUN, 'profiles', s.name, 'extensions')}`],
      extensionTestsEnv: { FCS_E2E_RESULTS: results },
    });
    ok = true;
  } catch (e) {
    console.error(`suite ${s.name} failed: ${e.message}`);
  }
  let summary = 'no results file';
  if (fs.existsSync(results)) {
    const r = JSON.parse(fs.readFileSync(results, 'utf8'));
    summary = `${r.passes.length} passing, ${r.failures.length} failing`;
    if (r.passes.length === 0) ok = false;
  } else {
    ok = false;
  }
  sw.log(`${ok ? 'PASS' : 'FAIL'} (${summary})`);
  return ok;
}

export async function runExtHostSuites(names = []) {
  for (const n of names) if (!SUITES.some((s) => s.name === n)) throw new Error(`unknown suite ${n}; have ${SUITES.map((s) => s.name).join(', ')}`);
  const chosen = names.length ? SUITES.filter((s) => names.includes(s.name)) : SUITES;
  let ok = true;
  for (const s of chosen) ok = (await runSuite(s)) && ok;
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  installSignalHandlers();
  runExtHostSuites(process.argv.slice(2)).then((ok) => process.exit(ok ? 0 : 1), (e) => { console.error(e.message); process.exit(1); });
}
