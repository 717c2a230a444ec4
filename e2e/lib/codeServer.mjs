// Start code-server 4.100.3 (VS Code 1.100.3) for a test: loopback only, no auth, fresh
// user-data/extensions dirs, no gallery, telemetry or update checks, all state under `dir`.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { CODE_SERVER, TMP } from './paths.mjs';
import { spawnGroup, sleep } from './procs.mjs';

export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
};

/** Environment for code-server and the browser: configs, caches and sockets stay under `dir`. */
export function isolatedEnv(dir, extra = {}) {
  return {
    ...process.env,
    EXTENSIONS_GALLERY: '{}', // no marketplace (otherwise the server looks up open-vsx.org)
    XDG_CONFIG_HOME: path.join(dir, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(dir, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(dir, 'xdg', 'cache'),
    TMPDIR: TMP,
    ...extra,
  };
}

/** A free loopback port (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

/** Prepare a fresh profile: user data dir with settings, empty extensions dir. */
export function prepareProfile(dir, { userDataDir, extensionsDir, settings = {} } = {}) {
  const udd = userDataDir ?? path.join(dir, 'user-data');
  const ext = extensionsDir ?? path.join(dir, 'extensions');
  fs.mkdirSync(path.join(udd, 'User'), { recursive: true });
  fs.mkdirSync(ext, { recursive: true });
  fs.mkdirSync(TMP, { recursive: true });
  fs.writeFileSync(path.join(udd, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  return { userDataDir: udd, extensionsDir: ext };
}

const commonArgs = (p) => ['--user-data-dir', p.userDataDir, '--extensions-dir', p.extensionsDir];

/** Install a VSIX offline with code-server's CLI. */
export function installVsixArgs(profile, vsix) {
  return [...commonArgs(profile), '--install-extension', vsix, '--force'];
}

/**
 * Spawn code-server in its own process group and wait until /healthz answers.
 * Returns { url, host, port, pid, log, child }.
 */
export async function startCodeServer(dir, profile, { env, timeoutMs = 30000 } = {}) {
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const log = path.join(dir, 'code-server.log');
  const fd = fs.openSync(log, 'w');
  const child = spawnGroup(CODE_SERVER, [
    '--bind-addr', host, '--auth', 'none', ...commonArgs(profile),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
  ], { env: env ?? isolatedEnv(dir), stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  let exited = null;
  child.on('exit', (code) => { exited = code; });
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null) throw new Error(`code-server exited with ${exited} before it listened; see ${log}`);
    try { if ((await fetch(`http://${host}/healthz`)).ok) break; } catch { /* not yet */ }
    if (Date.now() > end) throw new Error(`code-server did not answer on ${host} within ${timeoutMs} ms; see ${log}`);
    await sleep(100);
  }
  return { url: `http://${host}`, host, port, pid: child.pid, log, child };
}

/** The workbench URL for a folder or a .code-workspace file. */
export function workbenchUrl(server, workspace, payload) {
  const key = workspace.endsWith('.code-workspace') ? 'workspace' : 'folder';
  let url = `${server.url}/?${key}=${encodeURIComponent(workspace)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}
