// Evaluate compiled rules over one document's model and facts. Pure: the same inputs always
// give the same findings, in rule order, then item order.
import { joinPointer } from '../parse/yamlSource';
import { severityRank, stageIndex, type Pointer, type Severity } from '../types';
import { celClock, celGuard, toCelValue, type CelProgram } from './cel';
import { ItemMemo, type ItemOutcome } from './itemMemo';
import { DerivedMemo } from '../util/derivedMemo';
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
  /** The YAML document of a multi-document stream the pointers refer to. */
  docIndex?: number;
}

export interface RuleError {
  rule: CompiledRule;
  pointer: Pointer;
  message: string;
  docIndex?: number;
}

interface Collection {
  /** Which document kind the collection belongs to (rules with `target: flags` use flag collections). */
  target: RuleTarget;
  pointer: Pointer;
  alias: string;
  items: (input: EvaluationInput) => unknown[];
  /** Where an item is in the source, when items carry their own place (flag collections). */
  place?: (item: Record<string, unknown>) => { pointer: Pointer; doc: number };
  /** The items as CEL values, taken from the converted spec when the collection is a list in it. */
  celItems?: (celSpec: unknown) => unknown[];
  /** Further names bound per item (e.g. `flag` for an exposure). */
  bind?: (item: Record<string, unknown>) => Record<string, unknown>;
}

export type RuleTarget = 'spec' | 'flags';

const listAt = (...path: string[]) => (input: EvaluationInput): ModelValue[] => {
  let v: ModelValue | undefined = input.target === 'flags' ? undefined : input.spec;
  for (const p of path) v = v && typeof v === 'object' && !Array.isArray(v) ? (v as ModelObject)[p] : undefined;
  return Array.isArray(v) ? v : [];
};

/** The same list in the converted spec (`spec` of the evaluation context), already CEL values. */
const celListAt = (...path: string[]) => (celSpec: unknown): unknown[] => {
  let v: unknown = celSpec;
  for (const p of path) v = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[p] : undefined;
  return Array.isArray(v) ? v : [];
};

const extra = (name: string) => (input: EvaluationInput): unknown[] => input.collections?.[name] ?? [];
const ownPlace = (item: Record<string, unknown>) => ({ pointer: typeof item['pointer'] === 'string' ? item['pointer'] : '', doc: typeof item['doc'] === 'number' ? item['doc'] : 0 });
const withFlag = (item: Record<string, unknown>) => ({ flag: item['flag'] });

/** The collections a rule can iterate, where they live, and the name each item is bound to. */
export const COLLECTIONS: Record<string, Collection> = {
  markets: {
    target: 'spec',
    pointer: '/markets',
    alias: 'market',
    items: (input) =>
      listAt('markets')(input).map((m, i) => Object.assign({}, m as ModelObject, (input.target === 'flags' ? [] : input.markets)[i] as unknown as ModelObject)),
  },
  data: { target: 'spec', pointer: '/data', alias: 'datum', items: listAt('data'), celItems: celListAt('data') },
  engagements: { target: 'spec', pointer: '/engagements', alias: 'engagement', items: listAt('engagements'), celItems: celListAt('engagements') },
  harms: { target: 'spec', pointer: '/harms', alias: 'harm', items: listAt('harms'), celItems: celListAt('harms') },
  mitigations: { target: 'spec', pointer: '/mitigations', alias: 'mitigation', items: listAt('mitigations'), celItems: celListAt('mitigations') },
  user_groups: { target: 'spec', pointer: '/user_groups', alias: 'group', items: listAt('user_groups'), celItems: celListAt('user_groups') },
  escalation_contacts: { target: 'spec', pointer: '/escalation_contacts', alias: 'contact', items: listAt('escalation_contacts'), celItems: celListAt('escalation_contacts') },
  crisis_levers: { target: 'spec', pointer: '/capabilities/ranking/crisis_levers', alias: 'lever', items: listAt('capabilities', 'ranking', 'crisis_levers'), celItems: celListAt('capabilities', 'ranking', 'crisis_levers') },
  ml_evaluations: { target: 'spec', pointer: '/capabilities/ml/evaluations', alias: 'evaluation', items: listAt('capabilities', 'ml', 'evaluations'), celItems: celListAt('capabilities', 'ml', 'evaluations') },
  dd_waivers: { target: 'spec', pointer: '/dd_waivers', alias: 'waiver', items: listAt('dd_waivers'), celItems: celListAt('dd_waivers') },
  // A spec's flag keys (kill_switch, mitigations) resolved against the workspace's flag files.
  flag_links: { target: 'spec', pointer: '', alias: 'link', items: extra('flag_links'), place: ownPlace },
  // Flag files (rules with `target: flags`); see server/checklists/fcs-flags.yaml for the fields.
  flags: { target: 'flags', pointer: '', alias: 'flag', items: extra('flags'), place: ownPlace },
  flag_rules: { target: 'flags', pointer: '', alias: 'rule', items: extra('flag_rules'), place: ownPlace, bind: withFlag },
  flag_exposures: { target: 'flags', pointer: '', alias: 'exposure', items: extra('flag_exposures'), place: ownPlace, bind: withFlag },
  flag_conditions: { target: 'flags', pointer: '', alias: 'condition', items: extra('flag_conditions'), place: ownPlace, bind: withFlag },
  flag_unevaluated: { target: 'flags', pointer: '', alias: 'problem', items: extra('flag_unevaluated'), place: ownPlace, bind: withFlag },
};

