// `fcs-lint assess` as a process: the three formats, -o (atomic), redaction, usage errors.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/runCli';

const FIXTURE = 'test/fixtures/assess/assessed.fcs.yaml';

describe('fcs-lint assess', () => {
  let tmp: string;
  before(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fcs-assess-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints Markdown by default, with the matrix and the summary', () => {
    const r = runCli(['assess', FIXTURE]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^# FCS assessment: Voice note forwarding/);
    assert.match(r.stdout, /## 3\. Users × harms × risks × stakeholders/);
    assert.match(r.stdout, /\| \*\*Ethnic minorities\*\* \| #1 critical 15 \|/);
    assert.match(r.stdout, /1\. \*\*Ethnic minorities × Physical violence\*\* — critical 15/);
    assert.match(r.stdout, /Engagement details are redacted/);
    assert.ok(!r.stdout.includes('eng-tigray'), 'engagement id redacted');
  });

  it('prints JSON for tools', () => {
    const r = runCli(['assess', FIXTURE, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const a = JSON.parse(r.stdout);
    assert.equal(a.format, 'fcs-lint.assessment');
    assert.equal(a.matrix.cells[0].key, 'ug.minority_ethnic|h.physical_violence');
    assert.equal(a.engagement.redacted, true);
    assert.ok(!r.stdout.includes("Example Women's Union"));
  });

  it('includes engagement details only with --include-engagements', () => {
    const r = runCli(['assess', FIXTURE, '-f', 'json', '--include-engagements']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).engagement.records[0].details.organisationName, "Example Women's Union");
  });

  it('writes a self-contained HTML file atomically with -o (format from the extension)', () => {
    const out = path.join(tmp, 'report.html');
    const r = runCli(['assess', FIXTURE, '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<table class="matrix">/);
    assert.doesNotMatch(html, /<script|<link /);
    assert.deepEqual(fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp')), [], 'no temporary files left');
  });

  it('writes Markdown to a file with -f markdown -o', () => {
    const out = path.join(tmp, 'report.txt');
    const r = runCli(['assess', FIXTURE, '-f', 'markdown', '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(fs.readFileSync(out, 'utf8'), /^# FCS assessment/);
  });

  it('exits 2 on usage errors and unreadable specs', () => {
    assert.equal(runCli(['assess']).code, 2);
    assert.equal(runCli(['assess', FIXTURE, '-f', 'pdf']).code, 2);
    const missing = runCli(['assess', 'no/such.fcs.yaml']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read no\/such\.fcs\.yaml/);
    assert.equal(runCli(['assess', FIXTURE, '-o', path.join(tmp, 'missing-dir', 'x.md')]).code, 2);
  });

  it('documents itself in --help', () => {
    const r = runCli(['assess', '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /--include-engagements/);
  });
});
