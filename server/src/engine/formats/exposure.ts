// Exposure: for one place and an otherwise unknown user, which variants a flag serves and with
// what share. Steps are walked in order with an interval of "users still unserved"; a step
// whose condition the linter cannot decide counts as "may be served" (it raises the upper
// bound only) and the reason is kept.
import { categoryIn, categoryLabel, type FcsCategory, type FcsEdition } from '../contexts/fcsList';
import { findCountry } from '../contexts/countries';
import type { OrgMarkets } from '../contexts/markets';
import { condLeaves, evalCond, type Place, type Tri } from './attributes';
import { CODE_DEFAULT, type FlagDef, type Loc, type Step } from './model';

export interface VariantShare {
  variant: string;
  value: unknown;
  /** Share of users certainly served this variant (0..1). */
  min: number;
  /** Share of users that may be served this variant (0..1). */
  max: number;
  on: boolean;
}

export interface Exposure {
  place: Place;
  variants: VariantShare[];
  /** Share of users served an "on" variant: certainly (min) and possibly (max). */
  onMin: number;
  onMax: number;
  /** The step that decides most of the on-share (where findings land). */
  decidingAt: Loc;
  decidingLabel: string;
  /** Whether a geo condition of this place decided a step (explicit targeting). */
  explicit: boolean;
  /** Why some of the shares are only "may be served". */
  unknowns: string[];
  /** The steps that may serve an "on" variant here, with the share each may serve. */
  bySteps: { step: Step; onMax: number }[];
}

const OFF_NAMES = /^(off|disabled?|false|no|none|control|inactive|deactivated|hidden|default_off)$/i;

/** Whether a variant means "the feature is active". The code default counts as off. */
export function isOnVariant(flag: FlagDef, variant: string): boolean {
  if (variant === CODE_DEFAULT) return false;
  const v = flag.variants.find((x) => x.name === variant);
  const value = v ? v.value : undefined;
  if (value === false || value === null || value === 0) return false;
  if (typeof value === 'string' && OFF_NAMES.test(value.trim())) return false;
  if (value === true) return true;
  return !OFF_NAMES.test(variant.trim());
}

export function variantValue(flag: FlagDef, variant: string): unknown {
  return flag.variants.find((x) => x.name === variant)?.value;
}

export type FlagState = 'current' | 'off';

/**
 * Exposures of one flag that did not depend on the place beyond the steps' outcomes, by state and
 * outcome vector (most FCS places fall through the same steps): computed once, shared by those places.
 */
const shared = new WeakMap<FlagDef, { steps: Step[]; offSteps: Step[]; enabled: boolean; byOutcomes: Map<string, Exposure> }>();

/** What a step's condition reads: whether it has attribute leaves, and if not, its one outcome. */
interface StepInfo {
  readsAttributes: boolean;
  /** The outcome for every place (a condition without attributes cannot depend on the place). */
  everywhere?: Tri;
}

const stepInfos = new WeakMap<Step, StepInfo>();

function stepInfo(step: Step): StepInfo {
  let info = stepInfos.get(step);
  if (!info) {
    const readsAttributes = condLeaves(step.when).some((l) => l.k === 'attr');
    info = readsAttributes ? { readsAttributes } : { readsAttributes, everywhere: evalCond(step.when, NOWHERE) };
    stepInfos.set(step, info);
  }
  return info;
}

/** A place no attribute condition is asked about (only for conditions without attributes). */
const NOWHERE: Place = { alpha2: '', alpha3: '', name: '' };

/** A step's outcome for users in `place`. */
function outcomeIn(step: Step, place: Place): Tri {
  return stepInfo(step).everywhere ?? evalCond(step.when, place);
}

function stepsIn(flag: FlagDef, state: FlagState): Step[] {
  return state === 'off' || !flag.enabled ? flag.offSteps : flag.steps;
}

/**
 * The steps' outcomes in `place`, as a key: places with the same key get the same exposure.
 * Undefined when the result reads the place beyond the outcomes: a step is undecided (its
 * reason names the place) or decided by an attribute (geoDecided reads it).
 */
