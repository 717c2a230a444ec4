// Shared engine types. Positions are 0-based (LSP convention); the CLI converts to 1-based.

export const SEVERITIES = ['blocker', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const LIFECYCLE_STAGES = [
  'ideation',
  'design',
  'development',
  'pilot',
  'deployment',
  'operation',
  'crisis',
  'exit',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A JSON pointer (RFC 6901) into the document's data, e.g. `/markets/0/country`. */
export type Pointer = string;

/** How a finding stands after due-diligence answers and waivers were applied. */
export type FindingStatus = 'open' | 'acknowledged' | 'waived';

/** Why a finding is suppressed: an inline comment, a ledger entry of accepted risks, or a baseline. */
export interface FindingSuppression {
  kind: 'inline' | 'ledger' | 'baseline';
  reason?: string;
  owner?: string;
  approver?: string;
  expires?: string;
  ticket?: string;
}

export interface FindingAnswer {
  answer: string;
  by?: string;
  date?: string;
  mitigations: string[];
}

export interface FindingWaiver {
  reason: string;
  approver: string;
  expires: string;
  ticket?: string;
}

export interface Finding {
  ruleId: string;
  title: string;
  severity: Severity;
  /** Severity before answers or waivers lowered it. */
  baseSeverity: Severity;
  status: FindingStatus;
  message: string;
  pointer: Pointer;
  range: Range;
  prompts: string[];
  mitigations: string[];
  basis: string[];
  cases: string[];
  /** The country-data edition the finding relied on, e.g. "World Bank FCS FY26". */
  dataEdition?: string;
  answer?: FindingAnswer;
  waiver?: FindingWaiver;
  /** Documentation page of the rule, relative to the package root (docs/rules/ID.md). */
  docsPath?: string;
  /** A replacement for the text at `range` the user probably meant ("did you mean"). */
  suggestion?: string;
  /** Set when the finding is suppressed (only reported in audit runs, e.g. --no-inline-suppressions). */
  suppression?: FindingSuppression;
  /** File-independent part of the baseline fingerprint: rule, structural path, normalised content. */
  fingerprint?: string;
}

export interface LintResult {
  uri: string;
  kind: DocumentKind;
  findings: Finding[];
  /** Findings an inline directive suppressed (left out of `findings`; kept for audits and counts). */
  suppressed?: Finding[];
  /** True when the document could not be parsed well enough to run the checklist. */
  parseFailed: boolean;
}

/** 'flags': a feature-flag file in a supported format (flagd, Flipt, GO Feature Flag, Unleash, LaunchDarkly). */
/** `markdown`: a PRD or RFC (fcs: front matter or a configured glob; see engine/markdown/). */
export type DocumentKind = 'spec' | 'flags' | 'markdown' | 'unknown';

export function severityRank(s: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(s);
}

export function stageIndex(s: string | null | undefined): number {
  const i = LIFECYCLE_STAGES.indexOf((s ?? '') as LifecycleStage);
  return i;
}

export function isSeverity(s: unknown): s is Severity {
  return typeof s === 'string' && (SEVERITIES as readonly string[]).includes(s);
}
