// The output formats: name → pure function of the reports. Add a format with one row.
import { formatJson } from './json';
import type { FileReport } from './report';
import { formatStylish } from './stylish';

export interface ReportContext {
  color: boolean;
  /** e.g. "World Bank FCS FY26". */
  edition: string;
}

export interface Reporter {
  name: string;
  render(reports: FileReport[], ctx: ReportContext): string;
}

export const REPORTERS = [
  { name: 'stylish', render: (r, c) => formatStylish(r, { color: c.color, edition: c.edition }) },
  { name: 'json', render: (r) => formatJson(r) },
] as const satisfies readonly Reporter[];

export type FormatName = (typeof REPORTERS)[number]['name'];
export const FORMAT_NAMES: readonly FormatName[] = REPORTERS.map((r) => r.name);

export function reporterFor(name: FormatName): Reporter {
  return REPORTERS.find((r) => r.name === name)!;
}
