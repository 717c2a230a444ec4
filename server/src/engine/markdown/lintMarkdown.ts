// Lint a Markdown product document (PRD, RFC):
//  1. the `fcs:` block of the front matter runs through the spec pipeline (same schema, same
//     checklist, same answers and waivers) with exact positions in the .md file;
//  2. recognised headings fill parts of the spec model (sections.ts), so prose counts;
//  3. capabilities inferred from the prose raise PRD-* findings on the words that mention them.
// lint.ts hands in its spec pipeline (no import cycle: this module imports only types from it).
import { sortFindings } from '../util/sortFindings';
import type { LintEnvironment, SpecLintOutput, SpecSourceHooks } from '../lint';
import type { YamlSource } from '../parse/yamlSource';
import { applyDueDiligence, readDueDiligence, type DueDiligence } from '../dd/applyDueDiligence';
import type { Facts } from '../facts/deriveFacts';
import { META_RULES } from '../meta/metaRules';
import type { ModelObject } from '../model/normalise';
import { locatePointer } from '../parse/yamlSource';
import { markdownDirectives, yamlDirectives } from '../suppress/directives';
import { hash } from '../suppress/fingerprint';
import { applyInline } from '../suppress/inline';
import { severityRank, type Finding, type LintResult, type Range, type Severity } from '../types';
import { CAPABILITIES } from './capabilities';
import { foldString } from './fold';
import { parseMarkdownDocument, rangeAt, type MarkdownDocument } from './document';
import { readFcsBlock, type FcsBlock } from './frontMatter';
import { inferCapabilities, type CapabilityMention } from './infer';
import { PRD_RULES, PRD_SECTION_RULE } from './rules';
import { recogniseSections, sectionFill, type RecognisedSection } from './sections';

export interface MarkdownEngine {
  lintSpecSource(uri: string, text: string, src: YamlSource, env: LintEnvironment, kind: 'markdown', hooks: SpecSourceHooks): SpecLintOutput;
  knownRuleIds(env: LintEnvironment): Set<string>;
}

/** Blocks whose sections are about due diligence already: mentions there are not inferred. */
const INFER_INSIDE = new Set(['data', 'markets']);

export function lintMarkdownDocument(uri: string, text: string, env: LintEnvironment, engine: MarkdownEngine): LintResult {
  const doc = parseMarkdownDocument(text);
  const sections = recogniseSections(doc);
  const quiet = sections.filter((s) => s.def.role === 'skip' || !INFER_INSIDE.has(s.def.block ?? ''));
  const skip = (o: number) => quiet.some((s) => o >= s.heading.headingStart && o < s.heading.end);
  const mentions = inferCapabilities(doc, skip);
  const fcs = doc.frontMatter ? readFcsBlock(text, doc.frontMatter) : undefined;
  // HTML comments in the Markdown, YAML comments in the front matter.
  const fm = doc.frontMatter;
  const directives = [...markdownDirectives(text), ...(fm ? yamlDirectives(text, fm.contentStart, fm.contentEnd) : [])];

  if (fcs?.source && fcs.errors.length === 0) {
    const source = fcs.source;
    const fill = sectionFill(doc, sections);
    const out = engine.lintSpecSource(uri, text, source, env, 'markdown', {
      augment: (data) => fill.augment(withDefaults(data, fcs, doc, uri)),
      locate: fill.locate,
      directives,
      extraFindings: ({ spec, facts }) => {
        const declared = (p: string) => locatePointer(source, p).exact;
        const live = mentions.filter((m) => !(m.capability.specField && declared(m.capability.specField)));
        return [...capabilityFindings(doc, live, env, facts, readDueDiligence(spec)), ...sectionFindings(doc, sections, env)];
      },
    });
    if (!out.result.parseFailed) return out.result;
    // The fcs: block does not parse: report that, and the prose findings as advisory.
    return finish(uri, env, engine, directives, [...out.result.findings, ...capabilityFindings(doc, mentions, env), ...sectionFindings(doc, sections, env)], true);
  }
  const parseErrors = fcs ? parseErrorFindings(fcs, env) : [];
  const findings = [...parseErrors, ...capabilityFindings(doc, mentions, env), ...sectionFindings(doc, sections, env)];
  return finish(uri, env, engine, directives, findings, parseErrors.length > 0);
}

function finish(uri: string, env: LintEnvironment, engine: MarkdownEngine, directives: ReturnType<typeof markdownDirectives>, findings: Finding[], parseFailed: boolean): LintResult {
  const inline = applyInline(findings, directives, env.inlineSuppressions ?? 'apply', engine.knownRuleIds(env));
  const problems = inline.problems.map((p) => metaFinding(p.ruleId, p.message, p.range, env)).filter((f): f is Finding => !!f);
  return { uri, kind: 'markdown', findings: sortFindings([...inline.findings, ...problems]), suppressed: inline.suppressed, parseFailed };
}


function severityFor(env: LintEnvironment, id: string, s: Severity): Severity {
  const setting = env.ruleSettings.get(id);
  const chosen = setting?.severity ?? s;
  return setting?.atLeast && severityRank(setting.atLeast) > severityRank(chosen) ? setting.atLeast : chosen;
}

function metaFinding(id: string, message: string, range: Range, env: LintEnvironment): Finding | undefined {
  const m = META_RULES[id];
  if (!m || env.ruleSettings.get(id)?.off) return undefined;
  const severity = severityFor(env, id, m.severity);
  return { ruleId: id, title: m.title, severity, baseSeverity: severity, status: 'open', message, pointer: '', range, prompts: m.prompts, mitigations: [], basis: [], cases: [], docsPath: `docs/rules/${id}.md` };
}

