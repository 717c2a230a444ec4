// Remembered per-item results (checklist/itemMemo) must never change what the linter reports:
// after any sequence of edits, findings equal those of an evaluation from scratch.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { builtinChecklists } from '../../../server/src/engine/checklist/builtin';
import { ItemMemo, rememberable } from '../../../server/src/engine/checklist/itemMemo';
import { createLintEnvironment, lintDocument } from '../../../server/src/engine/lint';
import { TEST_NOW } from '../../helpers/lintText';

const ROOT = path.join(__dirname, '..', '..', '..');
const SPEC = fs.readFileSync(path.join(ROOT, 'examples', 'messaging-conflict.fcs.yaml'), 'utf8');

/** Value edits that change what data and market rules see (categories, sensitivities, countries, retention…). */
const VALUES: Record<string, string[]> = {
  category: ['biometrics', 'location', 'contacts', 'identity', 'messages', 'health'],
  sensitivity: ['low', 'medium', 'high'],
  retention_days: ['0', '7', '30', '400', '3650'],
  country: ['ETH', 'SDN', 'KEN', 'MMR', 'FRA', 'SO'],
  visibility: ['private', 'contacts', 'public'],
  lifecycle_stage: ['design', 'development', 'pilot', 'deployment'],
};

function edits(text: string): { start: number; end: number; key: string }[] {
  const out: { start: number; end: number; key: string }[] = [];
  for (const m of text.matchAll(/^\s*-?\s*(\w+): ([A-Za-z0-9_]+)\s*$/gm)) {
    const key = m[1]!;
    if (!VALUES[key]) continue;
    const start = m.index! + m[0].indexOf(': ') + 2;
    out.push({ start, end: start + m[2]!.length, key });
  }
  return out;
}

const strip = (fs_: ReturnType<typeof lintDocument>['findings']) => fs_.map((f) => ({ id: f.ruleId, sev: f.severity, msg: f.message, range: f.range, status: f.status }));

describe('remembered per-item results (checklist/itemMemo)', () => {
  afterEach(() => ItemMemo.reset());

  it('after random value edits, the findings equal an evaluation from scratch', () => {
    const env = { ...createLintEnvironment({ now: TEST_NOW }), rememberItemResults: true };
    const places = edits(SPEC);
    assert.ok(places.length >= 5, 'the example has values to edit');
    let remembered = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }), (steps) => {
        let text = SPEC;
        ItemMemo.reset();
        lintDocument('file:///w/a.fcs.yaml', text, env); // warm the memo with the original
        for (const [p, v] of steps) {
          const e = edits(text)[p % places.length]!;
          const choices = VALUES[e.key]!;
          text = text.slice(0, e.start) + choices[v % choices.length]! + text.slice(e.end);
          const warm = strip(lintDocument('file:///w/a.fcs.yaml', text, env).findings);
          ItemMemo.reset();
          const cold = strip(lintDocument('file:///w/a.fcs.yaml', text, env).findings);
          assert.deepEqual(warm, cold);
          remembered++;
        }
      }),
      { numRuns: 40, seed: 7 },
    );
    assert.ok(remembered > 40);
  });

  it('a remembered rule that reads the clock is evaluated again when the clock moves', () => {
    // KEN is not on the FCS list; an election within the horizon raises CTX-08 (days_until).
    const text = SPEC.replace(/markets:\n/, 'markets:\n  - country: KEN\n    upcoming_events:\n      - type: election\n        date: 2027-01-15\n');
    assert.notEqual(text, SPEC);
    const soon = { ...createLintEnvironment({ now: new Date('2026-12-01T00:00:00Z') }), rememberItemResults: true };
    const later = { ...createLintEnvironment({ now: new Date('2027-06-01T00:00:00Z') }), rememberItemResults: true };
    ItemMemo.reset();
    const a = strip(lintDocument('file:///w/a.fcs.yaml', text, soon).findings);
    const b = strip(lintDocument('file:///w/a.fcs.yaml', text, later).findings);
    assert.ok(a.some((f) => f.id === 'CTX-08'), 'CTX-08 fires before the election');
    assert.ok(!b.some((f) => f.id === 'CTX-08'), 'and not after it, with the memo warm');
    ItemMemo.reset();
    assert.deepEqual(b, strip(lintDocument('file:///w/a.fcs.yaml', text, later).findings));
  });

  it('a rule is remembered only when it reads neither the whole spec nor the item index', () => {
    const rules = builtinChecklists().flatMap((c) => c.rules).filter((r) => r.forEach);
    const yes = rules.filter(rememberable);
    const no = rules.filter((r) => !rememberable(r));
    assert.ok(yes.length > 5, `per-item rules that can be remembered: ${yes.map((r) => r.id).join(', ')}`);
    const readsSpec = rules.filter((r) => /(?<![.\w])spec\./.test(r.whenSource));
    assert.ok(readsSpec.length > 0, 'some per-item rule reads the spec');
    for (const r of readsSpec) assert.ok(no.includes(r), `${r.id} reads the spec and must not be remembered`);
    for (const r of yes) assert.doesNotMatch(r.whenSource, /(?<![.\w])(?:spec\.|index\b)/, `${r.id} reads the spec but is remembered`);
  });
});