function outcomeKey(steps: Step[], place: Place, state: FlagState): string | undefined {
  let key: string = state;
  for (const step of steps) {
    const r = outcomeIn(step, place);
    if (r === 'maybe' || (r === 'yes' && step.kind !== 'default' && stepInfo(step).readsAttributes)) return undefined;
    key += r === 'yes' ? 'y' : 'n';
  }
  return key;
}

/**
 * The exposure of a flag in each of `places`, in order. Places whose steps come out the same
 * share one result, whose `place` is the first of them: take the place from `places`.
 */
export function evaluateFlagIn(flag: FlagDef, places: readonly Place[], state: FlagState = 'current'): Exposure[] {
  const steps = stepsIn(flag, state);
  const byKey = new Map<string, Exposure>();
  return places.map((place) => {
    const key = outcomeKey(steps, place, state);
    if (key === undefined) return computeExposure(flag, place, steps);
    let e = byKey.get(key);
    if (!e) byKey.set(key, (e = computeExposure(flag, place, steps)));
    return e;
  });
}

export function evaluateFlag(flag: FlagDef, place: Place, state: FlagState = 'current'): Exposure {
  const steps = stepsIn(flag, state);
  const key = outcomeKey(steps, place, state);
  if (key === undefined) return computeExposure(flag, place, steps);
  let memo = shared.get(flag);
  if (!memo || memo.steps !== flag.steps || memo.offSteps !== flag.offSteps || memo.enabled !== flag.enabled) {
    memo = { steps: flag.steps, offSteps: flag.offSteps, enabled: flag.enabled, byOutcomes: new Map() };
    shared.set(flag, memo);
  }
  let e = memo.byOutcomes.get(key);
  if (!e) memo.byOutcomes.set(key, (e = computeExposure(flag, place, steps)));
  // Shared between places with the same outcomes: callers only read exposures.
  return e.place === place ? e : { ...e, place };
}

function computeExposure(flag: FlagDef, place: Place, steps: Step[]): Exposure {
  const lo = new Map<string, number>();
  const hi = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  let rLo = 1; // users certainly still unserved
  let rHi = 1; // users possibly still unserved
  const unknowns: string[] = [];
  const contrib = new Map<Step, number>();
  let explicit = false;
  for (const step of steps) {
    if (rHi <= 1e-12) break;
    const r = outcomeIn(step, place);
    if (r === 'no') continue;
    if (r === 'yes') {
      for (const s of step.serve.shares) {
        add(lo, s.variant, rLo * s.fraction);
        add(hi, s.variant, rHi * s.fraction);
      }
      contrib.set(step, rHi * step.serve.shares.filter((s) => isOnVariant(flag, s.variant)).reduce((a, s) => a + s.fraction, 0));
      if (stepInfo(step).readsAttributes && step.kind !== 'default') explicit ||= geoDecided(step, place);
      rLo *= step.serve.passOn;
      rHi *= step.serve.passOn;
      continue;
    }
    // maybe: some users of the place match, some may not
    for (const s of step.serve.shares) add(hi, s.variant, rHi * s.fraction);
    contrib.set(step, rHi * step.serve.shares.filter((s) => isOnVariant(flag, s.variant)).reduce((a, s) => a + s.fraction, 0));
    const why = condLeaves(step.when)
      .map((l) => (l.k === 'unknown' ? l.reason : l.k === 'attr' ? `${l.attribute} ${l.rawOp} ${l.values.join(',')}` : ''))
      .filter(Boolean);
    unknowns.push(`${step.label} depends on ${why.length ? why.join(' and ') : 'a condition'} that the linter cannot know for users in ${place.name}`);
    rLo *= step.serve.passOn;
  }
  if (rHi > 1e-12) {
    // Nothing matched for some users: the SDK returns the application's default.
    add(lo, CODE_DEFAULT, rLo);
    add(hi, CODE_DEFAULT, rHi);
  }
  const names = [...new Set([...hi.keys()])];
  const variants: VariantShare[] = names
    .map((n) => ({ variant: n, value: variantValue(flag, n), min: clamp(lo.get(n) ?? 0), max: clamp(hi.get(n) ?? 0), on: isOnVariant(flag, n) }))
    .filter((v) => v.max > 1e-12)
    .sort((a, b) => b.max - a.max || a.variant.localeCompare(b.variant));
  const onMin = clamp(variants.filter((v) => v.on).reduce((a, v) => a + v.min, 0));
  const onMax = clamp(variants.filter((v) => v.on).reduce((a, v) => a + v.max, 0));
  let deciding: Step | undefined;
  for (const [s, c] of contrib) if (c > 0 && (!deciding || c > (contrib.get(deciding) ?? 0))) deciding = s;
  deciding ??= steps.find((s) => outcomeIn(s, place) !== 'no');
  return {
    place,
    variants,
    onMin,
    onMax,
    decidingAt: deciding?.at ?? flag.enabledAt,
    decidingLabel: deciding?.label ?? (flag.enabled ? 'no rule' : 'the off state'),
    explicit,
    unknowns: [...new Set(unknowns)],
    bySteps: [...contrib].filter(([, c]) => c > 1e-12).map(([step, c]) => ({ step, onMax: clamp(c) })),
  };
}

