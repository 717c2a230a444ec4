// Test helpers: lint a spec given as text, at a fixed clock, and find where findings land.
import assert from 'node:assert/strict';
import { createLintEnvironment, lintDocument, type EnvironmentInput, type LintEnvironment } from '../../server/src/engine/lint';
import type { Finding } from '../../server/src/engine/types';

export const TEST_NOW = new Date('2026-11-28T00:00:00Z');

export function lintSpec(text: string, env: EnvironmentInput = {}, uri = 'file:///test/feature.fcs.yaml', patch: Partial<LintEnvironment> = {}): Finding[] {
  return lintDocument(uri, text, { ...createLintEnvironment({ now: TEST_NOW, ...env }), ...patch }).findings;
}

export function byRule(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

/**
 * 1-based line and column of the start of a marker in the text (the first occurrence after
 * `after`, if given) — so tests state positions by content, not by counting lines.
 */
export function posOf(text: string, needle: string, after?: string): { line: number; column: number } {
  const from = after ? text.indexOf(after) : 0;
  assert.ok(from >= 0, `anchor not found: ${after}`);
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, `needle not found: ${needle}`);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}

/** Assert exactly `n` findings of a rule, and that the first starts at the given 1-based position. */
export function assertFiresAt(findings: Finding[], ruleId: string, at: { line: number; column: number }, n = 1): Finding {
  const hits = byRule(findings, ruleId);
  assert.equal(hits.length, n, `${ruleId}: expected ${n} finding(s), got ${hits.length}: ${JSON.stringify(findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}:${f.range.start.character + 1}`))}`);
  const f = hits[0]!;
  assert.deepEqual({ line: f.range.start.line + 1, column: f.range.start.character + 1 }, at, `${ruleId} landed elsewhere`);
  return f;
}

export function assertSilent(findings: Finding[], ruleId: string): void {
  const hits = byRule(findings, ruleId);
  assert.equal(hits.length, 0, `${ruleId} should not fire, but did: ${hits.map((h) => h.message).join(' | ')}`);
}
