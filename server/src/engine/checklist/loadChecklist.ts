// Load a checklist file (YAML text): parse with positions, validate against the checklist
// schema, and compile every CEL expression and message template once. Problems are reported
// with the checklist file's own line and column; a broken rule is skipped, never guessed at.
import checklistSchema from '../../../../schemas/fcs-checklist.schema.json';
import { locatePointer, parseYamlSource, toData, joinPointer, type YamlSource } from '../parse/yamlSource';
import { checkSchema, compileSchema, type JsonSchema } from '../model/schemaCheck';
import { compileCel, compileCelLazily, type CelProgram } from './cel';
import { compileTemplate, compileTemplateLazily, type Template } from './template';
import type { LifecycleStage, Range, Severity } from '../types';

export interface CompiledRule {
  id: string;
  title: string;
  category: string;
  severity: Severity;
  escalate: { test: CelProgram; to: Severity; source: string }[];
  stage: LifecycleStage;
  applies: 'fcs' | 'all';
  /** What the rule reads: a spec (default) or a flag file's flag model. */
  target: 'spec' | 'flags';
  forEach?: string;
  when: CelProgram;
  whenSource: string;
  /** Candidate places, best first; an entry with a test is only tried when the test holds. */
  at: { pointer: string; test?: CelProgram }[];
  message: Template;
  prompts: string[];
  mitigations: string[];
  basis: string[];
  cases: string[];
  why?: string;
  /** True when the rule reads the FCS categories, so its findings name the list edition. */
  usesCountryData: boolean;
  checklist: string;
}

export interface ChecklistProblem {
  file: string;
  range: Range;
  message: string;
}

export interface LoadedChecklist {
  id: string;
  version: number;
  title: string;
  file: string;
  options: Record<string, number>;
  rules: CompiledRule[];
  problems: ChecklistProblem[];
}

interface RawRule {
  id: string;
  title: string;
  category?: string;
  severity: Severity;
  escalate?: { if: string; to: Severity }[];
  stage: LifecycleStage;
  applies?: 'fcs' | 'all';
  target?: 'spec' | 'flags';
  for_each?: string;
  when: string;
  at?: string | (string | { pointer: string; if: string })[];
  message: string;
  prompts: string[];
  mitigations?: string[];
  basis?: string[];
  cases?: string[];
  why?: string;
}

interface RawChecklist {
  checklist: string;
  version: number;
  title?: string;
  options?: Record<string, number>;
  rules: RawRule[];
}

// Words that show a rule reads the FCS list (its findings then name the edition). A data item's
// `category` (datum.category) is not country data.
const COUNTRY_DATA_WORDS = /\b(in_fcs|in_conflict|fcs_markets|conflict_markets|listed_category|category_label|category_source|fcs_reach|conflict_reach|high_authority_markets)\b|\b(market|r|reach|place|exposure|row)\.category\b/;

/**
 * `preParsed`: the text's data as the build parsed it (built-in checklists), which saves the
 * YAML parse; the text is then parsed only if a problem needs a position. `trusted`: the
 * checklist is one the build embedded and the tests load eagerly (test/unit/rules/catalogue):
 * skip the schema check and compile expressions and messages on first use, for a faster start.
 */
