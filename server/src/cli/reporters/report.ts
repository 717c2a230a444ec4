// The CLI's view of results: 1-based positions, severity as a word, paths relative to cwd.
import type { Finding, LintResult } from '../../engine/types';

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
}

export interface FileReport {
  filePath: string;
  findings: ReportedFinding[];
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
    })),
  };
}
