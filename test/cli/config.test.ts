// Configuration through the built CLI as a process: discovery, npm checklist packages,
// config errors (exit 2 with file:line:col), baselines and the rules/contexts commands.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, ROOT } from '../helpers/runCli';

const FIX = path.join(ROOT, 'test', 'fixtures', 'config');

describe('fcs-lint configuration (CLI)', () => {
  it('discovers .fcs-lint.yaml from the file, loads an npm checklist package and the organisation markets', () => {
    const r = runCli(['specs/pay.fcs.yaml', '-f', 'json'], { cwd: path.join(FIX, 'org') });
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { findings: { ruleId: string; message: string; line: number; column: number }[] }[];
    const acme = out[0]!.findings.find((f) => f.ruleId === 'ACME-01');
    assert.ok(acme, r.stdout);
    assert.deepEqual({ line: acme.line, column: acme.column }, { line: 7, column: 14 });
    assert.ok(!out[0]!.findings.some((f) => f.ruleId === 'CTX-05'));
    assert.match(r.stderr, /notice: The embedded World Bank FCS FY26 list is out of date/);
  });

  it('--no-config ignores it; --config uses another file', () => {
    const r = runCli(['specs/pay.fcs.yaml', '-f', 'json', '--no-config'], { cwd: path.join(FIX, 'org') });
    const out = JSON.parse(r.stdout) as { findings: { ruleId: string }[] }[];
    assert.ok(!out[0]!.findings.some((f) => f.ruleId === 'ACME-01'));
    const bad = runCli(['specs/pay.fcs.yaml', '--config', '../broken/.fcs-lint.yaml'], { cwd: path.join(FIX, 'org') });
    assert.equal(bad.code, 2);
  });

  it('config errors exit 2 with file:line:col', () => {
    const r = runCli(['pay.fcs.yaml'], { cwd: path.join(FIX, 'broken') });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^\.fcs-lint\.yaml:1:11 {2}error {2}Unknown built-in pack 'fcs:strikt'\. Did you mean 'fcs:strict'\?/m);
    assert.equal(r.stdout, '');
  });

  it('--write-baseline then --baseline: nothing old is reported, a new market is', () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'fcs-baseline-'));
    fs.writeFileSync(path.join(d, '.fcs-lint.yaml'), 'root: true\n');
    const spec = fs.readFileSync(path.join(FIX, 'org', 'specs', 'pay.fcs.yaml'), 'utf8').replace('IND\n    subnational: [IN-MN]', 'ETH');
    fs.writeFileSync(path.join(d, 'a.fcs.yaml'), spec);
    const w = runCli(['a.fcs.yaml', '--write-baseline', 'base.json'], { cwd: d });
    assert.equal(w.code, 0, w.stderr);
    assert.match(w.stderr, /wrote \d+ findings? to the baseline base\.json/);
    fs.writeFileSync(path.join(d, 'a.fcs.yaml'), '# moved\n' + spec);
    const same = runCli(['a.fcs.yaml', '--baseline', 'base.json', '-f', 'json'], { cwd: d });
    assert.equal(same.code, 0, same.stdout);
    fs.writeFileSync(path.join(d, 'a.fcs.yaml'), spec + '  - country: SDN\n');
    const more = runCli(['a.fcs.yaml', '--baseline', 'base.json', '-f', 'json'], { cwd: d });
    assert.equal(more.code, 1);
    const out = JSON.parse(more.stdout) as { findings: { pointer: string }[] }[];
    assert.ok(out[0]!.findings.every((f) => f.pointer.startsWith('/markets/1')), more.stdout);
  });

  it('fcs-lint rules lists configured checklists; rules CTX-01 prints the card; contexts shows org knowledge and --changes', () => {
    const list = runCli(['rules'], { cwd: path.join(FIX, 'org') });
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /ACME-01 .*\[acme:payments\]/);
    assert.match(list.stdout, /CTX-05 .*\(configured: off\)/);
    const card = runCli(['rules', 'CTX-01']);
    assert.match(card.stdout, /^CTX-01: No conflict analysis/);
    assert.match(card.stdout, /Due-diligence questions/);
    const ctx = runCli(['contexts', 'IND'], { cwd: path.join(FIX, 'org') });
    assert.match(ctx.stdout, /region IN-MN: conflict — ethnic violence since May 2023/);
    const ch = runCli(['contexts', '--changes', 'specs/'], { cwd: path.join(FIX, 'org') });
    assert.match(ch.stdout, /HTI {2}Haiti +institutional and social fragility → conflict/);
  });
});
