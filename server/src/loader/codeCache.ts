// Start a bundle (dist/cli.js, dist/server.js) through V8's code cache. Compiling the 1.5 MB
// bundle, and then every function the first lint runs, is most of a small run's time; V8 can
// save that work as cached data and skip it the next time. The cache is a file per bundle
// content, Node version and flags, in the user's cache folder (private: 0700), written
// atomically once per bundle version; V8 checks it and falls back to compiling when it does not
// fit. Nothing else changes: the bundle runs as if required. Opt out with FCS_LINT_CODE_CACHE=0.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

export interface CodeCacheOptions {
  /** Write the cache this long after start (a server never exits on its own), else at exit. */
  writeAfterMs?: number;
}

/** Where caches go: FCS_LINT_CACHE_DIR, else the platform's per-user cache folder. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env['FCS_LINT_CODE_CACHE'] === '0') return undefined;
  if (env['FCS_LINT_CACHE_DIR']) return env['FCS_LINT_CACHE_DIR'];
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env['LOCALAPPDATA'] ?? path.join(home, 'AppData', 'Local'), 'fcs-lint', 'Cache');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'fcs-lint');
  return path.join(env['XDG_CACHE_HOME'] || path.join(home, '.cache'), 'fcs-lint');
}

/** Run `file` (a CommonJS bundle) as a module, with V8's code cache when one can be kept. */
export function runWithCodeCache(file: string, options: CodeCacheOptions = {}): void {
  const debug = process.env['FCS_LINT_CODE_CACHE_DEBUG'] === '1' ? (s: string) => process.stderr.write(`fcs-lint: code cache: ${s}\n`) : () => undefined;
  const dir = cacheDir();
  const source = fs.readFileSync(file, 'utf8');
  const name = path.basename(file, '.js');
  const cacheFile = dir ? path.join(dir, `${name}-${cacheKey(source)}.v8cache`) : undefined;
  let cachedData: Buffer | undefined;
  try {
    // V8 runs what the cache holds: read it only from a folder and file no one else can write.
    if (cacheFile && privateToUser(path.dirname(cacheFile)) && privateToUser(cacheFile)) cachedData = fs.readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const used = cachedData !== undefined && script.cachedDataRejected === false;
  debug(!cacheFile ? 'off' : cachedData === undefined ? 'none' : used ? 'used' : 'rejected');
  if (cacheFile && !used) scheduleWrite(script, cacheFile, name, options.writeAfterMs, debug);
  const mod = new Module(file, require.main ?? undefined);
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  const req = Module.createRequire(file);
  // The bundle is the program: `require.main === module` holds in it, as when node runs it.
  req.main = mod;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(mod.exports, mod.exports, req, mod, file, path.dirname(file));
}

/** The bundle's content, the Node version and flags (V8 itself checks little more than the length). */
function cacheKey(source: string): string {
  return crypto.createHash('sha256').update(source).update(`\0${process.version}\0${process.arch}\0${process.execArgv.join(' ')}`).digest('hex').slice(0, 20);
}

/** Owned by this user and writable by no one else (POSIX; elsewhere the folder's ACLs decide). */
function privateToUser(p: string): boolean {
  const st = fs.statSync(p);
  if (typeof process.getuid !== 'function') return true;
  return st.uid === process.getuid() && (st.mode & 0o022) === 0;
}

/** Write the cache once: after `afterMs` (unref'd), or at exit. Never fails the run. */
function scheduleWrite(script: vm.Script, cacheFile: string, name: string, afterMs: number | undefined, debug: (s: string) => void): void {
  let done = false;
  const write = () => {
    if (done) return;
    done = true;
    try {
      writeCache(script.createCachedData(), cacheFile, name);
      debug('written');
    } catch (e) {
      debug(`not written (${(e as Error).message})`);
    }
  };
  if (afterMs !== undefined) setTimeout(write, afterMs).unref();
  process.once('exit', write);
}

function writeCache(data: Buffer, cacheFile: string, name: string): void {
  const dir = path.dirname(cacheFile);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!privateToUser(dir)) throw new Error(`${dir} is writable by other users`);
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data, { mode: 0o600 });
  fs.renameSync(tmp, cacheFile);
  // Caches of earlier versions of this bundle are of no more use.
  for (const f of fs.readdirSync(dir)) {
    if (f.startsWith(`${name}-`) && f.endsWith('.v8cache') && path.join(dir, f) !== cacheFile) fs.rmSync(path.join(dir, f), { force: true });
  }
}
