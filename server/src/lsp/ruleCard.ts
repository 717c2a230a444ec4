// The rule card shown on hover: why the rule matters, the due-diligence questions, suggested
// mitigations, the framework basis, a real case and a link to the documentation page.
import type { LintEnvironment } from '../engine/lint';
import { findRule } from '../engine/lint';
import { META_RULES } from '../engine/meta/metaRules';
import type { Finding } from '../engine/types';

export function ruleCard(env: LintEnvironment, ruleId: string, docsHref?: string, finding?: Finding): string | undefined {
  const r = findRule(env, ruleId);
  const meta = META_RULES[ruleId];
  if (!r && !meta) return undefined;
  const lines: string[] = [];
  const title = r?.title ?? meta!.title;
  const severity = finding ? `${finding.severity}${finding.severity !== (r?.severity ?? meta!.severity) ? ` (rule default ${r?.severity ?? meta!.severity})` : ''}` : (r?.severity ?? meta!.severity);
  lines.push(`**${ruleId}: ${title}** · ${severity}${finding && finding.status !== 'open' ? ` · ${finding.status}` : ''}`);
  const why = r?.why ?? meta?.why;
  if (why) lines.push('', `**Why it matters.** ${why.trim()}`);
  const prompts = r?.prompts ?? meta?.prompts ?? [];
  if (prompts.length) lines.push('', r ? '**Due-diligence questions**' : '**What to do**', ...prompts.map((p) => `- ${p}`));
  if (r?.mitigations.length) lines.push('', '**Suggested mitigations**', ...r.mitigations.map((m) => `- ${m}`));
  if (r?.basis.length) lines.push('', `**Basis:** ${r.basis.join('; ')}`);
  if (r?.cases.length) lines.push('', `**Case:** ${r.cases[0]}`);
  if (finding?.answer) lines.push('', `**Answered${finding.answer.by ? ` by ${finding.answer.by}` : ''}:** ${finding.answer.answer}`);
  if (finding?.waiver) lines.push('', `**Waived until ${finding.waiver.expires}** by ${finding.waiver.approver}: ${finding.waiver.reason}`);
  if (finding?.dataEdition) lines.push('', `_Country data: ${finding.dataEdition}._`);
  if (!finding || finding.status === 'open') lines.push('', `_Answer under \`dd_answers.${ruleId}\`, or waive with a named approver and an expiry in \`dd_waivers\`._`);
  if (docsHref) lines.push('', `[Documentation for ${ruleId}](${docsHref})`);
  return lines.join('\n');
}
