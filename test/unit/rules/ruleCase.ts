// Table-driven rule tests: for each case, the rule fires with the expected severity, lands on the
// node named by content (never by line number), escalates where the catalogue says so, and stays
// silent on a compliant variant.
import assert from 'node:assert/strict';
import type { EnvironmentInput } from '../../../server/src/engine/lint';
import type { Severity } from '../../../server/src/engine/types';
import { assertFiresAt, assertSilent, byRule, lintSpec, posOf } from '../../helpers/lintText';

export interface Variant {
  /** What the variant shows (test name). */
  name: string;
  text: string;
  severity: Severity;
  /** Where the finding lands: a needle, or [needle, anchor before it]. */
  at: string | [string, string];
  /** Number of findings of the rule expected in this text (default 1). */
  n?: number;
  message?: RegExp;
  env?: EnvironmentInput;
}

export interface RuleCase {
  id: string;
  fires: Variant;
  /** More firing variants, e.g. the escalation case. */
  also?: Variant[];
  silent: { name: string; text: string; env?: EnvironmentInput }[];
}

function where(text: string, at: Variant['at']): { line: number; column: number } {
  return typeof at === 'string' ? posOf(text, at) : posOf(text, at[0], at[1]);
}

function fire(id: string, v: Variant) {
  const hits = byRule(lintSpec(v.text, v.env), id);
  assert.equal(hits.length, v.n ?? 1, `${id}: expected ${v.n ?? 1} finding(s), got ${hits.length}`);
  return hits[0]!;
}

export function describeRule(c: RuleCase): void {
  describe(c.id, () => {
    for (const v of [c.fires, ...(c.also ?? [])]) {
      it(`fires as ${v.severity}: ${v.name}`, () => {
        const f = fire(c.id, v);
        assert.equal(f.severity, v.severity);
        assert.equal(f.status, 'open');
        assert.ok(!/(^|\s)\?([\s.,;]|$)|\bundefined\b|\bnull\b/.test(f.message), `message has a hole: ${f.message}`);
        if (v.message) assert.match(f.message, v.message);
      });
      it(`lands on ${JSON.stringify(typeof v.at === 'string' ? v.at : v.at[0])}: ${v.name}`, () => {
        assertFiresAt(lintSpec(v.text, v.env), c.id, where(v.text, v.at), v.n ?? 1);
      });
    }
    for (const s of c.silent) {
      it(`is silent: ${s.name}`, () => assertSilent(lintSpec(s.text, s.env), c.id));
    }
  });
}
