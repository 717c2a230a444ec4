// `npm run package`: build the esbuild bundles and pack them into a VSIX with @vscode/vsce.
//
// package.json carries a "files" list for the npm package (the CLI), and vsce refuses to combine
// "files" with a .vscodeignore. So vsce runs in a staging copy of the repository whose manifest
// has no "files"; .vscodeignore alone decides what goes into the VSIX.
// Prints the VSIX path, file list and size; fails over the 1.5 MB budget.
// Usage: node e2e/package.mjs [--out FILE] [--skip-build]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, RUN, VSCE } from './lib/paths.mjs';
import { run, stopwatch, installSignalHandlers } from './lib/procs.mjs';
import { install } from './install.mjs';

export const BUDGET_BYTES = 1.5 * 1024 * 1024;
const STAGE = path.join(RUN, 'vsix-stage');
// Never copied into the stage (heavy, generated or private); .vscodeignore handles the rest.
const NOT_STAGED = new Set(['.git', 'node_modules', 'e2e', 'test-results', '.fcs-lint-cache', 'bench', 'corpus']);

function readManifest() {
  return JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
}

export function vsixPath(manifest = readManifest()) {
  return path.join(REPO, `${manifest.name}-${manifest.version}.vsix`);
}

/** engines.vscode and @types/vscode must agree, or the extension may call APIs its minimum VS Code lacks. */
function checkVscodeTypes(manifest) {
  const engine = (manifest.engines?.vscode ?? '').replace(/^[\^~>=]+/, '');
  const declared = manifest.devDependencies?.['@types/vscode'] ?? '';
  const installed = JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules', '@types', 'vscode', 'package.json'), 'utf8')).version;
  if (installed !== engine) {
    throw new Error(`@types/vscode ${installed} is installed but engines.vscode is ${manifest.engines?.vscode}: pin @types/vscode to ${engine}`);
  }
  if (declared !== engine) {
    console.warn(`warning: package.json declares @types/vscode "${declared}"; pin it exactly to "${engine}" so an update cannot drift past engines.vscode`);
  }
}

function stage(manifest) {
  fs.rmSync(STAGE, { recursive: true, force: true });
  fs.mkdirSync(STAGE, { recursive: true });
  for (const entry of fs.readdirSync(REPO)) {
    if (NOT_STAGED.has(entry) || entry.endsWith('.vsix')) continue;
    fs.cpSync(path.join(REPO, entry), path.join(STAGE, entry), { recursive: true });
  }
  const { files: _npmFiles, ...vsixManifest } = manifest;
  fs.writeFileSync(path.join(STAGE, 'package.json'), JSON.stringify(vsixManifest, null, 2) + '\n');
}

/** Local files the manifest points to: main, icon, and paths/urls anywhere under contributes. */
function manifestFiles(manifest) {
  const found = new Set();
  const add = (v) => {
    if (typeof v !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(v) || v.includes('*') || v.startsWith('$(')) return; // URLs, globs, codicons
    found.add(path.posix.normalize(v.replace(/^\.\//, '')));
  };
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (['path', 'url', 'configuration', 'icon', 'light', 'dark'].includes(k)) add(v);
      walk(v);
    }
  };
  add(manifest.main);
  if (manifest.browser) add(manifest.browser);
  add(manifest.icon);
  walk(manifest.contributes);
  return [...found].filter((f) => f && !f.startsWith('..'));
}

function listVsix(file) {
  return execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');
}

export async function packageVsix({ out, skipBuild = false } = {}) {
  const sw = stopwatch('package');
  await install({ npmOnly: true });
  const manifest = readManifest();
  checkVscodeTypes(manifest);
  if (!skipBuild) {
    const rc = await run('npm', ['run', '--silent', 'build'], { cwd: REPO });
    if (rc !== 0) throw new Error(`npm run build failed (rc ${rc})`);
    sw.log('bundles built');
  }
  for (const f of ['dist/extension.js', 'dist/assess.js', 'dist/server.js', 'dist/serverMain.js']) {
    if (!fs.existsSync(path.join(REPO, f))) throw new Error(`${f} missing after the build`);
  }
  stage(manifest);
  const target = path.resolve(out ?? vsixPath(manifest));
  fs.rmSync(target, { force: true });
  const rc = await run(VSCE, ['package', '--no-dependencies', '--skip-license', '--no-rewrite-relative-links', '--out', target],
    { cwd: STAGE, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'inherit', 'inherit'] });
  if (rc !== 0) throw new Error(`vsce package failed (rc ${rc})`);
  const size = fs.statSync(target).size;
  const files = listVsix(target);
  for (const forbidden of [/\.map$/, /\.ts$/, /^extension\/node_modules\//, /^extension\/(client|server|test|e2e|bench)\//]) {
    const bad = files.filter((f) => forbidden.test(f));
    if (bad.length) throw new Error(`VSIX contains files that .vscodeignore should keep out: ${bad.join(', ')}`);
  }
  const missing = manifestFiles(manifest).filter((f) => !files.includes(`extension/${f}`));
  if (missing.length) throw new Error(`package.json names files the VSIX lacks (list them in .vscodeignore with "!"): ${missing.join(', ')}`);
  const kb = (size / 1024).toFixed(1);
  sw.log(`${path.relative(process.cwd(), target)}: ${files.length} files, ${kb} KB (budget ${BUDGET_BYTES / 1024} KB)`);
  if (size > BUDGET_BYTES) throw new Error(`VSIX is ${kb} KB, over the ${BUDGET_BYTES / 1024} KB budget`);
  return target;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  installSignalHandlers();
  const i = process.argv.indexOf('--out');
  packageVsix({ out: i > 0 ? process.argv[i + 1] : undefined, skipBuild: process.argv.includes('--skip-build') })
    .catch((e) => { console.error(`package failed: ${e.message}`); process.exitCode = 1; });
}
