// A Markdown summary for pull-request comments (or $GITHUB_STEP_SUMMARY): a headline, a
// table of findings with links to the rule pages, and the due-diligence questions per rule.
import { countBySeverity, helpUri, plural, type FileReport, type ReportContext } from './report';

/** Text safe inside a Markdown table cell: no pipes, no newlines, no raw HTML. */
export function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
}

export function formatMarkdown(reports: FileReport[], ctx: ReportContext): string {
  const { total, parts } = countBySeverity(reports);
  const files = plural(reports.length, 'file');
  const scope = `${ctx.edition}${ctx.stage ? `, evaluated as if at stage **${ctx.stage}**` : ''}`;
  const out: string[] = [];
  if (total === 0) {
    out.push('## fcs-lint: no findings', '', `No findings in ${files} for the rules and data evaluated (${scope}). Not being flagged does not make a feature safe.`);
    return out.join('\n') + '\n';
  }
  out.push(`## fcs-lint: ${plural(total, 'finding')} (${parts.join(', ')}) in ${files}`, '', `Country data: ${scope}. Findings at or above **${ctx.failOn}** fail the check.`, '');
  out.push('| Severity | Rule | Location | Finding |', '| --- | --- | --- | --- |');
  const rulesSeen = new Map<string, { title: string; prompts: string[] }>();
  for (const r of reports) {
    for (const f of r.findings) {
      const uri = helpUri(ctx, f.ruleId);
      const rule = uri ? `[${mdCell(f.ruleId)}](${uri})` : mdCell(f.ruleId);
      const status = f.status === 'open' ? '' : ` _(${f.status})_`;
      out.push(`| ${f.severity} | ${rule} | \`${mdCell(r.filePath)}:${f.line}:${f.column}\` | ${mdCell(f.message)}${status} |`);
      if (!rulesSeen.has(f.ruleId)) rulesSeen.set(f.ruleId, { title: f.title, prompts: f.prompts });
    }
  }
  const withPrompts = [...rulesSeen].filter(([, r]) => r.prompts.length > 0);
  if (withPrompts.length) {
    out.push('', '<details><summary>Due-diligence questions</summary>', '');
    for (const [id, r] of withPrompts) {
      out.push(`**${mdCell(id)}: ${mdCell(r.title)}**`, '', ...r.prompts.map((p) => `- ${mdCell(p)}`), '');
    }
    out.push('</details>');
  }
  return out.join('\n') + '\n';
}
