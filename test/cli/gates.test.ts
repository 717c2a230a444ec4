// Gates and selection, from the built CLI as a process: --stage, --fail-on, --max-warnings,
// exit codes, ignore files, --stdin, --changed-since, progress, help and usage errors.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, runCli } from '../helpers/runCli';
import { fixture, project } from './fixtures';

interface JsonReport {
  filePath: string;
  findings: { ruleId: string; severity: string }[];
}

/** stderr without notices the run may add (e.g. that the embedded FCS list is due for an update). */
function stderrOf(r: { stderr: string }): string {
  return r.stderr
    .split('\n')
    .filter((l) => !l.startsWith('fcs-lint: notice:'))
    .join('\n');
}

function json(stdout: string): JsonReport[] {
  return JSON.parse(stdout) as JsonReport[];
}

describe('fcs-lint gates', () => {
  it('--stage evaluates as if the feature were moving into that stage', () => {
    const dir = project({ 'early.fcs.yaml': '@early.fcs.yaml' });
    const own = runCli(['early.fcs.yaml', '-f', 'json'], { cwd: dir });
    assert.equal(own.code, 0, own.stderr);
    assert.deepEqual(json(own.stdout)[0]!.findings, []);
    const design = runCli(['early.fcs.yaml', '-f', 'json', '--stage', 'design'], { cwd: dir });
    const deploy = runCli(['early.fcs.yaml', '-f', 'json', '--stage', 'deployment'], { cwd: dir });
    assert.equal(design.code, 1);
    assert.equal(deploy.code, 1);
    const d = json(design.stdout)[0]!.findings.map((f) => f.ruleId);
    const p = json(deploy.stdout)[0]!.findings.map((f) => f.ruleId);
    assert.ok(d.includes('CTX-01'));
    assert.ok(p.length > d.length, `a later gate asks more: ${p.length} > ${d.length}`);
    for (const id of d) assert.ok(p.includes(id), `${id} still applies at deployment`);
    const stylish = runCli(['early.fcs.yaml', '--stage', 'deployment'], { cwd: dir });
    assert.match(stylish.stdout, /using World Bank FCS FY\d+, as if at stage deployment\.$/m);
  });

  it('--fail-on sets the lowest failing severity', () => {
    const dir = project({ 'two.fcs.yaml': '@two-docs.fcs.yaml', 'conflict.fcs.yaml': '@conflict.fcs.yaml' });
    assert.equal(runCli(['two.fcs.yaml'], { cwd: dir }).code, 0, 'a medium finding does not fail at the default (high)');
    assert.equal(runCli(['two.fcs.yaml', '--fail-on', 'medium'], { cwd: dir }).code, 1);
    assert.equal(runCli(['conflict.fcs.yaml', '--fail-on', 'blocker'], { cwd: dir }).code, 1);
    const early = project({ 'e.fcs.yaml': '@early.fcs.yaml' });
    assert.equal(runCli(['e.fcs.yaml', '--stage', 'design', '--fail-on', 'blocker'], { cwd: early }).code, 1);
  });

  it('--max-warnings N fails when there are more than N medium findings', () => {
    const dir = project({ 'a.fcs.yaml': '@two-docs.fcs.yaml', 'b.fcs.yaml': '@two-docs.fcs.yaml' });
    assert.equal(runCli(['.', '--max-warnings', '2'], { cwd: dir }).code, 0);
    const r = runCli(['.', '--max-warnings', '1'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /2 warnings \(medium findings\), more than --max-warnings 1/);
    assert.equal(runCli(['.', '--max-warnings', '0'], { cwd: dir }).code, 1);
    const bad = runCli(['.', '--max-warnings', 'many'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-warnings expects a whole number ≥ 0, got 'many'/);
  });
});

describe('fcs-lint file selection', () => {
  it('honours .fcs-lintignore and .gitignore (gitignore syntax) for folders, globs and named files', () => {
    const dir = project({
      '.fcs-lintignore': '# drafts are not gated\ndrafts/\n!drafts/keep.fcs.yaml\n',
      '.gitignore': 'generated.fcs.yaml\n',
      'specs/conflict.fcs.yaml': '@conflict.fcs.yaml',
      'drafts/wip.fcs.yaml': '@conflict.fcs.yaml',
      'generated.fcs.yaml': '@conflict.fcs.yaml',
      'node_modules/pkg/x.fcs.yaml': '@conflict.fcs.yaml',
    });
    const files = (args: string[]) => json(runCli([...args, '-f', 'json'], { cwd: dir }).stdout).map((r) => r.filePath);
    assert.deepEqual(files(['.']), ['specs/conflict.fcs.yaml']);
    assert.deepEqual(files(['**/*.fcs.yaml']), ['specs/conflict.fcs.yaml']);
    assert.deepEqual(files(['drafts/wip.fcs.yaml', 'specs/conflict.fcs.yaml']), ['specs/conflict.fcs.yaml']);
    const named = runCli(['drafts/wip.fcs.yaml', '-f', 'json'], { cwd: dir });
    assert.match(named.stderr, /warning: drafts\/wip\.fcs\.yaml is ignored by \.fcs-lintignore or \.gitignore and was not checked \(use --no-ignore/);
    assert.deepEqual(files(['.', '--no-ignore']), ['drafts/wip.fcs.yaml', 'generated.fcs.yaml', 'specs/conflict.fcs.yaml']);
  });

  it('--stdin lints standard input under --stdin-filename', () => {
    const dir = project({});
    const r = runCli(['--stdin', '--stdin-filename', 'specs/new.fcs.yaml', '-f', 'json'], { cwd: dir, input: fixture('conflict.fcs.yaml') });
    assert.equal(r.code, 1, r.stderr);
    const out = json(r.stdout);
    assert.equal(out[0]!.filePath, 'specs/new.fcs.yaml');
    assert.ok(out[0]!.findings.some((f) => f.ruleId === 'CTX-01'));
    assert.equal(fs.existsSync(path.join(dir, 'specs')), false, 'nothing is written');
    const noName = runCli(['--stdin', '-f', 'github'], { cwd: dir, input: fixture('conflict.fcs.yaml') });
    assert.match(noName.stdout, /^::error file=stdin\.fcs\.yaml,line=9,col=14,/m);
    const clean = runCli(['--stdin'], { cwd: dir, input: fixture('clean.fcs.yaml') });
    assert.equal(clean.code, 0);
  });

  it('--stdin rejects file arguments and --stdin-filename needs --stdin', () => {
    const a = runCli(['--stdin', 'x.fcs.yaml'], { input: '' });
    assert.equal(a.code, 2);
    assert.match(a.stderr, /do not also give files/);
    const b = runCli(['--stdin-filename', 'x.fcs.yaml', 'examples/']);
    assert.equal(b.code, 2);
    assert.match(b.stderr, /--stdin-filename needs --stdin/);
  });

  it('--changed-since lints only files changed against a git ref (and untracked ones)', () => {
    const dir = project({ 'specs/old.fcs.yaml': '@conflict.fcs.yaml', 'specs/touched.fcs.yaml': '@clean.fcs.yaml', 'other/old2.fcs.yaml': '@conflict.fcs.yaml' });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'base');
    fs.appendFileSync(path.join(dir, 'specs', 'touched.fcs.yaml'), '# edited\n');
    fs.writeFileSync(path.join(dir, 'specs', 'new.fcs.yaml'), fixture('two-docs.fcs.yaml'));
    const files = (args: string[], cwd = dir) => {
      const r = runCli([...args, '-f', 'json'], { cwd });
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      return json(r.stdout).map((x) => x.filePath);
    };
    assert.deepEqual(files(['--changed-since', 'HEAD']), ['specs/new.fcs.yaml', 'specs/touched.fcs.yaml']);
    assert.deepEqual(files(['--changed-since', 'HEAD', 'other/']), []);
    // From a subfolder, paths stay relative to where fcs-lint runs.
    assert.deepEqual(files(['--changed-since', 'HEAD', '.'], path.join(dir, 'specs')), ['new.fcs.yaml', 'touched.fcs.yaml']);
    git('add', '.');
    git('commit', '-qm', 'second');
    assert.deepEqual(files(['--changed-since', 'HEAD~1']), ['specs/new.fcs.yaml', 'specs/touched.fcs.yaml']);
    assert.deepEqual(files(['--changed-since', 'HEAD']), []);
    const unknown = runCli(['--changed-since', 'no-such-branch'], { cwd: dir });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /git does not know the ref 'no-such-branch'/);
    const dash = runCli(['--changed-since=--output=x'], { cwd: dir });
    assert.equal(dash.code, 2);
    assert.match(dash.stderr, /expects a git ref/);
  });

  it('--changed-since outside a git repository is a clear exit-2 error', () => {
    const dir = project({ 'a.fcs.yaml': '@clean.fcs.yaml' });
    const r = runCli(['--changed-since', 'main', '.'], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: path.dirname(dir) } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--changed-since needs a git repository, but .* is not inside one/);
    assert.equal(r.stdout, '');
  });
});

