import type { FileReport } from './report';

export function formatJson(reports: FileReport[]): string {
  return JSON.stringify(reports, null, 2) + '\n';
}
