// Human output: one line per finding, `path:line:col  severity  message  RULE-ID`, so terminals
// and editors turn the location into a link; then a summary that never says "safe".
import { SEVERITIES, type Severity } from '../../engine/types';
import type { FileReport } from './report';

export interface StylishOptions {
  color: boolean;
  edition: string;
  stage?: string;
}

const COLOURS: Record<Severity, string> = { blocker: '\x1b[1;31m', high: '\x1b[31m', medium: '\x1b[33m', low: '\x1b[36m', info: '\x1b[2m' };
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

export function formatStylish(reports: FileReport[], opts: StylishOptions): string {
  const paint = (code: string, s: string) => (opts.color ? code + s + RESET : s);
  const lines: string[] = [];
  const counts = new Map<Severity, number>();
  let total = 0;
  for (const r of reports) {
    for (const f of r.findings) {
      total++;
      counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
      const where = `${r.filePath}:${f.line}:${f.column}`;
      const status = f.status === 'open' ? '' : ` (${f.status})`;
      lines.push(`${where}  ${paint(COLOURS[f.severity], f.severity.padEnd(7))}  ${f.message}${status}  ${paint(DIM, f.ruleId)}`);
    }
  }
  const files = reports.length;
  const stage = opts.stage ? `, as if at stage ${opts.stage}` : '';
  if (total === 0) {
    lines.push(`No findings in ${files} file${files === 1 ? '' : 's'} for the rules and data evaluated (${opts.edition}${stage}). Not being flagged does not make a feature safe.`);
  } else {
    const parts = SEVERITIES.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s}`);
    lines.push('');
    lines.push(`${total} finding${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${files} file${files === 1 ? '' : 's'}, using ${opts.edition}${stage}.`);
  }
  return lines.join('\n') + '\n';
}
