// Evaluate compiled rules over one document's model and facts. Pure: the same inputs always
// give the same findings, in rule order, then item order.
import { joinPointer } from '../parse/yamlSource';
import { severityRank, stageIndex, type Pointer, type Severity } from '../types';
import { toCelValue } from './cel';
import type { CompiledRule } from './loadChecklist';
import type { ModelObject, ModelValue } from '../model/normalise';
import type { ResolvedMarket } from '../contexts/markets';
import type { Facts } from '../facts/deriveFacts';

export interface RuleHit {
  rule: CompiledRule;
  severity: Severity;
  message: string;
  /** Candidate pointers, best first; the first that exists in the source is used. */
  pointers: Pointer[];
}

export interface RuleError {
  rule: CompiledRule;
  pointer: Pointer;
  message: string;
}

interface Collection {
  pointer: Pointer;
  alias: string;
  items: (spec: ModelObject, markets: ResolvedMarket[]) => ModelValue[];
}

const listAt = (...path: string[]) => (spec: ModelObject): ModelValue[] => {
  let v: ModelValue | undefined = spec;
  for (const p of path) v = v && typeof v === 'object' && !Array.isArray(v) ? (v as ModelObject)[p] : undefined;
  return Array.isArray(v) ? v : [];
};

/** The collections a rule can iterate, where they live, and the name each item is bound to. */
export const COLLECTIONS: Record<string, Collection> = {
  markets: {
    pointer: '/markets',
    alias: 'market',
    items: (spec, markets) =>
      listAt('markets')(spec).map((m, i) => ({ ...(m as ModelObject), ...(markets[i] as unknown as ModelObject) })),
  },
  data: { pointer: '/data', alias: 'datum', items: listAt('data') },
  engagements: { pointer: '/engagements', alias: 'engagement', items: listAt('engagements') },
  harms: { pointer: '/harms', alias: 'harm', items: listAt('harms') },
  mitigations: { pointer: '/mitigations', alias: 'mitigation', items: listAt('mitigations') },
  user_groups: { pointer: '/user_groups', alias: 'group', items: listAt('user_groups') },
  escalation_contacts: { pointer: '/escalation_contacts', alias: 'contact', items: listAt('escalation_contacts') },
  crisis_levers: { pointer: '/capabilities/ranking/crisis_levers', alias: 'lever', items: listAt('capabilities', 'ranking', 'crisis_levers') },
  ml_evaluations: { pointer: '/capabilities/ml/evaluations', alias: 'evaluation', items: listAt('capabilities', 'ml', 'evaluations') },
  dd_waivers: { pointer: '/dd_waivers', alias: 'waiver', items: listAt('dd_waivers') },
};

export interface EvaluationInput {
  spec: ModelObject;
  facts: Facts;
  markets: ResolvedMarket[];
  options: Record<string, number>;
  /** Evaluate as if the feature were at this stage (CLI --stage); defaults to the spec's own. */
  stage?: string;
}

export function evaluateRules(rules: readonly CompiledRule[], input: EvaluationInput): { hits: RuleHit[]; errors: RuleError[] } {
  const hits: RuleHit[] = [];
  const errors: RuleError[] = [];
  const stageAt = input.stage ? Math.max(0, stageIndex(input.stage)) : input.facts.stage_index;
  const base: Record<string, unknown> = {
    spec: toCelValue(input.spec),
    facts: toCelValue({ ...input.facts, stage_index: stageAt, stage: input.stage ?? input.facts.stage }),
    options: toCelValue(input.options),
  };
  const cache = new Map<string, unknown[]>();
  for (const rule of rules) {
    if (stageIndex(rule.stage) > stageAt) continue;
    if (rule.applies === 'fcs' && !input.facts.in_fcs) continue;
    if (!rule.forEach) {
      runOne(rule, base, '', hits, errors);
      continue;
    }
    const coll = COLLECTIONS[rule.forEach];
    if (!coll) continue;
    let items = cache.get(rule.forEach);
    if (!items) {
      items = coll.items(input.spec, input.markets).map((x) => toCelValue(x));
      cache.set(rule.forEach, items);
    }
    items.forEach((item, i) => {
      const ctx = { ...base, item, [coll.alias]: item, index: BigInt(i) };
      runOne(rule, ctx, joinPointer(coll.pointer, i), hits, errors);
    });
  }
  return { hits, errors };
}

function runOne(rule: CompiledRule, ctx: Record<string, unknown>, itemPointer: Pointer, hits: RuleHit[], errors: RuleError[]): void {
  let fired: unknown;
  try {
    fired = rule.when(ctx);
  } catch (e) {
    errors.push({ rule, pointer: itemPointer, message: (e as Error).message.split('\n')[0] ?? 'error' });
    return;
  }
  if (fired !== true) {
    if (fired !== false) errors.push({ rule, pointer: itemPointer, message: `condition gave ${typeof fired}, not a boolean` });
    return;
  }
  let severity = rule.severity;
  for (const e of rule.escalate) {
    try {
      if (e.test(ctx) === true && severityRank(e.to) > severityRank(severity)) severity = e.to;
    } catch {
      // An escalation that cannot be evaluated leaves the severity as it is.
    }
  }
  const pointers = rule.at.length
    ? rule.at.map((a) => (a.startsWith('/') ? a : itemPointer + '/' + a))
    : [itemPointer];
  hits.push({ rule, severity, message: rule.message(ctx), pointers });
}
