// Lint a flag file: read it (format detected from content), build the flag facts and run the
// `target: flags` checklist rules. Findings land on the exact flag, rule, clause or variant node
// of the right YAML document. lint.ts dispatches here for DocumentKind 'flags'.
import type { RuleHit } from '../checklist/evaluate';
import { activeRules } from '../checklist/activeRules';
import { budgetMessage, evaluateRules } from '../checklist/evaluate';
import { sortFindings } from '../util/sortFindings';
import { setCelClock } from '../checklist/cel';
import type { LintEnvironment } from '../lint';
import type { RangePart, YamlSource } from '../parse/yamlSource';
import type { Finding, LintResult, Pointer, Range } from '../types';
import { buildFlagFacts } from './flagFacts';
import { readFlagFile } from './readFlags';

/** The part of lint.ts's FindingSink this module uses. */
export interface FlagFindingSink {
  raw(id: string, message: string, range: Range, pointer: Pointer): void;
  meta(id: string, message: string, pointer: Pointer, part: RangePart, docIndex?: number): void;
  hit(h: RuleHit): void;
  done(): Finding[];
}

export function lintFlagDocument(uri: string, text: string, env: LintEnvironment, makeSink: (src: YamlSource) => FlagFindingSink): LintResult {
  const read = readFlagFile(text, env.now, env.parseYaml);
  // Not a flag file after all (only its prefix looked like one): leave it alone.
  if (!read.file) return { uri, kind: 'unknown', findings: [], parseFailed: false };
  const out = makeSink(read.src);
  for (const e of read.src.errors) out.raw('SPEC-PARSE', `YAML/JSON syntax error: ${e.message}`, e.range, '');
  const { facts, collections } = buildFlagFacts(uri, read.file, env);
  setCelClock(env.now);
  const rules = activeRules(env.checklists, env.ruleSettings, 'flags');
  const { hits, errors, stopped } = evaluateRules(rules, { target: 'flags', facts, options: env.options, collections }, env.budget, env.rememberItemResults);
  for (const h of hits) out.hit(h);
  if (stopped) out.meta('CHECKLIST-BUDGET', budgetMessage(stopped), '', 'key', 0);
  for (const e of errors) out.meta('CHECKLIST-EVAL', `${e.rule.id} could not be evaluated: ${e.message}`, e.pointer, 'key', e.docIndex ?? 0);
  const findings = out.done();
  return { uri, kind: 'flags', findings: sortFindings(findings), parseFailed: false };
}
