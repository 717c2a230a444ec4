// GitHub Actions workflow commands: one annotation per finding,
//   ::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::message
// escaped the way the runner decodes them (% CR LF in data; also : and , in properties).
import type { Severity } from '../../engine/types';
import { countBySeverity, plural, type FileReport, type ReportContext } from './report';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { blocker: 'error', high: 'error', medium: 'warning', low: 'notice', info: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(reports: FileReport[], ctx: ReportContext): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const f of r.findings) {
      const props = [
        `file=${escapeProperty(r.filePath)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.ruleId)}`,
      ].join(',');
      const status = f.status === 'open' ? '' : ` (${f.status})`;
      const text = [`${f.message}${status}`, ...f.prompts.map((p) => `- ${p}`)].join('\n');
      lines.push(`::${COMMAND[f.severity]} ${props}::${escapeData(text)}`);
    }
  }
  const { total, parts } = countBySeverity(reports);
  lines.push(
    total === 0
      ? `fcs-lint: no findings in ${plural(reports.length, 'file')} for the rules and data evaluated (${ctx.edition}).`
      : `fcs-lint: ${plural(total, 'finding')} (${parts.join(', ')}) in ${plural(reports.length, 'file')}, using ${ctx.edition}.`,
  );
  return lines.join('\n') + '\n';
}
