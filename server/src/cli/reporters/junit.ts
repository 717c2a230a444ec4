// JUnit XML for CI test reports: one <testsuite> per file, one <testcase> per finding
// (a <failure> when open, <skipped> when acknowledged or waived), and one passing
// <testcase> for a file without findings so it shows up as checked.
import { plural, type FileReport, type ReportContext } from './report';

/** Escape text for XML and drop characters XML 1.0 cannot hold. */
export function xmlEscape(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function formatJunit(reports: FileReport[], ctx: ReportContext): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  const suites: string[] = [];
  for (const r of reports) {
    const cases: string[] = [];
    let sFail = 0;
    let sSkip = 0;
    if (r.findings.length === 0) {
      cases.push(`    <testcase classname="${xmlEscape(r.filePath)}" name="fcs-lint" file="${xmlEscape(r.filePath)}"/>`);
    }
    for (const f of r.findings) {
      const name = `${f.ruleId} ${f.line}:${f.column}${f.pointer ? ` ${f.pointer}` : ''}`;
      const head = `    <testcase classname="${xmlEscape(r.filePath)}" name="${xmlEscape(name)}" file="${xmlEscape(r.filePath)}" line="${f.line}">`;
      const body = [
        `${f.severity}: ${f.message}`,
        `at ${r.filePath}:${f.line}:${f.column}${f.pointer ? ` (${f.pointer})` : ''}`,
        ...(f.prompts.length ? ['', 'Due-diligence questions:', ...f.prompts.map((p) => `- ${p}`)] : []),
      ].join('\n');
      if (f.status === 'open') {
        sFail++;
        cases.push(`${head}\n      <failure type="${xmlEscape(f.ruleId)}" message="${xmlEscape(`${f.severity}: ${f.message}`)}">${xmlEscape(body)}</failure>\n    </testcase>`);
      } else {
        sSkip++;
        cases.push(`${head}\n      <skipped message="${xmlEscape(`${f.status}: ${f.message}`)}"/>\n    </testcase>`);
      }
    }
    const n = Math.max(1, r.findings.length);
    tests += n;
    failures += sFail;
    skipped += sSkip;
    suites.push(`  <testsuite name="${xmlEscape(r.filePath)}" tests="${n}" failures="${sFail}" errors="0" skipped="${sSkip}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  out.push(`<testsuites name="fcs-lint" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`);
  out.push(`  <!-- ${xmlEscape(`fcs-lint ${ctx.toolVersion}: ${plural(reports.length, 'file')} checked with ${ctx.edition}${ctx.stage ? `, as if at stage ${ctx.stage}` : ''}`).replace(/--/g, '- -')} -->`);
  out.push(...suites);
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
