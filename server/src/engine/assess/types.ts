// The Assessment: everything the "Assess feature" report shows, as plain data. One builder
// makes it (buildAssessment); the Markdown, HTML and JSON renderers and the VS Code webview
// only present it.
import type { FindingStatus, Range, Severity } from '../types';
import type { Score, Tier } from './scoring';

/** Where something is in the spec: a JSON pointer and its 0-based range. */
export interface SpecLocation {
  pointer: string;
  range: Range;
}

export interface LanguageCoverage {
  /** Languages the market's users speak. */
  needed: string[];
  covered: string[];
  missing: string[];
  /** Share of needed languages covered, 0–1 (1 when none are listed). */
  ratio: number;
}

export interface ContextCard {
  code: string;
  alpha3: string;
  name: string;
  known: boolean;
  category: 'conflict' | 'fragility' | 'none';
  categoryLabel: string;
  /** Where the category comes from: list, organisation, spec-override, organisation-subnational. */
  categorySource: string;
  categoryReason: string | null;
  listedCategory: 'conflict' | 'fragility' | 'none';
  edition: string;
  editionLabel: string;
  sourceUrl: string;
  subnational: string[];
  override: { category: string | null; reason: string | null; date: string | null } | null;
  riskSignals: string[];
  upcomingEvents: { type: string; date: string; note: string | null; daysAway: number | null }[];
  languages: { ui: LanguageCoverage; moderation: LanguageCoverage; grievance: LanguageCoverage };
  setting: string | null;
  connectivity: { shutdownHistory: boolean; lowBandwidth: boolean | null };
  sanctions: string | null;
  authorityRisk: string | null;
  location: SpecLocation;
}

export interface EngagementRecord {
  /** The record's id, or E1, E2, … when details are redacted. */
  id: string;
  stakeholderType: string | null;
  represents: string[];
  stage: string | null;
  /** Present only with --include-engagements. */
  details?: {
    country: string | null;
    setting: string | null;
    date: string | null;
    method: string | null;
    sideOrCommunity: string | null;
    organisationName: string | null;
    participantNames: string[];
    safetyPrecautions: string[];
    findingsRef: string | null;
    changed: string[];
    reportedBack: string | null;
  };
  location: SpecLocation;
}

export interface EngagementCoverage {
  total: number;
  redacted: boolean;
  stages: { stage: string; count: number; groups: string[]; reached: boolean; current: boolean; gap: boolean }[];
  groupsInScope: string[];
  groupsRepresented: string[];
  /** At-risk groups in scope that no engagement represents. */
  groupsMissing: string[];
  /** FCS markets without an engagement record in them (redacted: counts only). */
  marketsWithout: string[];
  gaps: string[];
  records: EngagementRecord[];
}

export type CellStatus = 'suggested' | 'confirmed' | 'dismissed';

export interface CellEntry {
  /** `spec` for a harms[] row, `seed` for a suggestion from the seed matrix. */
  source: 'spec' | 'seed';
  rowId: string | null;
  status: CellStatus;
  fn: string | null;
  mechanism: string | null;
  dismissalReason: string | null;
  causeType: string | null;
  score: Score | null;
  location: SpecLocation;
}

export interface CellMitigation {
  id: string;
  description: string | null;
  flagKey: string | null;
  status: string | null;
  type: string | null;
  /** False when the id is not defined under mitigations:. */
  defined: boolean;
}

export interface MatrixCell {
  key: string;
  group: string;
  harm: string;
  status: CellStatus;
  entries: CellEntry[];
  functions: string[];
  mechanisms: string[];
  /** The highest-priority score among the cell's (not dismissed) rows. */
  score: Score | null;
  tier: Tier | null;
  stakeholders: { affected: string[]; misusers: string[]; dutyBearers: string[]; engaged: string[] };
  conflictInteraction: string[];
  mitigations: CellMitigation[];
  residual: string | null;
  acceptedBy: string[];
  dismissalReasons: string[];
  /** 1-based rank in priority order. */
  rank: number;
  location: SpecLocation;
}

export interface Matrix {
  /** Row order: user groups in scope first (spec order), then others that have cells. */
  groups: { id: string; label: string; inScope: boolean; atRisk: boolean }[];
  /** Column order: harm types that have at least one cell (taxonomy order). */
  harms: { id: string; label: string }[];
  /** Every cell, in priority order. */
  cells: MatrixCell[];
  counts: { cells: number; confirmed: number; suggested: number; dismissed: number; unscored: number };
}

export interface AssessFinding {
  ruleId: string;
  title: string;
  severity: Severity;
  baseSeverity: Severity;
  status: FindingStatus;
  message: string;
  prompts: string[];
  answer: { answer: string; by: string | null; date: string | null } | null;
  waiver: { reason: string; approver: string; expires: string } | null;
  dataEdition: string | null;
  docsPath: string | null;
  location: SpecLocation;
}

export interface Lever {
  kind: 'kill_switch' | 'crisis_lever' | 'lockdown_mode' | 'location_switch' | 'mitigation';
  label: string;
  flagKey: string | null;
  location: SpecLocation;
}

export interface Levers {
  killSwitch: {
    flagKey: string | null;
    scope: string[];
    owner: string | null;
    lastTested: string | null;
    daysSinceTested: number | null;
    timeToDisableMinutes: number | null;
    runbook: string | null;
    modelRollback: string | null;
    location: SpecLocation;
  } | null;
  levers: Lever[];
  /** Mitigations grouped by who acts (consequence scan): Act, Influence, Monitor, Unclassified. */
  consequenceScan: { bucket: 'act' | 'influence' | 'monitor' | 'unclassified'; mitigations: CellMitigation[] }[];
}

export interface EarlyWarning {
  signals: string[];
  reviewCadenceDays: number | null;
  lastReview: string | null;
  nextReview: string | null;
  overdue: boolean;
  heightenedMonitoringPlan: string | null;
  exitPlanRef: string | null;
  /** Trigger events in all markets within the next 365 days, soonest first. */
  upcomingEvents: { market: string; type: string; date: string; daysAway: number }[];
  location: SpecLocation;
}

export interface Governance {
  signoffs: { role: string; by: string; date: string | null }[];
  missingSignoffs: string[];
  waivers: { rule: string; reason: string; approver: string; expires: string; expired: boolean; location: SpecLocation }[];
}

export interface Assessment {
  format: 'fcs-lint.assessment';
  version: 1;
  generatedAt: string;
  file: string;
  parseFailed: boolean;
  feature: { id: string | null; name: string | null; summary: string | null; owner: string | null; stage: string; functions: string[]; location: SpecLocation };
  data: { edition: string; label: string; sourceUrl: string; published: string; retrieved: string; stale: boolean };
  summary: string;
  markets: ContextCard[];
  engagement: EngagementCoverage;
  matrix: Matrix;
  findings: AssessFinding[];
  findingCounts: { open: number; acknowledged: number; waived: number };
  levers: Levers;
  earlyWarning: EarlyWarning;
  governance: Governance;
  /** Top-level sections given in the spec, and the ones the assessment would use but are missing. */
  coverage: { provided: string[]; missing: string[] };
}
