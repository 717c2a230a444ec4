// Hostile input: each answered quickly with one clear finding, never a throw or a hang.
import assert from 'node:assert/strict';
import { loadChecklist } from '../../../server/src/engine/checklist/loadChecklist';
import { lintSpec } from '../../helpers/lintText';

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

describe('hostile input', () => {
  it('a YAML alias bomb is refused with one SPEC-PARSE finding', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) {
      const prev = String.fromCharCode(97 + i);
      const cur = String.fromCharCode(98 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill('*' + prev).join(',')}]`);
    }
    const { value, ms } = timed(() => lintSpec(lines.join('\n') + '\nspec_version: 1\n'));
    assert.equal(value.length, 1);
    assert.equal(value[0]!.ruleId, 'SPEC-PARSE');
    assert.match(value[0]!.message, /alias/i);
    assert.ok(ms < 2000, `${ms} ms`);
  });

  it('a file over the size cap is refused without parsing', () => {
    const big = 'spec_version: 1\n' + '# padding\n'.repeat(500_000);
    const { value, ms } = timed(() => lintSpec(big));
    assert.deepEqual(value.map((f) => f.ruleId), ['FILE-TOO-LARGE']);
    assert.match(value[0]!.message, /limit is 4 MB/);
    assert.ok(ms < 500, `${ms} ms`);
  });

  it('10,000-deep nesting gives one parse finding, not a crash', () => {
    const { value } = timed(() => lintSpec('spec_version: 1\nfeature: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n'));
    assert.ok(value.length >= 1);
    assert.ok(value.every((f) => f.ruleId === 'SPEC-PARSE'), value.map((f) => f.ruleId).join());
  });

  it('binary content is reported as not text', () => {
    const value = lintSpec('\u0000\u0001\u0002spec_version: 1\n');
    assert.deepEqual(value.map((f) => f.ruleId), ['FILE-BINARY']);
    assert.deepEqual(value[0]!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 18 } });
  });

  it('a byte-order mark does not shift columns', () => {
    const value = lintSpec('\uFEFFspec_version: 1\nfeature: {id: a, name: x, bogus: 1}\n');
    const f = value.find((x) => x.ruleId === 'SPEC-SCHEMA')!;
    assert.deepEqual(f.range.start, { line: 1, character: 26 });
  });

  it('CRLF line endings keep ranges exact', () => {
    const value = lintSpec('spec_version: 1\r\nfeature:\r\n  id: a\r\n  name: x\r\nmarkets:\r\n  - country: ETX\r\n');
    const f = value.find((x) => x.ruleId === 'SPEC-COUNTRY')!;
    assert.deepEqual(f.range, { start: { line: 5, character: 13 }, end: { line: 5, character: 16 } });
    assert.match(f.message, /Did you mean ETH \(Ethiopia\)/);
  });

  it('duplicate keys are a parse finding on the second key', () => {
    const value = lintSpec('spec_version: 1\nfeature:\n  id: a\n  id: b\n  name: x\n');
    assert.equal(value.length, 1);
    assert.equal(value[0]!.ruleId, 'SPEC-PARSE');
    assert.equal(value[0]!.range.start.line, 3);
  });

  it('multi-document YAML: the first document is checked, the rest is reported once', () => {
    const value = lintSpec('spec_version: 1\nfeature: {id: a, name: b, lifecycle_stage: ideation}\n---\nfoo: 1\n');
    assert.deepEqual(value.map((f) => f.ruleId), ['SPEC-MULTIDOC']);
    assert.equal(value[0]!.range.start.line, 3);
  });

  it('empty files and non-mapping documents get one schema finding', () => {
    for (const text of ['', 'hello', '- 1\n- 2\n']) {
      const value = lintSpec(text);
      assert.equal(value.length, 1, text);
      assert.equal(value[0]!.ruleId, 'SPEC-SCHEMA');
    }
  });
});

describe('checklists cannot stall the linter', () => {
  it('refuses regular expressions in checklist expressions, with the position of the expression', () => {
    const c = loadChecklist('custom.yaml', [
      'checklist: acme:custom',
      'version: 1',
      'rules:',
      '  - id: ACME-01',
      '    title: Catastrophic pattern',
      '    severity: high',
      '    stage: design',
      '    when: spec.feature.name.matches("^(a+)+$")',
      '    message: never',
      '    prompts: [Why?]',
      '',
    ].join('\n'));
    assert.equal(c.rules.length, 0);
    assert.equal(c.problems.length, 1);
    assert.match(c.problems[0]!.message, /regular expressions \(matches\) are not allowed/);
    assert.deepEqual(c.problems[0]!.range.start, { line: 7, character: 10 });
  });
});

describe('time budget', () => {
  it('stops evaluating rules past the budget and says which were not evaluated', () => {
    const text = 'spec_version: 1\nfeature: {id: a, name: b, lifecycle_stage: deployment}\nmarkets:\n  - country: SDN\n';
    let t = 0;
    const full = lintSpec(text);
    const cut = lintSpec(text, {}, undefined, { budget: { ms: 5, clock: () => (t += 1) } });
    const stop = cut.find((f) => f.ruleId === 'CHECKLIST-BUDGET');
    assert.ok(stop, 'a CHECKLIST-BUDGET finding');
    assert.match(stop.message, /Checking stopped after 5 ms: \d+ of \d+ rules were evaluated, the rest \(from [A-Z]+-\d+\) were not/);
    assert.ok(cut.length < full.length, `${cut.length} < ${full.length}`);
    assert.ok(!full.some((f) => f.ruleId === 'CHECKLIST-BUDGET'));
  });
});
