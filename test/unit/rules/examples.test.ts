// The three example specs, linted with the whole checklist at the test clock (2026-11-28).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { severityRank } from '../../../server/src/engine/types';
import { lintSpec } from '../../helpers/lintText';

const dir = path.join(__dirname, '..', '..', '..', 'examples');
const lint = (name: string) => lintSpec(fs.readFileSync(path.join(dir, name), 'utf8'), {}, `file:///examples/${name}`);
const show = (f: ReturnType<typeof lint>) => f.map((x) => `${x.ruleId} ${x.severity} ${x.status}: ${x.message}`).join('\n');

describe('examples/', () => {
  it('holds exactly the three example specs', () => {
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.fcs.yaml')).sort(), [
      'compliant-assessed.fcs.yaml',
      'messaging-conflict.fcs.yaml',
      'payments-fragility.fcs.yaml',
    ]);
  });

  it('compliant-assessed: no finding above low, and its waiver is in force', () => {
    const f = lint('compliant-assessed.fcs.yaml');
    const above = f.filter((x) => severityRank(x.severity) > severityRank('low'));
    assert.deepEqual(above, [], show(above));
    assert.ok(f.some((x) => x.ruleId === 'GOV-09' && x.status === 'waived'), show(f));
  });

  for (const [name, rules] of [
    ['messaging-conflict.fcs.yaml', ['CTX-01', 'ENG-01', 'COMM-01', 'MOD-01', 'RANK-01', 'DATA-05']],
    ['payments-fragility.fcs.yaml', ['CTX-02', 'CTX-07', 'ID-02', 'AUTH-02', 'GOV-02', 'GOV-04']],
  ] as const) {
    it(`${name}: several open findings of severity high or blocker`, () => {
      const f = lint(name);
      const serious = f.filter((x) => x.status === 'open' && severityRank(x.severity) >= severityRank('high'));
      assert.ok(serious.length >= 5, show(f));
      for (const r of rules) assert.ok(serious.some((x) => x.ruleId === r), `${r} expected in ${name}\n${show(f)}`);
      assert.ok(!f.some((x) => x.ruleId.startsWith('SPEC-') || x.ruleId === 'CHECKLIST-EVAL'), show(f));
    });
  }

  it('every example parses and follows the spec schema', () => {
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.fcs.yaml'))) {
      const meta = lint(name).filter((x) => x.ruleId.startsWith('SPEC-') || x.ruleId.startsWith('CHECKLIST-'));
      assert.deepEqual(meta, [], `${name}: ${show(meta)}`);
    }
  });
});
