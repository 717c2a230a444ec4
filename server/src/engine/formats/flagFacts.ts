// Turn a read flag file into the plain data the `target: flags` checklist rules read: one item
// per flag, per targeting step, per FCS exposure, per condition and per construct that was not
// evaluated. Computed once per document; CEL only filters and words it.
import type { FcsEdition } from '../contexts/fcsList';
import type { OrgMarkets } from '../contexts/markets';
import { HIGH_RISK_FUNCTIONS } from '../facts/deriveFacts';
import { attributeKind, condLeaves, countriesIn, isGeoCond, type Place } from './attributes';
import { describeInference, inferCapabilities } from './capabilities';
import { evaluateFlagIn, exposurePlaces, type Exposure, type MarketContext } from './exposure';
import { FORMAT_LABELS, type FlagDef, type FlagFile, type Step } from './model';
import type { SpecSummary, WorkspaceIndex } from '../workspace/index';

export interface FlagFactsEnv {
  edition: FcsEdition;
  orgMarkets: OrgMarkets;
  workspace?: WorkspaceIndex;
}

type Item = Record<string, unknown>;

export interface FlagFacts {
  facts: Item & { in_fcs: boolean };
  collections: Record<string, Item[]>;
}

const pct = (x: number): number => Math.round(x * 1000) / 10;
const shareText = (e: Exposure): string => (e.onMin >= e.onMax - 1e-9 ? `${pct(e.onMax)}%` : e.onMin > 0 ? `${pct(e.onMin)}–${pct(e.onMax)}%` : `up to ${pct(e.onMax)}%`);
const RANK = { conflict: 0, fragility: 1, none: 2 } as const;

function listText(items: string[], max = 6): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

const META_SPEC_KEYS = ['dd_ref', 'fcs_spec', 'spec', 'fcs-spec', 'ddRef'];

function specSummaryFacts(s: SpecSummary, roles: string[]): Item {
  return {
    uri: s.uri,
    feature_id: s.featureId,
    stage: s.stage,
    stage_index: s.stageIndex,
    before_deployment: s.beforeDeployment,
    approved: s.approved,
    open_blockers: s.openBlockers,
    functions: s.functions,
    roles,
  };
}

export function buildFlagFacts(uri: string, file: FlagFile, env: FlagFactsEnv): FlagFacts {
  const fcsPlaces = placesFor(env.edition, env.orgMarkets);
  const flags: Item[] = [];
  const rules: Item[] = [];
  const exposures: Item[] = [];
  const conditions: Item[] = [];
  const unevaluated: Item[] = [];
  let anyFcs = false;
  let anyConflict = false;
  for (const n of file.notEvaluated) unevaluated.push({ reason: n.reason, pointer: n.at.pointer, doc: n.at.doc, flag: null });
  for (const def of file.flags) {
    const f = flagItem(uri, def, fcsPlaces, env);
    flags.push(f.item);
    if ((f.item['fcs_reach_count'] as number) > 0) anyFcs = true;
    if ((f.item['conflict_reach'] as string[]).length > 0) anyConflict = true;
    exposures.push(...f.exposures);
    rules.push(...f.rules);
    conditions.push(...f.conditions);
    for (const n of def.notEvaluated) unevaluated.push({ reason: n.reason, pointer: n.at.pointer, doc: n.at.doc, flag: f.slim });
  }
  return {
    facts: { in_fcs: anyFcs, in_conflict: anyConflict, format: file.format, format_label: FORMAT_LABELS[file.format], edition: env.edition.edition, flag_count: file.flags.length, workspace: !!env.workspace },
    collections: { flags, flag_rules: rules, flag_exposures: exposures, flag_conditions: conditions, flag_unevaluated: unevaluated },
  };
}

/** The FCS places of an edition and organisation, with the country sets conditions are checked against. */
interface FcsPlaces {
  places: MarketContext[];
  /** The same places' Place objects, and each place's position in name order. */
  placeList: Place[];
  nameOrder: Map<MarketContext, number>;
  /** Countries (not regions) in conflict, and in FCS at all. */
  conflictOf: Set<string>;
  fcsOf: Set<string>;
}

const placesMemo = new WeakMap<FcsEdition, WeakMap<OrgMarkets, FcsPlaces>>();

