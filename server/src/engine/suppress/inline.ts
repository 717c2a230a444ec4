// Apply inline directives to a document's findings. A directive with a reason suppresses the
// findings of its rules that start on its target line; without a reason it suppresses nothing
// and is a finding itself; a directive (or one of its rule ids) that suppresses nothing is
// reported as unused. In audit mode (--no-inline-suppressions) nothing is suppressed: the
// findings stay in the report, marked as suppressed with their reason.
import type { Finding, Range } from '../types';
import type { Directive } from './directives';

export type InlineMode = 'apply' | 'audit';

export interface InlineProblem {
  ruleId: 'SUPPRESS-NO-REASON' | 'SUPPRESS-UNUSED';
  message: string;
  range: Range;
}

/** Engine findings about suppressions cannot themselves be suppressed inline. */
const UNSUPPRESSIBLE = /^SUPPRESS-/;

export function applyInline(
  findings: Finding[],
  directives: Directive[],
  mode: InlineMode,
  knownRules: Set<string>,
): { findings: Finding[]; suppressed: Finding[]; problems: InlineProblem[] } {
  if (directives.length === 0) return { findings, suppressed: [], problems: [] };
  const problems: InlineProblem[] = [];
  const used = directives.map(() => new Set<string>());
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    const i = UNSUPPRESSIBLE.test(f.ruleId)
      ? -1
      : directives.findIndex((d) => d.reason && d.targetLine === f.range.start.line && d.rules.includes(f.ruleId));
    if (i < 0) {
      kept.push(f);
      continue;
    }
    const d = directives[i]!;
    used[i]!.add(f.ruleId);
    const s: Finding = { ...f, suppression: { kind: 'inline', reason: d.reason } };
    if (mode === 'audit') kept.push({ ...s, message: `${f.message} — suppressed inline: ${d.reason}` });
    else suppressed.push(s);
  }
  directives.forEach((d, i) => {
    if (d.rules.length === 0) {
      problems.push({ ruleId: 'SUPPRESS-UNUSED', range: d.range, message: 'This suppression names no rule; write the rule id(s) after fcs-lint-disable-next-line.' });
      return;
    }
    if (!d.reason) {
      problems.push({
        ruleId: 'SUPPRESS-NO-REASON',
        range: d.range,
        message: `The suppression of ${d.rules.join(', ')} gives no reason, so it suppresses nothing. Add one after \`--\`, e.g. \`-- reviewed with the regional team, see RISK-12\`.`,
      });
      return;
    }
    for (const r of d.rules) {
      if (used[i]!.has(r)) continue;
      const why = !knownRules.has(r)
        ? `no checklist defines ${r}`
        : d.targetLine < 0
          ? 'no line follows it'
          : `${r} reports nothing on line ${d.targetLine + 1}`;
      problems.push({ ruleId: 'SUPPRESS-UNUSED', range: d.range, message: `Unused suppression of ${r}: ${why}. Remove it, or move it above the line the finding is on.` });
    }
  });
  return { findings: kept, suppressed, problems };
}
