// UI tests: the packaged VSIX installed into code-server, driven through Debian's Chromium.
// Every test/e2e/ui/*.ui.mjs runs in name order against one code-server session, each on a fresh
// page; a module exports `title` and `default async function (ctx)`. Screenshots go to
// test-results/e2e/; with --update-screenshots the ones a test marks `publish` are copied to
// docs/screenshots/ (for the README).
// Usage: node e2e/ui.mjs [--vsix FILE] [--update-screenshots]   (without --vsix it packages first)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CODE_SERVER, REPO, RESULTS, RUN, TEST_ROOT } from './lib/paths.mjs';
import { cleanup, installSignalHandlers, stopwatch } from './lib/procs.mjs';
import { installVsixArgs, isolatedEnv, prepareProfile, startCodeServer, workbenchUrl } from './lib/codeServer.mjs';
import { launchBrowser } from './lib/browser.mjs';
import * as workbench from './lib/workbench.mjs';

const VIEWPORT = { width: 1280, height: 800 };
const SCREENSHOT_BUDGET = 300 * 1024;
const DOCS_SCREENSHOTS = path.join(REPO, 'docs', 'screenshots');

export async function runUiTests({ vsix, updateScreenshots = false }) {
  const sw = stopwatch('ui');
  const dir = path.join(RUN, 'ui');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  const env = isolatedEnv(dir);
  const profile = prepareProfile(dir, { settings: { 'editor.hover.delay': 200, 'workbench.colorTheme': 'Default Light Modern' } });

  execFileSync(CODE_SERVER, installVsixArgs(profile, vsix), { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const installed = fs.readdirSync(profile.extensionsDir).filter((d) => !d.startsWith('.') && d !== 'extensions.json');
  if (!installed.some((d) => d.startsWith('fcs-lint.fcs-lint-'))) throw new Error(`VSIX not installed; extensions dir has: ${installed.join(', ')}`);
  sw.log(`installed ${path.basename(vsix)} -> ${installed.join(', ')}`);

  // The workspace: a copy of the repository's examples/ (so the example spec is what users see).
  const ws = path.join(RUN, 'ws', 'ui');
  fs.rmSync(ws, { recursive: true, force: true });
  fs.cpSync(path.join(REPO, 'examples'), ws, { recursive: true });

  const server = await startCodeServer(dir, profile, { env });
  sw.log(`code-server up on ${server.url} (pid ${server.pid})`);
  const browser = await launchBrowser(env);
  sw.log('browser up');

  const tests = fs.readdirSync(path.join(TEST_ROOT, 'ui')).filter((f) => f.endsWith('.ui.mjs')).sort();
  const results = [];
  for (const file of tests) {
    const mod = await import(path.join(TEST_ROOT, 'ui', file));
    const title = mod.title || file;
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    const shots = [];
    const ctx = {
      page, server, workspace: ws, repo: REPO, workbench,
      log: (msg) => sw.log(`  ${msg}`),
      open: async () => { await page.goto(workbenchUrl(server, ws)); await workbench.waitForWorkbench(page); },
      /** Save a screenshot; `publish` names the docs/screenshots/ file it may be copied to. */
      screenshot: async (name, { publish } = {}) => {
        const file = path.join(RESULTS, `${name}.png`);
        await page.screenshot({ path: file });
        shots.push({ file, publish });
        sw.log(`  screenshot ${path.relative(REPO, file)} (${(fs.statSync(file).size / 1024).toFixed(0)} KB)`);
      },
    };
    const t0 = Date.now();
    try {
      await mod.default(ctx);
      results.push({ title, ok: true });
      sw.log(`✔ ${title} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
      if (updateScreenshots) for (const s of shots.filter((s) => s.publish)) publishScreenshot(s.file, s.publish, sw);
    } catch (e) {
      results.push({ title, ok: false, error: e.message });
      sw.log(`✘ ${title}: ${e.message.split('\n')[0]}`);
      console.error(e.stack || e.message);
      const failShot = path.join(RESULTS, `${path.basename(file, '.ui.mjs')}-failure.png`);
      try { await page.screenshot({ path: failShot }); sw.log(`  failure screenshot ${path.relative(REPO, failShot)}`); } catch { /* page gone */ }
    } finally {
      await context.close().catch(() => {});
    }
  }
  const failed = results.filter((r) => !r.ok).length;
  sw.log(`${failed ? 'FAIL' : 'PASS'} (${results.length - failed} passing, ${failed} failing)`);
  return failed === 0 && results.length > 0;
}

function publishScreenshot(file, name, sw) {
  const size = fs.statSync(file).size;
  if (size > SCREENSHOT_BUDGET) throw new Error(`${path.basename(file)} is ${(size / 1024).toFixed(0)} KB, over the ${SCREENSHOT_BUDGET / 1024} KB budget for docs/screenshots/`);
  fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  fs.copyFileSync(file, path.join(DOCS_SCREENSHOTS, name));
  sw.log(`  published docs/screenshots/${name}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  installSignalHandlers();
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--vsix');
  let rc = 1;
  try {
    let vsix = i >= 0 ? path.resolve(argv[i + 1]) : undefined;
    if (!vsix) vsix = await (await import('./package.mjs')).packageVsix();
    rc = (await runUiTests({ vsix, updateScreenshots: argv.includes('--update-screenshots') })) ? 0 : 1;
  } catch (e) {
    console.error(`UI tests failed: ${e.stack || e.message}`);
  } finally {
    await cleanup();
    process.exit(rc);
  }
}