export interface SpecEvaluationInput {
  target?: 'spec';
  spec: ModelObject;
  facts: Facts;
  markets: ResolvedMarket[];
  options: Record<string, number>;
  /** Evaluate as if the feature were at this stage (CLI --stage); defaults to the spec's own. */
  stage?: string;
  /** Collections computed outside the spec (flag_links, from the workspace index). */
  collections?: Record<string, Record<string, unknown>[]>;
}

/** Input for rules with `target: flags`: file facts and the flag collections. */
export interface FlagEvaluationInput {
  target: 'flags';
  facts: Record<string, unknown> & { in_fcs: boolean };
  options: Record<string, number>;
  collections: Record<string, Record<string, unknown>[]>;
}

export type EvaluationInput = SpecEvaluationInput | FlagEvaluationInput;

/** One collection of one document: its items, converted once, with their contexts and places. */
interface PreparedCollection {
  /** The evaluation context of item i, built on first use (a remembered result needs none). */
  context: (i: number) => Record<string, unknown>;
  size: number;
  places: { pointer: Pointer; doc: number }[];
  /** Each item's content as a key for remembered results (computed on first use; undefined: not keyable). */
  keys?: (string | undefined)[];
  raw: unknown[];
}

/** A time budget for one document's rules; the clock is injected (the engine reads none itself). */
export interface TimeBudget {
  ms: number;
  clock: () => number;
}

/** Where evaluation stopped when the budget ran out. */
export interface BudgetStop {
  ruleId: string;
  evaluated: number;
  total: number;
  ms: number;
}

export function budgetMessage(s: BudgetStop): string {
  return `Checking stopped after ${s.ms} ms: ${s.evaluated - 1} of ${s.total} rules were evaluated, the rest (from ${s.ruleId}) were not. Split the file, or report it if it is small.`;
}

