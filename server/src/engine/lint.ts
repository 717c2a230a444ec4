// The engine's entry point: text in, findings out. No I/O: the clock, the checklists and the
// organisation's knowledge come in through the LintEnvironment. The CLI, the language server
// and the tests all call lintDocument.
import { sortFindings } from './util/sortFindings';
import specSchema from '../../../schemas/fcs-spec.schema.json';
import { builtinChecklists } from './checklist/builtin';
import { setCelClock } from './checklist/cel';
import { activeRules } from './checklist/activeRules';
import { budgetMessage, evaluateRules, type RuleHit, type TimeBudget } from './checklist/evaluate';
import type { CompiledRule, LoadedChecklist } from './checklist/loadChecklist';
import { findCountry, suggestCountry } from './contexts/countries';
import { currentEdition, editionLabel, type FcsEdition } from './contexts/fcsList';
import { resolveMarket, type OrgMarkets } from './contexts/markets';
import { applyDueDiligence, isExpired, readDueDiligence, waiverPointer } from './dd/applyDueDiligence';
import { deriveFacts } from './facts/deriveFacts';
import { META_RULES } from './meta/metaRules';
import { normalise, type ModelObject, type ModelValue } from './model/normalise';
import { DerivedMemo } from './util/derivedMemo';
import { checkSchema, compileSchema, type JsonSchema } from './model/schemaCheck';
import { detectKind } from './documentKind';
import { joinPointer, locatePointer, parseYamlSource, sourceData, toData, type RangePart, type YamlParser, type YamlSource } from './parse/yamlSource';
import { severityRank, type DocumentKind, type Finding, type LintResult, type Pointer, type Range, type Severity } from './types';
import { quote } from './util/quote';
import { earlyWarnings, type EarlyWarningSettings } from './meta/earlyWarning';
import { yamlDirectives } from './suppress/directives';
import { findingFingerprint } from './suppress/fingerprint';
import { applyInline, type InlineMode } from './suppress/inline';
import { lintFlagDocument } from './formats/lintFlags';
import { specFlagLinks } from './formats/specLinks';
import type { WorkspaceIndex } from './workspace/index';
import type { Facts } from './facts/deriveFacts';
import type { Directive } from './suppress/directives';
import { lintMarkdownDocument } from './markdown/lintMarkdown';
import { PRD_RULES } from './markdown/rules';

export interface RuleSetting {
  severity?: Severity;
  off?: boolean;
  /** Raise the severity to at least this level (fcs:strict); escalations above it stay. */
  atLeast?: Severity;
}

export interface LintEnvironment {
  now: Date;
  checklists: LoadedChecklist[];
  /** Thresholds (checklist defaults merged with configuration). */
  options: Record<string, number>;
  orgMarkets: OrgMarkets;
  edition: FcsEdition;
  /** Per-rule severity changes or `off` (configuration). */
  ruleSettings: Map<string, RuleSetting>;
  /** Evaluate as if the features were at this lifecycle stage (CLI --stage). */
  stage?: string;
  /** Inline fcs-lint-disable-next-line directives: apply them (default) or audit (report what they suppress). */
  inlineSuppressions?: InlineMode;
  /** Re-review window and dated organisation signals (EW-REVIEW); from configuration. */
  earlyWarning?: EarlyWarningSettings;
  /** Summaries of the workspace's specs and flag files; enables the cross-file flag checks. */
  workspace?: WorkspaceIndex;
  /** Time budget for one document's rules (CLI and server set one); past it, a CHECKLIST-BUDGET finding says what was not evaluated. */
  budget?: TimeBudget;
  /**
   * How YAML and JSON text becomes a syntax tree (default: parseYamlSource). The server passes
   * an incremental parser that reuses the previous version's tree after a small edit; the CLI a
   * cache so indexing and linting parse each file once. It must return what parseYamlSource
   * would for the same text.
   */
  parseYaml?: YamlParser;
  /**
   * Remember per-item rule results from one lint to the next (checklist/itemMemo). Pays off
   * when the same document is linted again and again as it is typed (the server); a batch of
   * different files (the CLI) would only fill the memory.
   */
  rememberItemResults?: boolean;
  /**
   * Give spec findings their baseline fingerprints (default false: only a baseline reads them;
   * the CLI asks when a run reads or writes one).
   */
  fingerprints?: boolean;
}

/** Models of the unchanged parts of documents being typed (with rememberItemResults; see DerivedMemo). */
const specModels = new DerivedMemo<ModelValue>();

export type { YamlParser };

