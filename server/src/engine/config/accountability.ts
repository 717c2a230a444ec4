// After the engine: the ledger of accepted risks and the baseline, applied to one file's
// result; expired ledger entries as findings on the ledger file; the stale-data notice.
// Shared by the CLI and the language server. Pure: paths and the clock are arguments.
import { currentEdition, editionLabel, expectedFiscalYear, isStale, type FcsEdition } from '../contexts/fcsList';
import { META_RULES } from '../meta/metaRules';
import type { BaselineMatcher } from '../suppress/baseline';
import { applyLedger, expiredEntries, type Ledger } from '../suppress/ledger';
import type { Finding, LintResult } from '../types';
import { dirname, relative } from './paths';
import type { ResolvedConfig } from './resolve';

export function applyAccountability(result: LintResult, file: string, config: ResolvedConfig, now: Date, baseline?: { matcher: BaselineMatcher; dir: string }): LintResult {
  let findings = result.findings;
  const suppressed = [...(result.suppressed ?? [])];
  if (config.ledger) {
    const r = applyLedger(findings, config.ledger, relative(dirname(config.ledger.file), file), now);
    findings = r.kept;
    suppressed.push(...r.suppressed);
  }
  if (baseline) {
    const r = baseline.matcher.apply(relative(baseline.dir, file), findings);
    findings = r.kept;
    suppressed.push(...r.suppressed);
  }
  return { ...result, findings, suppressed };
}

/** Findings on the ledger file: one per expired entry, at its `expires` value. */
export function ledgerFindings(ledger: Ledger, now: Date): Finding[] {
  const m = META_RULES['LEDGER-EXPIRED']!;
  return expiredEntries(ledger, now).map((e) => ({
    ruleId: m.id,
    title: m.title,
    severity: m.severity,
    baseSeverity: m.severity,
    status: 'open',
    message: `The accepted risk for ${e.rule} in ${e.files.join(', ')} (owner ${e.owner}, approved by ${e.approver}${e.ticket ? `, ${e.ticket}` : ''}) expired on ${e.expires}; its findings are reported again.`,
    pointer: `/accepted/${e.index}/expires`,
    range: e.expiresRange,
    prompts: m.prompts,
    mitigations: [],
    basis: [],
    cases: [],
    docsPath: `docs/rules/${m.id}.md`,
  }));
}

/** The once-per-run (CLI) or once-per-session (editor) notice when the embedded list is stale. */
export function staleDataNotice(now: Date, edition: FcsEdition = currentEdition()): string | undefined {
  if (!isStale(edition, now)) return undefined;
  const fy = expectedFiscalYear(now);
  return `The embedded ${editionLabel(edition)} list is out of date: the World Bank publishes a new list every July, so FY${String(fy).slice(-2)} is expected by now. Findings use ${edition.edition}; update fcs-lint, and check changed countries with \`fcs-lint contexts --changes\`.`;
}