export function loadChecklist(file: string, text: string, preParsed?: unknown, trusted = false): LoadedChecklist {
  let parsed: YamlSource | undefined;
  const source = (): YamlSource => (parsed ??= parseYamlSource(text));
  const problems: ChecklistProblem[] = [];
  const at = (pointer: string, part: 'key' | 'value' | 'auto' = 'auto'): Range => locatePointer(source(), pointer, part).range;
  const empty: LoadedChecklist = { id: file, version: 0, title: file, file, options: {}, rules: [], problems };
  let data: unknown = preParsed;
  if (preParsed === undefined) {
    const src = source();
    for (const e of src.errors) problems.push({ file, range: e.range, message: `YAML: ${e.message}` });
    if (src.errors.length) return empty;
    try {
      data = toData(src.doc);
    } catch (e) {
      problems.push({ file, range: at(''), message: `YAML: ${(e as Error).message}` });
      return empty;
    }
  }
  const schemaProblems = trusted ? [] : checkSchema(compileSchema(checklistSchema as JsonSchema), data);
  const badRules = new Set<number>();
  for (const p of schemaProblems) {
    const m = /^\/rules\/(\d+)/.exec(p.pointer);
    if (m) badRules.add(Number(m[1]));
    problems.push({ file, range: at(p.pointer, p.part), message: p.message });
  }
  if (!data || typeof data !== 'object' || !Array.isArray((data as RawChecklist).rules)) return empty;
  const raw = data as RawChecklist;
  if (schemaProblems.some((p) => !p.pointer.startsWith('/rules/'))) return { ...empty, id: String(raw.checklist ?? file) };
  const rules: CompiledRule[] = [];
  const seen = new Map<string, number>();
  raw.rules.forEach((r, i) => {
    if (badRules.has(i)) return;
    const base = joinPointer('/rules', i);
    if (seen.has(r.id)) {
      problems.push({ file, range: at(`${base}/id`), message: `Duplicate rule id ${r.id} (first defined in rule ${seen.get(r.id)! + 1}).` });
      return;
    }
    seen.set(r.id, i);
    const compiled = compileRule(r, raw.checklist, at, base, file, problems, trusted);
    if (compiled) rules.push(compiled);
  });
  return { id: raw.checklist, version: raw.version, title: raw.title ?? raw.checklist, file, options: raw.options ?? {}, rules, problems };
}

function compileRule(r: RawRule, checklist: string, at: (pointer: string, part?: 'key' | 'value' | 'auto') => Range, base: string, file: string, problems: ChecklistProblem[], lazy: boolean): CompiledRule | undefined {
  let ok = true;
  const cel = (expr: string, pointer: string): CelProgram => {
    if (lazy) return compileCelLazily(expr);
    try {
      return compileCel(expr);
    } catch (e) {
      ok = false;
      problems.push({ file, range: at(pointer, 'value'), message: `${r.id}: invalid CEL expression: ${firstLine((e as Error).message)}` });
      return () => false;
    }
  };
  const when = cel(r.when, `${base}/when`);
  const escalate = (r.escalate ?? []).map((e, j) => ({ test: cel(e.if, `${base}/escalate/${j}/if`), to: e.to, source: e.if }));
  let message: Template = () => r.message;
  try {
    message = lazy ? compileTemplateLazily(r.message) : compileTemplate(r.message);
  } catch (e) {
    ok = false;
    problems.push({ file, range: at(`${base}/message`, 'value'), message: `${r.id}: invalid message template: ${firstLine((e as Error).message)}` });
  }
  if (!ok) return undefined;
  const texts = [r.when, r.message, ...(r.escalate ?? []).map((e) => e.if)].join(' ');
  return {
    id: r.id,
    title: r.title,
    category: r.category ?? 'custom',
    severity: r.severity,
    escalate,
    stage: r.stage,
    applies: r.applies ?? 'all',
    target: r.target ?? 'spec',
    forEach: r.for_each,
    when,
    whenSource: r.when,
    at: (r.at === undefined ? [] : Array.isArray(r.at) ? r.at : [r.at]).map((a, j) =>
      typeof a === 'string' ? { pointer: a } : { pointer: a.pointer, test: cel(a.if, `${base}/at/${j}/if`) },
    ),
    message,
    prompts: r.prompts,
    mitigations: r.mitigations ?? [],
    basis: r.basis ?? [],
    cases: r.cases ?? [],
    why: r.why,
    usesCountryData: r.applies === 'fcs' || r.target === 'flags' || COUNTRY_DATA_WORDS.test(texts) || (r.for_each === 'markets' && /\bitem\.category\b/.test(texts)),
    checklist,
  };
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
