// The one report builder: spec text + LintEnvironment → Assessment. Pure: the clock, the
// checklists, the country data and the organisation's knowledge come in through the
// environment; nothing is read or written here.
import specSchema from '../../../../schemas/fcs-spec.schema.json';
import { editionLabel, isStale } from '../contexts/fcsList';
import { resolveMarket } from '../contexts/markets';
import { lintDocument, type LintEnvironment } from '../lint';
import { normalise, type ModelObject } from '../model/normalise';
import type { JsonSchema } from '../model/schemaCheck';
import { parseYamlSource, toData, type YamlSource } from '../parse/yamlSource';
import { contextCards } from './context';
import { engagementCoverage, engagementIdMap, redactFindings } from './engagement';
import { buildMatrix } from './matrix';
import { locator, obj, objs, str, strs } from './model';
import { assessFindings, earlyWarning, governance, levers } from './sections';
import { summaryLine } from './summary';
import type { Assessment } from './types';

export interface AssessOptions {
  /** Include engagement details (organisation, dates, methods, …). Off by default. */
  includeEngagements?: boolean;
  /** The file name to show in the report (defaults to the uri's last segment). */
  file?: string;
}

/** Sections the assessment reads; missing ones are listed in the report's coverage note. */
export const ASSESSED_SECTIONS = ['feature', 'markets', 'user_groups', 'data', 'conflict_analysis', 'engagements', 'harms', 'mitigations', 'moderation', 'grievance', 'kill_switch', 'lifecycle', 'signoffs'];

export function buildAssessment(uri: string, text: string, env: LintEnvironment, options: AssessOptions = {}): Assessment {
  const redact = !options.includeEngagements;
  const lint = lintDocument(uri, text, env, 'spec');
  let src: YamlSource | null = null;
  let data: unknown = {};
  if (!lint.parseFailed) {
    src = parseYamlSource(text);
    try {
      data = toData(src.doc);
    } catch {
      data = {};
    }
  }
  const spec = normalise(data, specSchema as JsonSchema) as ModelObject;
  const at = locator(src);
  const feature = obj(spec['feature']);
  const functions = strs(feature['functions']);
  const stage = str(feature['lifecycle_stage']) ?? 'design';
  const groups = objs(spec['user_groups']).map((g) => str(g['id'])).filter((g): g is string => !!g);
  const markets = objs(spec['markets']).map((m, i) => resolveMarket(m, i, env.edition, env.orgMarkets));
  const cards = contextCards(spec, markets, env.edition, env.orgMarkets, env.now, at);
  const engagement = engagementCoverage(spec, groups, markets, stage, redact, at);
  const matrix = buildMatrix(spec, functions, groups, engagementIdMap(spec, redact), at);
  const findings = assessFindings(redact ? redactFindings(lint.findings, spec) : lint.findings);
  const rawKeys = data && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data) : [];
  const ruleCount = env.checklists.reduce((n, c) => n + c.rules.length, 0);
  const findingCounts = {
    open: findings.filter((f) => f.status === 'open').length,
    acknowledged: findings.filter((f) => f.status === 'acknowledged').length,
    waived: findings.filter((f) => f.status === 'waived').length,
  };
  const stale = isStale(env.edition, env.now);
  const assessment: Assessment = {
    format: 'fcs-lint.assessment',
    version: 1,
    generatedAt: env.now.toISOString(),
    file: options.file ?? decodeURIComponent(uri.replace(/[?#].*$/, '').split('/').pop() ?? uri),
    parseFailed: lint.parseFailed,
    feature: {
      id: str(feature['id']),
      name: str(feature['name']),
      summary: str(feature['summary']),
      owner: str(feature['owner']),
      stage,
      functions,
      location: at('/feature'),
    },
    data: {
      edition: env.edition.edition,
      label: editionLabel(env.edition),
      sourceUrl: env.edition.sourceUrl,
      published: env.edition.published,
      retrieved: env.edition.retrieved,
      stale,
    },
    summary: '',
    markets: cards,
    engagement,
    matrix,
    findings,
    findingCounts,
    levers: levers(spec, env.now, at),
    earlyWarning: earlyWarning(spec, cards, env.now, at),
    governance: governance(spec, env.now, at),
    coverage: { provided: rawKeys, missing: ASSESSED_SECTIONS.filter((s) => !rawKeys.includes(s)) },
  };
  assessment.summary = summaryLine(assessment, ruleCount);
  return assessment;
}
