// celGuard: the item-independent conjuncts of a per-item condition, evaluated once per document.
import assert from 'node:assert/strict';
import { celGuard, compileCel, compileCelLazily } from '../../../server/src/engine/checklist/cel';

describe('celGuard (checklist/cel)', () => {
  const when = 'facts.in_fcs && datum.category == "biometrics" && (options.max_days > 3 || facts.stage == "pilot")';

  it('keeps the conjuncts that read no item name, and they decide "false for every item"', () => {
    for (const program of [compileCel(when), compileCelLazily(when)]) {
      const guard = celGuard(program, ['datum', 'item', 'index']);
      assert.ok(guard, 'a guard exists');
      assert.equal(guard({ facts: { in_fcs: false, stage: 'design' }, options: { max_days: 10n } }), false);
      assert.equal(guard({ facts: { in_fcs: true, stage: 'design' }, options: { max_days: 1n } }), false);
      assert.equal(guard({ facts: { in_fcs: true, stage: 'pilot' }, options: { max_days: 1n } }), true);
    }
  });

  it('gives no guard when every conjunct reads the item, or the condition is not a conjunction', () => {
    assert.equal(celGuard(compileCel('datum.category == "x" && datum.sensitivity == "high"'), ['datum']), undefined);
    assert.equal(celGuard(compileCel('facts.in_fcs || datum.category == "x"'), ['datum']), undefined);
  });
});
