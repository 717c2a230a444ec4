// Installs what the packaging and the real-editor tests need, idempotently:
//   Debian: chromium (UI test), ripgrep (seeds code-server's rg download), libkrb5-dev (kerberos build)
//   e2e/node_modules: code-server 4.100.3, @vscode/vsce, playwright-core, @vscode/test-electron
// A second run with nothing missing takes well under a second.
// Usage: node e2e/install.mjs [--npm-only]   (--npm-only: no browser, for `npm run package`)
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { E2E, RUN, TMP, CODE_SERVER } from './lib/paths.mjs';
import { run, stopwatch, installSignalHandlers } from './lib/procs.mjs';

const APT_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev'];
// code-server 4.100.3 ships @vscode/ripgrep 1.15.11, whose postinstall downloads rg 13.0.0 from GitHub
// (unreachable here) unless this file is already in its cache; Debian's ripgrep is the same 13.0.0.
const RG_CACHE = path.join(TMP, 'vscode-ripgrep-cache-1.15.11', 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
const STAMP = path.join(E2E, 'node_modules', '.fcs-e2e-installed');

function missingDebianPackages(wanted) {
  return wanted.filter((p) => {
    try {
      return !execFileSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        .includes('install ok installed');
    } catch { return true; }
  });
}

async function ensureDebian(sw, wanted) {
  const missing = missingDebianPackages(wanted);
  if (missing.length === 0) return sw.log(`Debian packages present: ${wanted.join(', ')}`);
  sw.log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = ['install', '-y', '-q', '--no-install-recommends', ...missing];
  let rc = await run('apt-get', install, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (rc !== 0) {
    sw.log('apt-get install failed; running apt-get update and retrying');
    await run('apt-get', ['update', '-q'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    rc = await run('apt-get', install, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (rc !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed (rc ${rc})`);
  sw.log('Debian packages installed');
}

function wantedStamp() {
  const lock = fs.readFileSync(path.join(E2E, 'package-lock.json'));
  return `${crypto.createHash('sha256').update(lock).digest('hex')} node${process.versions.node.split('.')[0]}\n`;
}

function npmInstalled() {
  try {
    return fs.readFileSync(STAMP, 'utf8') === wantedStamp()
      && fs.existsSync(CODE_SERVER)
      && fs.existsSync(path.join(E2E, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules'));
  } catch { return false; }
}

function seedRipgrepCache() {
  if (fs.existsSync(RG_CACHE)) return;
  fs.mkdirSync(path.dirname(RG_CACHE), { recursive: true });
  execFileSync('tar', ['czf', RG_CACHE, '-C', path.dirname(fs.realpathSync('/usr/bin/rg')), 'rg']);
}

async function ensureNpm(sw) {
  if (npmInstalled()) return sw.log('e2e/node_modules up to date');
  fs.mkdirSync(TMP, { recursive: true });
  seedRipgrepCache();
  const log = path.join(RUN, 'npm-install.log');
  sw.log(`npm ci in e2e/ (code-server builds native modules; log: ${path.relative(process.cwd(), log)})`);
  const out = fs.openSync(log, 'w');
  const env = {
    ...process.env,
    TMPDIR: TMP,                  // where @vscode/ripgrep looks for its seeded download
    npm_config_yes: 'true',       // node-pty's postinstall runs `npx node-gyp` without a TTY
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root without it
    npm_config_update_notifier: 'false',
    JOBS: 'max',                  // node-gyp: compile each native module on every core
  };
  // No --foreground-scripts: it serialises every build script, also in code-server's nested installs.
  const rc = await run('npm', ['ci', '--no-audit', '--no-fund', '--unsafe-perm'],
    { cwd: E2E, env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  if (rc !== 0 || !fs.existsSync(CODE_SERVER)) {
    const tail = fs.readFileSync(log, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`npm ci in e2e/ failed (rc ${rc}); last lines of ${log}:\n${tail}`);
  }
  fs.writeFileSync(STAMP, wantedStamp());
  const xdg = { XDG_CONFIG_HOME: path.join(RUN, 'xdg', 'config'), XDG_DATA_HOME: path.join(RUN, 'xdg', 'data') };
  const version = execFileSync(CODE_SERVER, ['--version'], { encoding: 'utf8', env: { ...process.env, ...xdg } }).trim().split('\n').pop();
  sw.log(`e2e/node_modules installed (code-server ${version})`);
}

export async function install({ npmOnly = false } = {}) {
  const sw = stopwatch('install');
  // Packaging only needs no browser, and rg + krb5 only when code-server is still to be built.
  if (!npmOnly) await ensureDebian(sw, APT_PACKAGES);
  else if (!npmInstalled()) await ensureDebian(sw, APT_PACKAGES.filter((p) => p !== 'chromium'));
  await ensureNpm(sw);
  sw.log('done');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  installSignalHandlers();
  install({ npmOnly: process.argv.includes('--npm-only') }).catch((e) => { console.error(e.message); process.exit(1); });
}
