// The built-in checklist as a whole: loads cleanly, covers the catalogue (domain research §5.7,
// without the FLAG-* rules), and every rule carries its due-diligence texts.
import assert from 'node:assert/strict';
import { builtinChecklists, builtinChecklistsEager } from '../../../server/src/engine/checklist/builtin';

const CATALOGUE = [
  'CTX-01', 'CTX-02', 'CTX-03', 'CTX-04', 'CTX-05', 'CTX-06', 'CTX-07', 'CTX-08',
  'ENG-01', 'ENG-02', 'ENG-03', 'ENG-04', 'ENG-05',
  'DATA-01', 'DATA-02', 'DATA-03', 'DATA-04', 'DATA-05', 'DATA-06', 'DATA-07', 'DATA-08', 'DATA-09',
  'ID-01', 'ID-02', 'GRAPH-01', 'GRAPH-02', 'GRAPH-03',
  'LOC-01', 'LOC-02', 'LOC-03', 'MAP-01',
  'COMM-01', 'RANK-01', 'RANK-02', 'RANK-03',
  'MOD-01', 'MOD-02', 'MOD-03', 'MOD-04', 'MOD-05',
  'AI-01', 'AI-02', 'AI-03',
  'AUTH-01', 'AUTH-02', 'AUTH-03',
  'GOV-01', 'GOV-02', 'GOV-03', 'GOV-04', 'GOV-05', 'GOV-06', 'GOV-07', 'GOV-08', 'GOV-09',
];

const core = () => {
  const c = builtinChecklists().find((x) => x.id === 'fcs:core');
  assert.ok(c, 'fcs:core is built in');
  return c;
};

describe('the built-in checklist fcs:core', () => {
  it('loads with zero problems when schema-checked and compiled eagerly, like a custom checklist', () => {
    // The server and CLI compile built-in expressions on first use; this is where a broken one shows.
    const eager = builtinChecklistsEager();
    assert.equal(eager.length, builtinChecklists().length);
    for (const c of eager) assert.deepEqual(c.problems.map((p) => `${c.file}:${p.range.start.line + 1}: ${p.message}`), []);
    assert.deepEqual(eager.map((c) => c.rules.length), builtinChecklists().map((c) => c.rules.length));
  });

  it('has every catalogue rule except FLAG-*, in catalogue order', () => {
    const ids = core().rules.map((r) => r.id).filter((id) => !id.startsWith('FLAG-'));
    assert.deepEqual(ids, CATALOGUE);
  });

  it('has unique ids', () => {
    const ids = core().rules.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('gives every rule a why, at least two prompts, mitigations, basis and a category', () => {
    for (const r of core().rules) {
      assert.ok(r.why && r.why.length > 40, `${r.id}: why`);
      assert.ok(r.prompts.length >= 2 && r.prompts.length <= 4, `${r.id}: 2–4 prompts`);
      assert.ok(r.prompts.every((p) => p.trim().endsWith('?')), `${r.id}: prompts are questions`);
      assert.ok(r.mitigations.length >= 1, `${r.id}: mitigations`);
      assert.ok(r.basis.length >= 1, `${r.id}: basis`);
      assert.notEqual(r.category, 'custom', `${r.id}: category`);
      assert.ok(r.at.length >= 1, `${r.id}: at`);
    }
  });

  it('cites real cases by their C-number', () => {
    for (const r of core().rules) for (const c of r.cases) assert.match(c, /^C([1-9]|1[0-8]) /, `${r.id}: ${c}`);
  });

  it('keeps thresholds in options: no bare number other than 0 or 1 in a condition or escalation', () => {
    for (const r of core().rules) {
      for (const src of [r.whenSource, ...r.escalate.map((e) => e.source)]) {
        const stripped = src.replace(/"[^"]*"/g, '""');
        const numbers = stripped.match(/(?<![\w.])\d+(\.\d+)?(?![\w-])/g) ?? [];
        assert.deepEqual(numbers.filter((n) => n !== '0' && n !== '1'), [], `${r.id}: ${src}`);
      }
    }
  });

  it('declares every option a rule reads', () => {
    const options = core().options;
    for (const r of core().rules) {
      for (const m of r.whenSource.matchAll(/options\.(\w+)/g)) assert.ok(m[1]! in options, `${r.id} reads undeclared option ${m[1]}`);
    }
  });
});