export function evaluateRules(
  rules: readonly CompiledRule[],
  input: EvaluationInput,
  budget?: TimeBudget,
  /** Remember per-item results across calls (an editor re-checking one document as it is typed). */
  remember = false,
): { hits: RuleHit[]; errors: RuleError[]; stopped?: BudgetStop } {
  const hits: RuleHit[] = [];
  const errors: RuleError[] = [];
  const started = budget?.clock() ?? 0;
  let evaluated = 0;
  const target: RuleTarget = input.target ?? 'spec';
  let base: Record<string, unknown>;
  let stageAt = Infinity;
  // A document being typed keeps the CEL values of its unchanged parts (see DerivedMemo).
  const converted = remember ? celValues : undefined;
  if (input.target === 'flags') {
    base = { facts: toCelValue(input.facts), options: toCelValue(input.options) };
  } else {
    stageAt = input.stage ? Math.max(0, stageIndex(input.stage)) : input.facts.stage_index;
    base = {
      spec: toCelValue(input.spec, 0, converted),
      facts: toCelValue({ ...input.facts, stage_index: stageAt, stage: input.stage ?? input.facts.stage }),
      options: toCelValue(input.options),
    };
  }
  // Items are built and converted once per collection, not once per rule; so are their
  // evaluation contexts (the evaluator only reads them).
  const cache = new Map<string, PreparedCollection>();
  // Per-item results are remembered across evaluations (typing changes one item of many); the
  // key holds everything such a rule may read besides its item: facts, options and the clock.
  let baseKey: string | undefined;
  let clockedKey: string | undefined;
  for (const rule of rules) {
    if (budget && budget.clock() - started > budget.ms) {
      return { hits, errors, stopped: { ruleId: rule.id, evaluated, total: rules.length, ms: budget.ms } };
    }
    evaluated++;
    if ((rule.target ?? 'spec') !== target) continue;
    // For flag files the stage is informative: the linked spec's stage is read in `when`.
    if (target === 'spec' && stageIndex(rule.stage) > stageAt) continue;
    if (rule.applies === 'fcs' && !input.facts.in_fcs) continue;
    if (!rule.forEach) {
      runOne(rule, base, '', hits, errors);
      continue;
    }
    const coll = COLLECTIONS[rule.forEach];
    if (!coll || coll.target !== target) continue;
    let prepared = cache.get(rule.forEach);
    if (!prepared) {
      prepared = prepareCollection(coll, input, base, converted);
      cache.set(rule.forEach, prepared);
    }
    const { context, size, places } = prepared;
    if (size === 0) continue;
    // A part of the condition that reads no item and is false makes the rule false for every item.
    const guard = guardFor(rule, coll);
    if (guard && guardFalse(guard, base)) continue;
    const memo = remember ? ItemMemo.for(rule) : undefined;
    if (memo) {
      const key = memo.readsClock ? (clockedKey ??= contextKey(input, stageAt, true)) : (baseKey ??= contextKey(input, stageAt, false));
      if (key !== undefined) memo.useContext(key);
      prepared.keys ??= prepared.raw.map(rememberedItemKey);
    }
    const keyed = !!memo && (memo.readsClock ? clockedKey : baseKey) !== undefined;
    for (let i = 0; i < size; i++) {
      const key = keyed ? prepared.keys?.[i] : undefined;
      let outcome = key !== undefined ? memo!.get(key) : undefined;
      if (!outcome) {
        outcome = outcomeOf(rule, context(i));
        if (key !== undefined) memo!.set(key, outcome);
      }
      record(rule, outcome, places[i]!.pointer, hits, errors, places[i]!.doc);
    }
  }
  return { hits, errors };
}

/** What rules of a collection may read besides the item, as one string (undefined: not keyable). */
function contextKey(input: EvaluationInput, stageAt: number, withClock: boolean): string | undefined {
  try {
    const facts = input.target === 'flags' ? input.facts : { ...input.facts, stage_index: stageAt, stage: input.stage ?? input.facts.stage };
    return JSON.stringify([withClock ? celClock() : 0, facts, input.options]);
  } catch {
    return undefined;
  }
}

/** Values converted for CEL and items' keys, by the model object they came from (see DerivedMemo). */
const celValues = new DerivedMemo<unknown>();
const itemKeys = new DerivedMemo<string | undefined>();

function rememberedItemKey(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object') return itemKey(item);
  const known = itemKeys.get(item, undefined, 0);
  return known !== undefined ? known : itemKeys.set(item, undefined, 0, itemKey(item));
}

function itemKey(item: unknown): string | undefined {
  try {
    return JSON.stringify(item);
  } catch {
    return undefined;
  }
}

