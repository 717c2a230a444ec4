// The summary line. It states what was evaluated, against which rules and which edition of
// the country data, and what remains open. It never declares a feature free of risk: absent
// findings only mean the rules and data evaluated raised nothing.
import type { Assessment } from './types';

const n = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

export function summaryLine(a: Assessment, ruleCount: number): string {
  const name = a.feature.name ?? a.feature.id ?? a.file;
  if (a.parseFailed) {
    return `${name}: the spec could not be parsed, so only its syntax errors are reported; nothing else was evaluated.`;
  }
  const fcs = a.markets.filter((m) => m.category !== 'none');
  const fcsText = fcs.length ? ` (${fcs.map((m) => `${m.alpha3}: ${m.category}`).join(', ')})` : '';
  const m = a.matrix.counts;
  const f = a.findingCounts;
  const parts = [
    `Evaluated “${name}” at stage ${a.feature.stage} against ${n(ruleCount, 'rule')} with ${a.data.label} (published ${a.data.published})`,
    `${n(a.markets.length, 'market')}, ${fcs.length} on the FCS list or overridden${fcsText}; ${n(a.matrix.groups.filter((g) => g.inScope).length, 'user group')} × ${n(a.feature.functions.length, 'function')}`,
    `matrix: ${n(m.cells, 'cell')} (${m.confirmed} confirmed, ${m.suggested} suggested, ${m.dismissed} dismissed${m.unscored ? `, ${m.unscored} not yet scored` : ''})`,
    `findings: ${f.open} open, ${f.acknowledged} acknowledged, ${f.waived} waived`,
  ];
  const tail = a.data.stale ? ' The embedded FCS list edition is older than the one expected today.' : '';
  const none = a.findings.length === 0 ? ' No findings for the rules and data evaluated.' : '';
  return `${parts.join('; ')}.${none} This covers only the rules and data named here.${tail}`;
}