export interface EnvironmentInput {
  now?: Date;
  extraChecklists?: LoadedChecklist[];
  options?: Record<string, number>;
  orgMarkets?: OrgMarkets;
  ruleSettings?: Map<string, RuleSetting>;
  stage?: string;
  edition?: FcsEdition;
  inlineSuppressions?: InlineMode;
  earlyWarning?: EarlyWarningSettings;
}

export function createLintEnvironment(input: EnvironmentInput = {}): LintEnvironment {
  const checklists = [...builtinChecklists(), ...(input.extraChecklists ?? [])];
  const options: Record<string, number> = {};
  for (const c of checklists) Object.assign(options, c.options);
  Object.assign(options, input.options ?? {});
  return {
    now: input.now ?? new Date(),
    checklists,
    options,
    orgMarkets: input.orgMarkets ?? {},
    edition: input.edition ?? currentEdition(),
    ruleSettings: input.ruleSettings ?? new Map(),
    stage: input.stage,
    inlineSuppressions: input.inlineSuppressions,
    earlyWarning: input.earlyWarning,
  };
}

const knownIdsCache = new WeakMap<LoadedChecklist[], Set<string>>();

/** Every rule id known in this environment (checklist rules and engine rules). Read-only: shared per checklist set. */
export function knownRuleIds(env: LintEnvironment): Set<string> {
  let ids = knownIdsCache.get(env.checklists);
  if (!ids) {
    ids = new Set([...Object.keys(META_RULES), ...Object.keys(PRD_RULES)]);
    for (const c of env.checklists) for (const r of c.rules) ids.add(r.id);
    knownIdsCache.set(env.checklists, ids);
  }
  return ids;
}

export function findRule(env: LintEnvironment, id: string): CompiledRule | undefined {
  for (const c of env.checklists) {
    const r = c.rules.find((x) => x.id === id);
    if (r) return r;
  }
  return undefined;
}

/** Texts longer than this (in UTF-16 code units, ~4 MB) are not parsed. */
export const MAX_TEXT_LENGTH = 4 * 1024 * 1024;

export function lintDocument(uri: string, rawText: string, env: LintEnvironment, kind: DocumentKind = detectKind(uri, rawText.slice(0, 65536))): LintResult {
  // Editors do not count a byte-order mark as a column; neither do we.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const guard = guardInput(uri, text, env);
  if (guard) return { uri, kind, findings: guard, parseFailed: true };
  if (kind === 'flags') return lintFlagDocument(uri, text, env, (src) => new FindingSink(src, env));
  if (kind === 'markdown') return lintMarkdownDocument(uri, text, env, { lintSpecSource, knownRuleIds });
  if (kind !== 'spec') return { uri, kind, findings: [], parseFailed: false };
  return lintSpecSource(uri, text, (env.parseYaml ?? parseYamlSource)(text), env, kind).result;
}

/** What a document that embeds a spec (Markdown front matter) adds to the spec pipeline. */
export interface SpecSourceHooks {
  /** Change the parsed data before it is checked (defaults, sections found by heading). */
  augment?(data: ModelObject): ModelObject;
  /** A range for a pointer that has no node in the source (parts filled by augment). */
  locate?(pointer: Pointer): Range | undefined;
  /** Findings of the host document, given the model, with its answers and waivers already applied (the host knows their aliases); inline suppressions apply to them like the rest. */
  extraFindings?(ctx: { spec: ModelObject; facts: Facts }): Finding[];
  /** Inline directives of the host document (default: YAML comments of `text`). */
  directives?: Directive[];
}

export interface SpecLintOutput {
  result: LintResult;
  spec?: ModelObject;
  facts?: Facts;
}

