// The CLI starts through V8's code cache (server/src/loader/codeCache.ts): the first run writes
// the cache, later runs use it, a broken or foreign cache is only ignored, and the output never
// depends on it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/runCli';

const ARGS = ['examples/messaging-conflict.fcs.yaml', '-f', 'json'];

function run(dir: string, extra: NodeJS.ProcessEnv = {}) {
  const r = runCli(ARGS, { env: { FCS_LINT_CACHE_DIR: dir, FCS_LINT_CODE_CACHE_DEBUG: '1', ...extra } });
  const notes = r.stderr.split('\n').filter((l) => l.startsWith('fcs-lint: code cache: ')).map((l) => l.slice('fcs-lint: code cache: '.length));
  return { ...r, notes };
}

const caches = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.v8cache')) : []);

describe('CLI start through the code cache', function () {
  this.timeout(60_000);
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fcs-cc-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes the cache on the first run (private folder and file), uses it after, with the same output', () => {
    const dir = path.join(tmp, 'cache');
    const first = run(dir);
    assert.deepEqual(first.notes, ['none', 'written']);
    const [file] = caches(dir);
    assert.ok(file?.startsWith('cli-'), String(caches(dir)));
    if (process.platform !== 'win32') {
      assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
      assert.equal(fs.statSync(path.join(dir, file!)).mode & 0o777, 0o600);
    }
    const second = run(dir);
    assert.deepEqual(second.notes, ['used']);
    const off = run(path.join(tmp, 'unused'), { FCS_LINT_CODE_CACHE: '0' });
    assert.deepEqual(off.notes, ['off']);
    assert.equal(fs.existsSync(path.join(tmp, 'unused')), false, 'FCS_LINT_CODE_CACHE=0 writes nothing');
    assert.equal(first.code, 1);
    assert.equal(second.stdout, first.stdout);
    assert.equal(off.stdout, first.stdout);
    assert.equal(second.code, off.code);
  });

  it('ignores a broken cache and replaces it; removes caches of other bundle versions', () => {
    const dir = path.join(tmp, 'cache');
    const good = run(dir);
    const [file] = caches(dir);
    fs.writeFileSync(path.join(dir, file!), 'not V8 data');
    fs.writeFileSync(path.join(dir, 'cli-00000000000000000000.v8cache'), 'an old version');
    const again = run(dir);
    assert.deepEqual(again.notes, ['rejected', 'written']);
    assert.equal(again.stdout, good.stdout);
    assert.deepEqual(caches(dir), [file]);
    assert.ok(fs.statSync(path.join(dir, file!)).size > 1000);
  });

  it('neither reads nor writes a cache in a folder other users can write', function () {
    if (process.platform === 'win32') this.skip();
    const dir = path.join(tmp, 'shared');
    run(dir);
    const [file] = caches(dir);
    fs.chmodSync(dir, 0o777);
    const r = run(dir);
    assert.equal(r.notes[0], 'none', 'the cache there is not read');
    assert.match(r.notes[1] ?? '', /^not written \(.*writable by other users\)/);
    fs.chmodSync(dir, 0o700);
    fs.chmodSync(path.join(dir, file!), 0o666);
    assert.equal(run(dir).notes[0], 'none', 'a cache file others can write is not read');
  });

  it('runs normally when the cache cannot be written', () => {
    const blocked = path.join(tmp, 'a-file');
    fs.writeFileSync(blocked, '');
    const r = run(path.join(blocked, 'cache'));
    assert.equal(r.notes[0], 'none');
    assert.match(r.notes[1] ?? '', /^not written/);
    assert.equal(r.code, 1);
    assert.ok(JSON.parse(r.stdout).length > 0);
  });
});
