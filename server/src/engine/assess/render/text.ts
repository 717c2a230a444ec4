// Wording shared by the Markdown and HTML renderers, so both say the same thing.
import { label } from '../taxonomy';
import type { Score } from '../scoring';
import type { ContextCard, CellMitigation, LanguageCoverage, MatrixCell } from '../types';

export const SECTION_TITLES = {
  context: 'Market context',
  engagement: 'Engagement coverage',
  matrix: 'Users × harms × risks × stakeholders',
  findings: 'Findings and due-diligence prompts',
  levers: 'Kill switch and crisis levers',
  warning: 'Early warning and review',
  governance: 'Sign-offs and waivers',
  coverage: 'What was evaluated',
} as const;

export const REDACTION_NOTE = 'Engagement details are redacted (pseudonymous ids, stages and groups only). Use --include-engagements to include them where that is safe.';

export function scoreText(s: Score): string {
  const parts = [`severity ${s.severity} × likelihood ${s.likelihood} = ${s.score}`];
  if (s.raisedForConflict) parts.push(`raised one tier: conflict likelihood ${s.conflictLikelihood}`);
  if (s.irremediableHarm) parts.push('irremediable');
  return parts.join('; ');
}

export function factorsText(s: Score): string {
  return `scale ${s.scale}, scope ${s.scope}, irremediability ${s.irremediable}, likelihood ${s.likelihood}${s.conflictLikelihood ? `, conflict likelihood ${s.conflictLikelihood}` : ''}`;
}

export function cellTitle(c: MatrixCell): string {
  return `${label(c.group)} × ${label(c.harm)}`;
}

export function cellBadge(c: MatrixCell): string {
  if (c.status === 'dismissed') return 'dismissed';
  const tier = c.score ? `${c.score.tier} ${c.score.score}` : 'not scored';
  return c.status === 'suggested' ? `${tier} · suggested` : tier;
}

export function mitigationText(m: CellMitigation): string {
  const bits = [m.flagKey ? `flag ${m.flagKey}` : 'no flag', m.status ?? 'status unknown'];
  if (!m.defined) bits.push('not defined under mitigations');
  return `${m.id}${m.description ? `: ${m.description}` : ''} (${bits.join(', ')})`;
}

export function coverageText(c: LanguageCoverage): string {
  if (c.needed.length === 0) return 'no market languages listed';
  return `${c.covered.length}/${c.needed.length}${c.missing.length ? ` (missing ${c.missing.join(', ')})` : ''}`;
}

export function categoryText(m: ContextCard): string {
  const src =
    m.categorySource === 'list'
      ? m.editionLabel
      : m.categorySource === 'spec-override'
        ? `spec override; list: ${m.listedCategory}`
        : `organisation; list: ${m.listedCategory}`;
  return `${m.category === 'none' ? 'not on the list' : m.category} (${src})`;
}

export function stageName(s: string): string {
  return label(s).split(' (')[0] ?? s;
}

export const line = (r: { range: { start: { line: number } } }): number => r.range.start.line + 1;
