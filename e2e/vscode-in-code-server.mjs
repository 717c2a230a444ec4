// A stand-in for a desktop VS Code executable that runs an extension test suite inside
// code-server's real (Node) extension host. @vscode/test-electron's runTests() spawns it (through
// code-shim.sh) with desktop flags:
//   --extensionDevelopmentPath=DIR (repeatable) --extensionTestsPath=FILE
//   [--user-data-dir=DIR] [--extensions-dir=DIR] [WORKSPACE folder or .code-workspace]
// Other flags (--no-sandbox, --disable-updates, ...) are ignored.
//
// code-server has no such CLI flags; its web workbench takes them from the `payload` URL query and,
// when the extension host has run the tests, calls window.codeAutomationExit(code); extension-host
// console output arrives through window.codeAutomationLog. The exit code of this process is the
// suite's: 0 only when every test passed.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { RUN } from './lib/paths.mjs';
import { cleanup, installSignalHandlers, onCleanup, stopwatch, withTimeout } from './lib/procs.mjs';
import { isolatedEnv, prepareProfile, startCodeServer, workbenchUrl } from './lib/codeServer.mjs';
import { launchBrowser } from './lib/browser.mjs';

const WORKBENCH_NOISE = /^(Creating a socket|Resolv(ing|ed) connection token|Ignoring fetching additional builtin|\[Service Worker\]|ChatSessionStore|Updating additional builtin|\s*$)/;
const SUITE_TIMEOUT_MS = Number(process.env.FCS_E2E_SUITE_TIMEOUT_MS || 150000);

function parseArgs(argv) {
  const values = (name) => argv.filter((a) => a.startsWith(`--${name}=`)).map((a) => path.resolve(a.slice(name.length + 3)));
  const positional = argv.filter((a) => !a.startsWith('--'));
  const devPaths = values('extensionDevelopmentPath');
  const tests = values('extensionTestsPath')[0];
  if (!devPaths.length || !tests) throw new Error('need --extensionDevelopmentPath=DIR and --extensionTestsPath=FILE');
  if (positional.length !== 1) throw new Error(`need exactly one workspace (folder or .code-workspace), got: ${positional.join(' ') || 'none'}`);
  return {
    devPaths, tests,
    workspace: path.resolve(positional[0]),
    userDataDir: values('user-data-dir')[0],
    extensionsDir: values('extensions-dir')[0],
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const name = path.basename(args.workspace).replace(/\.code-workspace$/, '');
  const dir = path.join(RUN, `exthost-${name}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const sw = stopwatch(`exthost:${name}`);
  const profile = prepareProfile(dir, { userDataDir: args.userDataDir, extensionsDir: args.extensionsDir });
  const env = isolatedEnv(dir);
  const server = await startCodeServer(dir, profile, { env });
  sw.log(`code-server up on ${server.url} (pid ${server.pid})`);

  const browser = await launchBrowser(env);
  const page = await (await browser.newContext()).newPage();
  let exit;
  const exited = new Promise((resolve) => { exit = resolve; });
  // Workbench chatter goes to a log file only; the suite's own output is printed.
  const workbenchLog = fs.openSync(path.join(dir, 'workbench.log'), 'w');
  onCleanup(() => fs.closeSync(workbenchLog));
  // Both functions must exist before the workbench boots (exposeFunction applies to later navigations).
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    const text = util.format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
    try { fs.writeSync(workbenchLog, `[${type}] ${text}\n`); } catch { /* closed during cleanup */ }
    if (WORKBENCH_NOISE.test(text)) return;
    for (const line of text.split('\n')) console.log(`  ${line}`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => exit(code));
  page.on('pageerror', (e) => console.error(`  [page error] ${e.message}`));

  // Payload URIs must be vscode-remote://host:port/abs/path (file:// silently never runs).
  const remote = (p) => `vscode-remote://${server.host}${p}`;
  const payload = [
    ...args.devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ['extensionTestsPath', remote(args.tests)],
    ['skipWelcome', 'true'],
  ];
  await page.goto(workbenchUrl(server, args.workspace, payload));
  sw.log(`workbench opened on ${path.relative(process.cwd(), args.workspace)}; running ${path.relative(process.cwd(), args.tests)}`);
  const code = await withTimeout(exited, SUITE_TIMEOUT_MS, 'extension tests (no codeAutomationExit)');
  sw.log(`extension host finished the suite with exit code ${code}`);
  return code === 0 ? 0 : 1;
}

installSignalHandlers();
let rc = 1;
try {
  rc = await main();
} catch (e) {
  console.error(`extension-host run failed: ${e.stack || e.message}`);
} finally {
  await cleanup();
  process.exit(rc);
}
