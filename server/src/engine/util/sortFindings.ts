import { severityRank, type Finding } from '../types';

/** Findings in reading order; at one position the most severe first, then by rule id. */
export function sortFindings(f: readonly Finding[]): Finding[] {
  return [...f].sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      severityRank(b.severity) - severityRank(a.severity) ||
      a.ruleId.localeCompare(b.ruleId),
  );
}
