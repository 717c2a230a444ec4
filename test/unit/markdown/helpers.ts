// Helpers for the Markdown tests: lint a PRD given as text or as a fixture.
import fs from 'node:fs';
import path from 'node:path';
import { createLintEnvironment, lintDocument, type EnvironmentInput } from '../../../server/src/engine/lint';
import type { Finding } from '../../../server/src/engine/types';
import { TEST_NOW } from '../../helpers/lintText';

export const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'prd');

export function fixture(rel: string): string {
  return fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
}

export function lintMd(text: string, env: EnvironmentInput = {}, uri = 'file:///repo/docs/prd/feature.md'): Finding[] {
  return lintDocument(uri, text, createLintEnvironment({ now: TEST_NOW, ...env })).findings;
}

/** PRD-* findings as "RULE@line:col" (1-based), in order. */
export function prdAt(findings: Finding[]): string[] {
  return findings.filter((f) => f.ruleId.startsWith('PRD-')).map((f) => `${f.ruleId}@${f.range.start.line + 1}:${f.range.start.character + 1}`);
}

/** "RULE@line:col" for the first occurrence of `needle` in `text` (after `after`). */
export function at(rule: string, text: string, needle: string, after?: string): string {
  const from = after ? text.indexOf(after) : 0;
  const i = text.indexOf(needle, Math.max(0, from));
  if (i < 0 || from < 0) throw new Error(`not found: ${needle}`);
  const before = text.slice(0, i).split('\n');
  return `${rule}@${before.length}:${before[before.length - 1]!.length + 1}`;
}

/** A PRD with a front matter putting the feature in Sudan (conflict). */
export const prd = (body: string, fcs = '') => `---
title: Test PRD
fcs:
  feature:
    lifecycle_stage: design
  markets:
    - country: SDN
${fcs}---

# Test PRD

${body}
`;