describe('fcs-lint progress', () => {
  it('is silent when stderr is not a terminal', () => {
    const dir = project({ 'a.fcs.yaml': '@clean.fcs.yaml', 'b.fcs.yaml': '@clean.fcs.yaml', 'c.fcs.yaml': '@clean.fcs.yaml' });
    const r = runCli(['.'], { cwd: dir });
    assert.equal(stderrOf(r), '');
  });

  it('--progress prints files done / total; --no-progress silences it', () => {
    const dir = project({ 'a.fcs.yaml': '@clean.fcs.yaml', 'b.fcs.yaml': '@clean.fcs.yaml', 'c.fcs.yaml': '@clean.fcs.yaml' });
    const r = runCli(['.', '--progress'], { cwd: dir });
    assert.equal(r.code, 0);
    const lines = stderrOf(r).trimEnd().split('\n');
    assert.equal(lines[0], 'fcs-lint: 1/3 files');
    assert.equal(lines[lines.length - 1], 'fcs-lint: 3/3 files');
    assert.doesNotMatch(r.stdout, /\/3 files/, 'progress never goes to stdout');
    assert.equal(stderrOf(runCli(['.', '--no-progress'], { cwd: dir })), '');
  });

  it('draws in place on a real terminal and clears itself', function () {
    if (spawnSync('script', ['--version']).status !== 0) this.skip();
    const dir = project({ 'a.fcs.yaml': '@clean.fcs.yaml', 'b.fcs.yaml': '@clean.fcs.yaml' });
    // util-linux `script` gives the CLI a pseudo-terminal for stdout and stderr.
    const cmd = `'${process.execPath}' '${BIN}' . --no-color`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /\rfcs-lint: 2\/2 files\x1b\[K/);
    assert.match(r.stdout, /\r\x1b\[K/);
  });
});

describe('fcs-lint help, version and usage errors', () => {
  it('--help shows commands, options, formats, exit codes and examples; lint --help too', () => {
    const top = runCli(['--help']);
    assert.equal(top.code, 0);
    assert.match(top.stdout, /^Commands \(fcs-lint <command> --help for each\):\n {2}lint {2}/m);
    for (const s of ['--stage <stage>', '--max-warnings <n>', '--changed-since <ref>', '--stdin-filename <path>', '--docs-base-url <url>', 'Exit codes:', 'Examples:', 'sarif ', 'junit ', 'github ', 'markdown ']) {
      assert.ok(top.stdout.includes(s), `help mentions ${s}`);
    }
    assert.match(top.stdout, /^ {2}2 {2}usage error or tool error/m);
    const lint = runCli(['lint', '--help']);
    assert.equal(lint.code, 0);
    assert.match(lint.stdout, /^Usage: fcs-lint \[lint\]/);
    assert.match(lint.stdout, /Exit codes:/);
  });

  it('fcs-lint lint <paths> is the same as fcs-lint <paths>', () => {
    const dir = project({ 'conflict.fcs.yaml': '@conflict.fcs.yaml' });
    const a = runCli(['conflict.fcs.yaml', '-f', 'json'], { cwd: dir });
    const b = runCli(['lint', 'conflict.fcs.yaml', '-f', 'json'], { cwd: dir });
    assert.equal(b.code, a.code);
    assert.equal(b.stdout, a.stdout);
  });

  it('--version prints the package version', () => {
    const r = runCli(['--version']);
    assert.equal(r.code, 0);
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    assert.equal(r.stdout, `${pkg.version}\n`);
  });

  it('bad values are usage errors (exit 2) that say what was expected', () => {
    const cases: [string[], RegExp][] = [
      [['--stage', 'launch', 'examples/'], /Unknown value 'launch' for --stage\. Expected one of: ideation, design, development, pilot, deployment, operation, crisis, exit\./],
      [['-f', 'xml', 'examples/'], /Unknown value 'xml' for --format\. Expected one of: stylish, json, sarif, junit, github, markdown\./],
      [['--docs-base-url', 'docs/rules', 'examples/'], /--docs-base-url expects an absolute http\(s\) URL/],
      [['--fail-on'], /--fail-on <value>' argument missing|argument missing/],
      [['--frobnicate', 'examples/'], /Unknown option '--frobnicate'\. Run fcs-lint lint --help for the options\./],
      [[], /no files, folders or globs given/],
      [['lint', '--bogus'], /^fcs-lint lint: Unknown option '--bogus'/],
    ];
    for (const [args, re] of cases) {
      const r = runCli(args);
      assert.equal(r.code, 2, `${args.join(' ')} → ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, re, args.join(' '));
      assert.equal(r.stdout, '', `${args.join(' ')} prints nothing on stdout`);
    }
  });

  it('an unreadable file is a tool error (exit 2) but the other files are still reported', function () {
    // /proc/self/mem stats as a regular file but every read fails (EIO), even for root.
    if (!fs.existsSync('/proc/self/mem')) this.skip();
    const dir = project({ 'ok.fcs.yaml': '@clean.fcs.yaml' });
    const r = runCli(['ok.fcs.yaml', '/proc/self/mem', '-f', 'json'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read \/proc\/self\/mem: EIO/);
    assert.deepEqual(json(r.stdout).map((x) => x.filePath), ['ok.fcs.yaml']);
  });
});