/** The spec pipeline over a parsed YAML source: schema, markets, facts, checklists, answers, suppressions. */
export function lintSpecSource(uri: string, text: string, src: YamlSource, env: LintEnvironment, kind: DocumentKind, hooks: SpecSourceHooks = {}): SpecLintOutput {
  const out = new FindingSink(src, env, hooks.locate);
  if (src.errors.length > 0) {
    for (const e of src.errors) out.raw('SPEC-PARSE', `YAML syntax error: ${e.message}`, e.range, '');
    return { result: { uri, kind, findings: out.done(), parseFailed: true } };
  }
  let data: unknown;
  try {
    // `augment` may change the data: then it gets its own copy, else the source's shared one.
    data = hooks.augment ? toData(src.doc) : sourceData(src);
  } catch (e) {
    out.meta('SPEC-PARSE', `The YAML cannot be expanded: ${(e as Error).message}`, '', 'key');
    return { result: { uri, kind, findings: out.done(), parseFailed: true } };
  }
  if (hooks.augment) data = hooks.augment(data && typeof data === 'object' && !Array.isArray(data) ? (data as ModelObject) : {});
  if (src.docs.length > 1) out.meta('SPEC-MULTIDOC', `This file holds ${src.docs.length} YAML documents; only the first is checked.`, '', 'key', 1);
  checkSpecSchema(data, out);
  const spec = normalise(data, specSchema as JsonSchema, 0, env.rememberItemResults ? specModels : undefined) as ModelObject;
  const marketModels = Array.isArray(spec['markets']) ? (spec['markets'] as ModelObject[]) : [];
  const markets = marketModels.map((m, i) => resolveMarket(m, i, env.edition, env.orgMarkets));
  checkCountries(marketModels, markets, out);
  const rawKeys = data && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data) : [];
  const facts = deriveFacts(spec, markets, rawKeys, env.edition.edition);
  setCelClock(env.now);
  const rules = activeRules(env.checklists, env.ruleSettings, 'spec');
  const { hits, errors, stopped } = evaluateRules(rules, { spec, facts, markets, options: env.options, stage: env.stage, collections: env.workspace ? { flag_links: specFlagLinks(spec, markets, env.workspace, uri) } : undefined }, env.budget, env.rememberItemResults);
  for (const h of hits) out.hit(h);
  if (stopped) out.meta('CHECKLIST-BUDGET', budgetMessage(stopped), '', 'key');
  for (const e of errors) out.meta('CHECKLIST-EVAL', `${e.rule.id} could not be evaluated: ${e.message}`, e.pointer, 'key');
  const dd = readDueDiligence(spec);
  const known = knownRuleIds(env);
  for (const [rule] of dd.answers) {
    if (!known.has(rule)) out.meta('DD-UNKNOWN-RULE', `dd_answers names ${rule}, which no checklist defines.`, joinPointer('/dd_answers', rule), 'key');
  }
  for (const w of dd.waivers) {
    if (!known.has(w.rule)) out.meta('DD-UNKNOWN-RULE', `A waiver names ${w.rule}, which no checklist defines.`, waiverPointer(w) + '/rule', 'value');
    else if (isExpired(w.expires, env.now))
      out.meta('DD-WAIVER-EXPIRED', `The waiver for ${w.rule} approved by ${w.approver} expired on ${w.expires}; the finding it covered is open again.`, waiverPointer(w) + '/expires', 'value');
  }
  if (env.earlyWarning) for (const w of earlyWarnings(markets, marketModels, env.orgMarkets, env.earlyWarning, env.now)) out.meta('EW-REVIEW', w.message, w.pointer, 'value');
  // Extra findings (e.g. from Markdown prose) come with their answers and waivers applied.
  const extra = hooks.extraFindings?.({ spec, facts }) ?? [];
  const findings = [...applyDueDiligence(out.done(), dd, env.now), ...extra];
  if (env.fingerprints) for (const f of findings) f.fingerprint ??= findingFingerprint(f, data);
  // Suppressions come last: inline directives (a finding of their own when unused or unexplained).
  const inline = applyInline(findings, hooks.directives ?? yamlDirectives(text), env.inlineSuppressions ?? 'apply', known);
  const late = new FindingSink(src, env);
  for (const p of inline.problems) late.raw(p.ruleId, p.message, p.range, '');
  return { result: { uri, kind, findings: sortFindings([...inline.findings, ...late.done()]), suppressed: inline.suppressed, parseFailed: false }, spec, facts };
}

/** Refuse input that cannot be a text document or would stall the linter: one clear finding. */
function guardInput(uri: string, text: string, env: LintEnvironment): Finding[] | undefined {
  const tooLarge = text.length > MAX_TEXT_LENGTH;
  const binary = !tooLarge && text.slice(0, 65536).includes('\u0000');
  if (!tooLarge && !binary) return undefined;
  const out = new FindingSink(parseYamlSource(''), env);
  const start = { line: 0, character: 0 };
  const nl = text.indexOf('\n');
  const firstLine = nl < 0 ? text.length : nl;
  const range = { start, end: { line: 0, character: Math.min(firstLine, 80) } };
  if (tooLarge) out.raw('FILE-TOO-LARGE', `Not checked: ${uri.split('/').pop()} is ${(text.length / 1048576).toFixed(1)} MB; the limit is ${MAX_TEXT_LENGTH / 1048576} MB.`, range, '');
  else out.raw('FILE-BINARY', 'Not checked: the file contains NUL bytes, so it is not a text file.', range, '');
  return out.done();
}

