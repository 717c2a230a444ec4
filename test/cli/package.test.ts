// The npm package works on a clean machine: pack it, install the tarball into an empty
// folder without the network, and run `npx fcs-lint` there on a fixture.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../helpers/runCli';
import { fixture } from './fixtures';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

describe('fcs-lint npm package', function () {
  this.timeout(180_000);
  let work: string;
  let app: string;

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'fcs-lint-pack-'));
    // The test run has built dist/ already; --ignore-scripts keeps `prepare` from rebuilding.
    const out = execFileSync(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
    const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    const tarball = path.join(work, info!.filename);
    const packed = info!.files.map((f) => f.path);
    for (const needed of ['bin/fcs-lint.js', 'dist/cli.js', 'dist/cliMain.js', 'schemas/fcs-spec.schema.json', 'docs/rules/CTX-01.md', 'package.json']) {
      assert.ok(packed.includes(needed), `the package holds ${needed}`);
    }
    assert.ok(!packed.some((p) => p.startsWith('server/') || p.startsWith('test/') || p.startsWith('node_modules/')), 'no sources or tests in the package');
    app = path.join(work, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'clean-machine', version: '1.0.0', private: true }));
    // No runtime dependencies: everything is bundled, so an offline install must work.
    execFileSync(NPM, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: app, encoding: 'utf8', stdio: 'pipe' });
    fs.mkdirSync(path.join(app, 'specs'));
    fs.writeFileSync(path.join(app, 'specs', 'conflict.fcs.yaml'), fixture('conflict.fcs.yaml'));
    fs.writeFileSync(path.join(app, 'specs', 'clean.fcs.yaml'), fixture('clean.fcs.yaml'));
  });

  after(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('installs with no dependencies of its own', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(app, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    assert.deepEqual(Object.keys(lock.packages).sort(), ['', 'node_modules/fcs-lint']);
  });

  it('npx fcs-lint lints a fixture, exits 1 on findings and writes SARIF', () => {
    const r = spawnSync(NPX, ['--offline', 'fcs-lint', 'specs/', '-f', 'stylish', '-f', 'sarif', '-o', 'fcs.sarif'], { cwd: app, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^specs\/conflict\.fcs\.yaml:9:14 {2}blocker {2}Sudan is listed as conflict/m);
    const sarif = JSON.parse(fs.readFileSync(path.join(app, 'fcs.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    assert.ok(sarif.runs[0]!.results.some((x) => x.ruleId === 'CTX-01'));
  });

  it('npx fcs-lint exits 0 on a clean spec and answers --version', () => {
    const clean = spawnSync(NPX, ['--offline', 'fcs-lint', 'specs/clean.fcs.yaml'], { cwd: app, encoding: 'utf8' });
    assert.equal(clean.status, 0, clean.stderr);
    const version = spawnSync(NPX, ['--offline', 'fcs-lint', '--version'], { cwd: app, encoding: 'utf8' });
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(version.stdout.trim(), pkg.version);
  });
});
