// The output formats: name → pure function of the reports. Add a format with one row.
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatMarkdown } from './markdown';
import type { FileReport, ReportContext } from './report';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export type { ReportContext } from './report';

export interface Reporter {
  name: string;
  /** One line for --help. */
  summary: string;
  render(reports: FileReport[], ctx: ReportContext): string;
}

export const REPORTERS = [
  { name: 'stylish', summary: 'human-readable, path:line:col severity message RULE (default)', render: (r, c) => formatStylish(r, { color: c.color, edition: c.edition, stage: c.stage }) },
  { name: 'json', summary: 'the findings as JSON, one entry per file', render: (r) => formatJson(r) },
  { name: 'sarif', summary: 'SARIF 2.1.0 for GitHub code scanning and SARIF viewers', render: formatSarif },
  { name: 'junit', summary: 'JUnit XML for CI test reports', render: formatJunit },
  { name: 'github', summary: 'GitHub Actions annotations (::error file=…::message)', render: formatGithub },
  { name: 'markdown', summary: 'a Markdown summary for pull-request comments', render: formatMarkdown },
] as const satisfies readonly Reporter[];

export type FormatName = (typeof REPORTERS)[number]['name'];
export const FORMAT_NAMES: readonly FormatName[] = REPORTERS.map((r) => r.name);

export function reporterFor(name: FormatName): Reporter {
  return REPORTERS.find((r) => r.name === name)!;
}