function checkSpecSchema(data: unknown, out: FindingSink): void {
  for (const p of checkSchema(compileSchema(specSchema as JsonSchema), data)) {
    out.meta('SPEC-SCHEMA', p.message, p.pointer, p.part, 0, p.suggestion);
  }
}

function checkCountries(models: ModelObject[], markets: ReturnType<typeof resolveMarket>[], out: FindingSink): void {
  markets.forEach((m, i) => {
    const at = joinPointer('/markets', i, 'country');
    if (!m.code) return; // missing or mistyped: the schema check reports it
    if (!m.known) {
      const s = suggestCountry(m.code);
      out.meta('SPEC-COUNTRY', `Unknown country code ${quote(m.code)}.` + (s ? ` Did you mean ${s.alpha3} (${s.name})?` : ' Use an ISO 3166-1 alpha-3 or alpha-2 code.'), at, 'value', 0, s?.alpha3);
      return;
    }
    const subs = models[i]?.['subnational'];
    if (Array.isArray(subs)) {
      subs.forEach((sub, j) => {
        if (typeof sub !== 'string') return;
        const prefix = sub.slice(0, 2).toUpperCase();
        if (findCountry(prefix)?.alpha3 !== m.alpha3) {
          out.meta('SPEC-COUNTRY', `Region ${quote(sub)} is not in ${m.name}: ISO 3166-2 codes for it start with ${m.alpha2}-.`, joinPointer('/markets', i, 'subnational', j), 'value');
        }
      });
    }
  });
}


/** Collects findings and resolves their pointers to ranges against the parsed source. */
class FindingSink {
  private readonly findings: Finding[] = [];
  constructor(
    private readonly src: YamlSource,
    private readonly env: LintEnvironment,
    /** Ranges for pointers the source lacks (Markdown: parts filled from headings). */
    private readonly locateMissing?: (pointer: Pointer) => Range | undefined,
  ) {}

  private severityFor(id: string, s: Severity): Severity {
    const setting = this.env.ruleSettings.get(id);
    const chosen = setting?.severity ?? s;
    return setting?.atLeast && severityRank(setting.atLeast) > severityRank(chosen) ? setting.atLeast : chosen;
  }

  raw(id: string, message: string, range: Range, pointer: Pointer, suggestion?: string): void {
    const m = META_RULES[id];
    if (!m || this.env.ruleSettings.get(id)?.off) return;
    const severity = this.severityFor(id, m.severity);
    this.findings.push({
      ruleId: id,
      title: m.title,
      severity,
      baseSeverity: severity,
      status: 'open',
      message,
      pointer,
      range,
      prompts: m.prompts,
      mitigations: [],
      basis: [],
      cases: [],
      docsPath: `docs/rules/${id}.md`,
      ...(suggestion !== undefined ? { suggestion } : {}),
    });
  }

  meta(id: string, message: string, pointer: Pointer, part: RangePart, docIndex = 0, suggestion?: string): void {
    const loc = locatePointer(this.src, pointer, part, docIndex);
    const range = loc.exact ? loc.range : (this.locateMissing?.(pointer) ?? loc.range);
    this.raw(id, message, range, pointer, suggestion);
  }

  hit(h: RuleHit): void {
    const doc = h.docIndex ?? 0;
    // The first candidate pointer that exists in the source (else the first one, via its closest ancestor).
    let exactPointer: Pointer | undefined;
    let loc: ReturnType<typeof locatePointer> | undefined;
    for (const p of h.pointers) {
      const l = locatePointer(this.src, p, 'auto', doc);
      if (l.exact) {
        loc = l;
        exactPointer = p;
        break;
      }
    }
    loc ??= locatePointer(this.src, h.pointers[0] ?? '', 'auto', doc);
    const severity = this.severityFor(h.rule.id, h.severity);
    const edition = h.rule.usesCountryData ? editionLabel(this.env.edition) : undefined;
    this.findings.push({
      ruleId: h.rule.id,
      title: h.rule.title,
      severity,
      baseSeverity: severity,
      status: 'open',
      message: edition ? `${h.message} (${edition})` : h.message,
      pointer: loc.exact ? (exactPointer ?? loc.pointer) : (h.pointers[0] ?? ''),
      range: loc.exact ? loc.range : (h.pointers.map((p) => this.locateMissing?.(p)).find((r) => r !== undefined) ?? loc.range),
      prompts: h.rule.prompts,
      mitigations: h.rule.mitigations,
      basis: h.rule.basis,
      cases: h.rule.cases,
      dataEdition: edition,
      docsPath: `docs/rules/${h.rule.id}.md`,
    });
  }

  done(): Finding[] {
    return this.findings;
  }
}