function geoDecided(step: Step, place: Place): boolean {
  return condLeaves(step.when).some((l) => {
    if (l.k !== 'attr') return false;
    const single: typeof l = { ...l };
    const r = evalCond(single, place);
    return r === 'yes' && l.op !== 'notin' && /country|region|subdivision|province|state|district/i.test(l.attribute);
  });
}

const clamp = (x: number): number => Math.max(0, Math.min(1, Math.round(x * 1e9) / 1e9));

export interface MarketContext {
  place: Place;
  category: FcsCategory;
  category_label: string;
  /** Where the category comes from. */
  source: 'list' | 'organisation' | 'organisation-subnational';
  reason: string | null;
}

/** Every country in the FCS edition, plus the organisation's markets and sub-national regions. */
export function exposurePlaces(edition: FcsEdition, org: OrgMarkets): MarketContext[] {
  const out = new Map<string, MarketContext>();
  const put = (alpha3: string, region?: string) => {
    const c = findCountry(alpha3);
    if (!c) return;
    const id = region ? region.toUpperCase() : c.alpha3;
    if (out.has(id)) return;
    const listed = categoryIn(edition, c.alpha3);
    const k = org[c.alpha3];
    let category: FcsCategory = k?.category ?? listed;
    let source: MarketContext['source'] = k?.category ? 'organisation' : 'list';
    let reason = k?.category ? (k.reason ?? null) : null;
    if (region) {
      const sub = k?.subnational?.[region.toUpperCase()];
      if (sub) {
        category = sub.category;
        source = 'organisation-subnational';
        reason = sub.reason ?? null;
      }
    }
    out.set(id, {
      place: { alpha2: c.alpha2, alpha3: c.alpha3, name: region ? `${region.toUpperCase()} (${c.name})` : c.name, ...(region ? { region: region.toUpperCase() } : {}) },
      category,
      category_label: categoryLabel(category),
      source,
      reason,
    });
  };
  for (const a3 of [...edition.conflict, ...edition.fragility]) put(a3);
  for (const [a3, k] of Object.entries(org)) {
    put(a3);
    for (const region of Object.keys(k.subnational ?? {})) put(a3, region);
  }
  return [...out.values()];
}

/** A place for a country or region code as written (ETH, ET, ET-TI). */
export function placeFor(code: string): Place | undefined {
  const m = /^([A-Za-z]{2})-([A-Za-z0-9]{1,3})$/.exec(code.trim());
  const c = findCountry(m ? m[1]! : code);
  if (!c) return undefined;
  return m ? { alpha2: c.alpha2, alpha3: c.alpha3, name: `${code.toUpperCase()} (${c.name})`, region: code.toUpperCase() } : { alpha2: c.alpha2, alpha3: c.alpha3, name: c.name };
}