function parseErrorFindings(fcs: FcsBlock, env: LintEnvironment): Finding[] {
  return fcs.errors
    .map((e) => metaFinding('SPEC-PARSE', `YAML syntax error in the front matter: ${e.message}`, e.range, env))
    .filter((f): f is Finding => !!f);
}

const slug = (s: string) =>
  foldString(s)
    .replace(/[^a-z0-9._ -]/g, '')
    .trim()
    .replace(/ /g, '-')
    .replace(/^[^a-z0-9]+/, '') || 'prd';

/** Front matter in a PRD need not repeat what the document says: spec_version, feature.id and feature.name get defaults. */
function withDefaults(data: ModelObject, fcs: FcsBlock, doc: MarkdownDocument, uri: string): ModelObject {
  const out: ModelObject = { ...data };
  if (out['spec_version'] === undefined) out['spec_version'] = 1;
  const feature = out['feature'] && typeof out['feature'] === 'object' && !Array.isArray(out['feature']) ? { ...(out['feature'] as ModelObject) } : out['feature'] === undefined ? {} : undefined;
  if (!feature) return out; // a wrong type: the schema check reports it
  const h1 = doc.sections.find((s) => s.depth === 1)?.title;
  const file = uri.replace(/[?#].*$/, '').split('/').pop()?.replace(/\.(md|markdown)$/i, '') ?? 'prd';
  const name = fcs.title ?? h1 ?? file;
  if (feature['id'] === undefined) feature['id'] = slug(fcs.id ?? fcs.title ?? file);
  if (feature['name'] === undefined) feature['name'] = name;
  out['feature'] = feature;
  return out;
}

/** An answer to a related catalogue rule acknowledges the PRD finding too. */
function withAliases(dd: DueDiligence): DueDiligence {
  const answers = new Map(dd.answers);
  for (const def of Object.values(PRD_RULES)) {
    if (answers.has(def.id)) continue;
    const cap = CAP_BY_RULE.get(def.id);
    const alias = cap?.related.find((r) => answers.has(r));
    if (alias) answers.set(def.id, answers.get(alias)!);
  }
  return { ...dd, answers };
}

const CAP_BY_RULE = new Map(CAPABILITIES.map((c) => [c.rule, c]));

function capabilityFindings(doc: MarkdownDocument, mentions: CapabilityMention[], env: LintEnvironment, facts?: Facts, dd?: DueDiligence): Finding[] {
  const firstLine = new Map<string, number>();
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  for (const m of mentions) {
    const def = m.capability;
    if (env.ruleSettings.get(def.rule)?.off) continue;
    const range = rangeAt(doc, m.start, m.end);
    const base: Severity = facts?.in_conflict && def.conflictSeverity ? def.conflictSeverity : facts?.in_fcs ? def.severity : 'low';
    const first = firstLine.get(def.rule);
    if (first === undefined) firstLine.set(def.rule, range.start.line);
    const severity = severityFor(env, def.rule, first === undefined ? base : 'info');
    const where = def.specField ?? '/feature/functions';
    const context = !facts
      ? 'No fcs: block in the front matter declares markets; if the feature reaches fragile or conflict-affected settings, these questions apply.'
      : facts.in_fcs
        ? `The feature reaches ${facts.fcs_markets.join(', ')}, on the FCS list.`
        : 'No declared market is on the FCS list (which is not the same as safe).';
    const again = first === undefined ? '' : ` Also mentioned on line ${first + 1}; the questions are asked there.`;
    const words = m.words.replace(/\s+/g, ' ');
    const n = (seen.get(def.rule + words) ?? 0) + 1;
    seen.set(def.rule + words, n);
    out.push({
      ruleId: def.rule,
      title: def.title,
      severity,
      baseSeverity: severity,
      status: 'open',
      message: `"${words}" suggests ${def.capability} (${def.fn}). ${context} Answer under dd_answers.${def.rule} or describe it at ${where.slice(1).replace(/\//g, '.')} in the fcs: block (see ${def.related.join(', ')}).${again}`,
      pointer: where,
      range,
      prompts: def.prompts,
      mitigations: PRD_RULES[def.rule]!.mitigations,
      basis: def.basis,
      cases: def.cases,
      docsPath: `docs/rules/${def.rule}.md`,
      fingerprint: hash(`${def.rule}|${foldString(words)}|${n}`),
    });
  }
  return dd ? applyDueDiligence(out, withAliases(dd), env.now) : out;
}

function sectionFindings(doc: MarkdownDocument, sections: RecognisedSection[], env: LintEnvironment): Finding[] {
  if (env.ruleSettings.get(PRD_SECTION_RULE.id)?.off) return [];
  const out: Finding[] = [];
  const done = new Set<number>();
  for (const s of sections) {
    if (s.def.role !== 'block' || s.hasContent || done.has(s.heading.headingStart)) continue;
    done.add(s.heading.headingStart);
    const severity = severityFor(env, PRD_SECTION_RULE.id, PRD_SECTION_RULE.severity);
    out.push({
      ruleId: PRD_SECTION_RULE.id,
      title: PRD_SECTION_RULE.title,
      severity,
      baseSeverity: severity,
      status: 'open',
      message: `The section "${s.heading.title}" is recognised as ${s.def.name} but has no content yet, so it does not count as addressing ${s.def.block}.`,
      pointer: '/' + s.def.block,
      range: rangeAt(doc, s.heading.textStart, s.heading.textEnd),
      prompts: PRD_SECTION_RULE.prompts,
      mitigations: PRD_SECTION_RULE.mitigations,
      basis: [],
      cases: [],
      docsPath: `docs/rules/${PRD_SECTION_RULE.id}.md`,
      fingerprint: hash(`${PRD_SECTION_RULE.id}|${s.heading.anchor}`),
    });
  }
  return out;
}