function prepareCollection(coll: Collection, input: EvaluationInput, base: Record<string, unknown>, memo: DerivedMemo<unknown> | undefined): PreparedCollection {
  const raw = coll.items(input);
  // A list of the spec was converted with the spec: toCelValue(raw[i]) is that element.
  const converted = coll.celItems && input.target !== 'flags' ? coll.celItems(base['spec']) : undefined;
  const contexts: (Record<string, unknown> | undefined)[] = new Array(raw.length);
  const context = (i: number): Record<string, unknown> => {
    let c = contexts[i];
    if (!c) {
      const item = converted && converted.length === raw.length ? converted[i] : toCelValue(raw[i], 0, memo);
      // Object.assign, not a literal with spreads: V8 builds `{ ...a, ...b, k: v }` through a
      // slow runtime path (about 2 µs here against 0.1 µs), and contexts are built per item.
      c = Object.assign({}, base);
      if (coll.bind) Object.assign(c, coll.bind(item as Record<string, unknown>));
      c['item'] = item;
      c[coll.alias] = item;
      c['index'] = BigInt(i);
      contexts[i] = c;
    }
    return c;
  };
  const places = raw.map((x, i) => (coll.place ? coll.place((x ?? {}) as Record<string, unknown>) : { pointer: joinPointer(coll.pointer, i), doc: 0 }));
  return { context, size: raw.length, places, raw };
}

/** Per rule and collection: the item-independent part of `when` (null: there is none). */
const guards = new WeakMap<CompiledRule, { coll: Collection; guard: CelProgram | null }>();

function guardFor(rule: CompiledRule, coll: Collection): CelProgram | null {
  const known = guards.get(rule);
  if (known && known.coll === coll) return known.guard;
  // Names that differ between items: the item, its alias, its index and what `bind` adds.
  const itemNames = ['item', coll.alias, 'index', ...(coll.bind ? Object.keys(coll.bind({})) : [])];
  const guard = celGuard(rule.when, itemNames) ?? null;
  guards.set(rule, { coll, guard });
  return guard;
}

function guardFalse(guard: CelProgram, base: Record<string, unknown>): boolean {
  try {
    return guard(base) === false;
  } catch {
    return false;
  }
}

function holds(test: CelProgram, ctx: Record<string, unknown>): boolean {
  try {
    return test(ctx) === true;
  } catch {
    return false;
  }
}

/** `$name.path` in `at`: a pointer held by a value of the evaluation context. */
function contextPointer(ctx: Record<string, unknown>, ref: string): Pointer | undefined {
  let v: unknown = ctx;
  for (const part of ref.slice(1).split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return typeof v === 'string' && (v === '' || v.startsWith('/')) ? v : undefined;
}

function runOne(rule: CompiledRule, ctx: Record<string, unknown>, itemPointer: Pointer, hits: RuleHit[], errors: RuleError[], docIndex = 0): void {
  record(rule, outcomeOf(rule, ctx), itemPointer, hits, errors, docIndex);
}

/** Evaluate one rule in one context, with pointers relative to the item where `at` says so. */
function outcomeOf(rule: CompiledRule, ctx: Record<string, unknown>): ItemOutcome {
  let fired: unknown;
  try {
    fired = rule.when(ctx);
  } catch (e) {
    return { kind: 'error', message: (e as Error).message.split('\n')[0] ?? 'error' };
  }
  if (fired !== true) return fired === false ? { kind: 'none' } : { kind: 'error', message: `condition gave ${typeof fired}, not a boolean` };
  let severity = rule.severity;
  for (const e of rule.escalate) {
    try {
      if (e.test(ctx) === true && severityRank(e.to) > severityRank(severity)) severity = e.to;
    } catch {
      // An escalation that cannot be evaluated leaves the severity as it is.
    }
  }
  const pointers = rule.at
    .filter((a) => !a.test || holds(a.test, ctx))
    .flatMap(({ pointer: a }) => (a.startsWith('$') ? (contextPointer(ctx, a) ?? []) : [a.startsWith('/') ? a : { rel: a }]));
  return { kind: 'hit', severity, message: rule.message(ctx), pointers };
}

function record(rule: CompiledRule, o: ItemOutcome, itemPointer: Pointer, hits: RuleHit[], errors: RuleError[], docIndex: number): void {
  if (o.kind === 'none') return;
  if (o.kind === 'error') {
    errors.push({ rule, pointer: itemPointer, message: o.message, docIndex });
    return;
  }
  const pointers = o.pointers.map((p) => (typeof p === 'string' ? p : itemPointer + '/' + p.rel));
  if (pointers.length === 0) pointers.push(itemPointer);
  hits.push({ rule, severity: o.severity, message: o.message, pointers, docIndex });
}
