// The CLI's view of results: 1-based positions, severity as a word, paths relative to cwd
// with forward slashes. Reporters are pure functions of FileReport[] and a ReportContext.
import type { Finding, LintResult, Severity } from '../../engine/types';

export interface ReportedFinding {
  ruleId: string;
  title: string;
  severity: Finding['severity'];
  status: Finding['status'];
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  pointer: string;
  prompts: string[];
  mitigations: string[];
  basis: string[];
  dataEdition?: string;
  docs?: string;
  /** For waived findings: until when the waiver holds (no reasons or names: reports redact them). */
  waivedUntil?: string;
}

export interface FileReport {
  filePath: string;
  findings: ReportedFinding[];
}

/** What a rule is, for formats that carry rule metadata (SARIF) or link to documentation. */
export interface RuleMeta {
  id: string;
  title: string;
  severity: Severity;
  why?: string;
  prompts: string[];
  mitigations: string[];
  basis: string[];
  /** Checklist id, or "engine" for findings the engine itself raises. */
  source: string;
}

export interface ReportContext {
  color: boolean;
  /** e.g. "World Bank FCS FY26". */
  edition: string;
  toolVersion: string;
  /** Absolute URL the rule pages live under, ending in "/"; `${docsBaseUrl}${id}.md`. */
  docsBaseUrl?: string;
  /** The tool's home page (package.json repository). */
  informationUri?: string;
  /** Every rule known to this run, in a stable order. */
  rules: RuleMeta[];
  /** The lifecycle stage the run evaluated as (--stage), if any. */
  stage?: string;
  failOn: Severity;
  /** Absolute file: URI of the directory report paths are relative to, ending in "/". */
  rootUri?: string;
}

export function helpUri(ctx: ReportContext, ruleId: string): string | undefined {
  return ctx.docsBaseUrl ? `${ctx.docsBaseUrl}${encodeURIComponent(ruleId)}.md` : undefined;
}

export function toReport(filePath: string, result: LintResult): FileReport {
  return {
    filePath,
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      title: f.title,
      severity: f.severity,
      status: f.status,
      message: f.message,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      pointer: f.pointer,
      prompts: f.prompts,
      mitigations: f.mitigations,
      basis: f.basis,
      ...(f.dataEdition ? { dataEdition: f.dataEdition } : {}),
      ...(f.docsPath ? { docs: f.docsPath } : {}),
      ...(f.status === 'waived' && f.waiver?.expires ? { waivedUntil: f.waiver.expires } : {}),
    })),
  };
}

/** "3 findings (1 blocker, 2 high) in 2 files" — shared by the human-readable formats. */
export function countBySeverity(reports: FileReport[]): { total: number; parts: string[] } {
  const counts = new Map<Severity, number>();
  let total = 0;
  for (const r of reports)
    for (const f of r.findings) {
      total++;
      counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
    }
  const order: Severity[] = ['blocker', 'high', 'medium', 'low', 'info'];
  return { total, parts: order.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s}`) };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