/** Worked out once per edition and organisation markets (every flag file of a run shares them). */
function placesFor(edition: FcsEdition, org: OrgMarkets): FcsPlaces {
  let byOrg = placesMemo.get(edition);
  if (!byOrg) placesMemo.set(edition, (byOrg = new WeakMap()));
  let known = byOrg.get(org);
  if (!known) {
    const places = exposurePlaces(edition, org).filter((p) => p.category !== 'none');
    const byName = [...places].sort((a, b) => a.place.name.localeCompare(b.place.name));
    known = {
      places,
      placeList: places.map((p) => p.place),
      nameOrder: new Map(byName.map((p, i) => [p, i])),
      conflictOf: new Set(places.filter((p) => p.category === 'conflict' && !p.place.region).map((p) => p.place.alpha3)),
      fcsOf: new Set(places.filter((p) => !p.place.region).map((p) => p.place.alpha3)),
    };
    byOrg.set(org, known);
  }
  return known;
}

function flagItem(uri: string, def: FlagDef, fcs: FcsPlaces, env: FlagFactsEnv) {
  const { places, conflictOf, fcsOf, nameOrder } = fcs;
  // What the flag does: explicit links first, then inference.
  const ddRefKey = META_SPEC_KEYS.find((k) => typeof def.metadata[k] === 'string');
  const ddRef = ddRefKey ? (def.metadata[ddRefKey] as string) : null;
  const ws = env.workspace;
  const linked: { spec: SpecSummary; roles: string[] }[] = [];
  let ddRefUnresolved = false;
  if (ws) {
    if (ddRef) {
      const s = ws.specFor(ddRef, uri);
      if (s) linked.push({ spec: s, roles: ['dd_ref'] });
      else ddRefUnresolved = true;
    }
    for (const l of ws.linksTo(def.key)) {
      const have = linked.find((x) => x.spec.uri === l.spec.uri);
      if (have) have.roles.push(l.role);
      else linked.push({ spec: l.spec, roles: [l.role] });
    }
  }
  const spec = linked[0];
  const inferred = inferCapabilities(def);
  let functions: string[];
  let capability: 'link' | 'inferred' | 'none';
  let capabilityText: string;
  if (spec && spec.spec.functions.length) {
    functions = spec.spec.functions;
    capability = 'link';
    capabilityText = `linked to spec ${spec.spec.featureId ?? spec.spec.uri} (${spec.roles.join(', ')}): ${functions.join(', ')}`;
  } else if (inferred.length) {
    functions = [...new Set(inferred.map((t) => t.fn))];
    capability = 'inferred';
    capabilityText = `inferred from ${describeInference(inferred)}`;
  } else {
    functions = [];
    capability = 'none';
    capabilityText = 'purpose unknown (no linked spec, nothing recognised in its key or description)';
  }
  const highRisk = functions.some((f) => HIGH_RISK_FUNCTIONS.includes(f));
  // Exposure per FCS place, now and with the flag switched off.
  // (Exposures may be shared between places: the place is ctx.place, never e.place.)
  const nowIn = evaluateFlagIn(def, fcs.placeList);
  const offIn = evaluateFlagIn(def, fcs.placeList, 'off');
  const now = places.map((p, i) => ({ ctx: p, e: nowIn[i]! }));
  const off = places.map((p, i) => ({ ctx: p, e: offIn[i]! }));
  const reached = now.filter((x) => x.e.onMax > 1e-9).sort((a, b) => RANK[a.ctx.category] - RANK[b.ctx.category] || b.e.onMax - a.e.onMax || nameOrder.get(a.ctx)! - nameOrder.get(b.ctx)!);
  const reachText = reached.map((x) => `${x.ctx.place.name} (${x.ctx.category}) ${shareText(x.e)}`);
  const offOn = off.filter((x) => x.e.onMax > 1e-9);
  const offText = offOn.map((x) => `${x.ctx.place.name} ${shareText(x.e)}`);
  const geo = def.metadata['geo_block'];
  const geoBlock = functions.includes('geo_block') || geo !== undefined;
  const geoMissing: string[] = [];
  if (geoBlock) {
    const g = geo && typeof geo === 'object' && !Array.isArray(geo) ? (geo as Record<string, unknown>) : {};
    if (typeof g['reason'] !== 'string' || !g['reason']) geoMissing.push('reason');
    for (const k of ['user_notice', 'data_export', 'appeal']) if (g[k] !== true) geoMissing.push(k);
  }
  // The flag as its rules, exposures and conditions see it (`flag`): without the long lists.
  const slim: Item = {
    key: def.key,
    format: def.format,
    format_label: FORMAT_LABELS[def.format],
    name: def.name ?? null,
    description: def.description ?? null,
    enabled: def.enabled,
    off_meaning: def.offMeaning,
    pointer: def.at.pointer,
    doc: def.at.doc,
    enabled_pointer: def.enabledAt.pointer,
    off_pointer: (def.offSteps[def.offSteps.length - 1]?.at ?? def.enabledAt).pointer,
    functions,
    high_risk: highRisk,
    capability,
    capability_text: capabilityText,
    dd_ref: ddRef,
    dd_ref_unresolved: ddRefUnresolved,
    spec: spec ? specSummaryFacts(spec.spec, spec.roles) : null,
    linked: linked.length > 0,
    kill_switch_for: linked.filter((l) => l.roles.includes('kill_switch')).map((l) => l.spec.featureId ?? l.spec.uri),
    fcs_reach_count: reached.length,
    reach_text: listText(reachText),
    conflict_reach: reached.filter((x) => x.ctx.category === 'conflict').map((x) => x.ctx.place.alpha3),
    off_serves_on_count: offOn.length,
    off_text: listText(offText),
    geo_block: geoBlock,
    geo_block_missing: geoMissing,
    notes: def.notes,
    scheduled: def.scheduled.map((s) => s.date),
    prerequisites: def.prerequisites,
  };
  // Object.assign, not `{ ...slim, … }`: V8 builds a spread literal with more keys slowly.
  const item: Item = Object.assign({}, slim);
  item['fcs_reach'] = reachText;
  item['off_serves_on'] = offText;
  const exposures: Item[] = reached.map((x) => ({
    alpha3: x.ctx.place.alpha3,
    region: x.ctx.place.region ?? null,
    name: x.ctx.place.name,
    category: x.ctx.category,
    category_label: x.ctx.category_label,
    category_source: x.ctx.source,
    in_fcs: true,
    on_min_pct: pct(x.e.onMin),
    on_max_pct: pct(x.e.onMax),
    share_text: shareText(x.e),
    explicit: x.e.explicit,
    pointer: x.e.decidingAt.pointer,
    doc: x.e.decidingAt.doc,
    label: x.e.decidingLabel,
    unknowns: x.e.unknowns,
    flag: slim,
  }));
  // Per step: which FCS places it may serve "on" to, and with what share.
  const stepReach = new Map<Step, Item[]>();
  for (const x of now) {
    for (const b of x.e.bySteps) {
      const l = stepReach.get(b.step) ?? [];
      l.push({ alpha3: x.ctx.place.alpha3, name: x.ctx.place.name, category: x.ctx.category, on_pct: pct(b.onMax) });
      stepReach.set(b.step, l);
    }
  }
  const steps = def.enabled ? def.steps : def.offSteps;
  const rules: Item[] = steps.map((s) => ({
    label: s.label,
    kind: s.kind,
    pointer: s.at.pointer,
    doc: s.at.doc,
    geo: isGeoCond(s.when),
    written: s.serve.written ?? null,
    reach: stepReach.get(s) ?? [],
    flag: slim,
  }));
  const conditions: Item[] = [];
  const seen = new Set<string>();
  for (const s of [...def.steps, ...def.offSteps]) {
    const reach = (stepReach.get(s) ?? []).filter((r) => r['category'] === 'conflict').map((r) => r['alpha3'] as string);
    for (const leaf of condLeaves(s.when)) {
      if (leaf.k !== 'attr') continue;
      const id = `${leaf.at.doc}${leaf.at.pointer}|${leaf.attribute}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const kind = attributeKind(leaf.attribute);
      const named = countriesIn(kind, leaf.values);
      conditions.push({
        attribute: leaf.attribute,
        kind,
        op: leaf.rawOp,
        values: leaf.values,
        countries: named,
        fcs_countries: named.filter((c) => fcsOf.has(c)),
        conflict_countries: named.filter((c) => conflictOf.has(c)),
        conflict_reach: [...new Set(reach)],
        conflict_context: [...new Set([...named.filter((c) => conflictOf.has(c)), ...reach])],
        pointer: leaf.at.pointer,
        doc: leaf.at.doc,
        flag: slim,
      });
    }
  }
  return { item, slim, exposures, rules, conditions };
}

