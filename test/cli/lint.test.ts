// The built CLI as a process: output formats, exit codes, errors.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/runCli';

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'fcs-lint-cli-'));
}

// At the ideation stage no checklist rule applies yet (rules start at design or later).
const CLEAN = `spec_version: 1
feature:
  id: clean
  name: Clean
  lifecycle_stage: ideation
markets:
  - country: FRA
    languages: [fr]
`;

describe('fcs-lint CLI', () => {
  it('lints a folder, prints path:line:col severity message RULE-ID, and exits 1 on findings', () => {
    const r = runCli(['test/fixtures/cli/']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^test\/fixtures\/cli\/conflict\.fcs\.yaml:9:14 {2}blocker {2}Sudan is listed as conflict.* {2}CTX-01$/m);
    assert.match(r.stdout, /\d+ findings \(.*blocker.*\) in \d+ files?, using World Bank FCS FY26\./);
  });

  it('prints JSON with 1-based positions and severity words', () => {
    const r = runCli(['test/fixtures/cli/conflict.fcs.yaml', '--format', 'json']);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as { filePath: string; findings: { ruleId: string; severity: string; line: number; column: number; endLine: number; endColumn: number; prompts: string[] }[] }[];
    assert.equal(out.length, 1);
    assert.equal(out[0]!.filePath, 'test/fixtures/cli/conflict.fcs.yaml');
    const f = out[0]!.findings.find((x) => x.ruleId === 'CTX-01')!;
    assert.deepEqual({ line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, severity: f.severity }, { line: 9, column: 14, endLine: 9, endColumn: 17, severity: 'blocker' });
    assert.ok(f.prompts.length >= 2);
  });

  it('exits 0 and says what was evaluated (never "safe") when there are no findings', () => {
    const d = tmpDir();
    fs.writeFileSync(path.join(d, 'clean.fcs.yaml'), CLEAN);
    const r = runCli(['clean.fcs.yaml'], { cwd: d });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /No findings in 1 file for the rules and data evaluated \(World Bank FCS FY26\)/);
    assert.doesNotMatch(r.stdout, /\bis safe\b/);
  });

  it('reports a malformed file as a SPEC-PARSE finding at the error position (exit 1)', () => {
    const d = tmpDir();
    fs.writeFileSync(path.join(d, 'bad.fcs.yaml'), 'spec_version: 1\nfeature:\n  id: x\n  name: "unterminated\n');
    const r = runCli(['bad.fcs.yaml', '-f', 'json'], { cwd: d });
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { findings: { ruleId: string; line: number }[] }[];
    assert.ok(out[0]!.findings.length > 0);
    assert.ok(out[0]!.findings.every((f) => f.ruleId === 'SPEC-PARSE'));
    assert.ok(out[0]!.findings[0]!.line >= 4);
  });

  it('exits 2 with a clear message for a missing path', () => {
    const r = runCli(['does/not/exist.fcs.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /No such file or directory: does\/not\/exist\.fcs\.yaml/);
    assert.equal(r.stdout, '');
  });

  it('exits 2 for unknown options and bad values, saying what was expected', () => {
    const a = runCli(['--frobnicate', 'examples/']);
    assert.equal(a.code, 2);
    assert.match(a.stderr, /Unknown option '--frobnicate'/);
    const b = runCli(['--format', 'xml', 'examples/']);
    assert.equal(b.code, 2);
    assert.match(b.stderr, /Expected one of: stylish, json/);
    const c = runCli(['--fail-on', 'severe', 'examples/']);
    assert.equal(c.code, 2);
    assert.match(c.stderr, /Expected one of: blocker, high, medium, low, info/);
  });

  it('--fail-on raises the bar: only blockers fail with --fail-on blocker', () => {
    const d = tmpDir();
    fs.writeFileSync(path.join(d, 'kenya.fcs.yaml'), CLEAN.replace('ideation', 'design').replace('FRA', 'KEN').replace('[fr]', '[sw]'));
    const high = runCli(['kenya.fcs.yaml'], { cwd: d });
    assert.equal(high.code, 1, high.stdout);
    const blocker = runCli(['kenya.fcs.yaml', '--fail-on', 'blocker'], { cwd: d });
    assert.equal(blocker.code, 0, blocker.stdout);
  });

  it('accepts globs and does not modify the files it reads', () => {
    const before = fs.readFileSync('test/fixtures/cli/conflict.fcs.yaml');
    const r = runCli(['test/fixtures/cli/c*.fcs.yaml', '-f', 'json']);
    assert.equal(r.code, 1);
    assert.deepEqual((JSON.parse(r.stdout) as { filePath: string }[]).map((x) => x.filePath), ['test/fixtures/cli/clean.fcs.yaml', 'test/fixtures/cli/conflict.fcs.yaml']);
    assert.deepEqual(fs.readFileSync('test/fixtures/cli/conflict.fcs.yaml'), before);
  });

  it('prints help with exit codes and examples', () => {
    const r = runCli(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Exit codes:/);
    assert.match(r.stdout, /Examples:/);
  });
});
