// Unleash: the client features payload (also inside client-spec files), the v4.22+ export
// (features + featureStrategies + featureEnvironments) and the legacy state export. Strategies
// are OR-ed; a strategy's rollout lets the rest of the users go on to the next strategy.
// Disabled (per environment) serves the "disabled" variant: off.
import { joinPointer } from '../../parse/yamlSource';
import { normaliseOp } from '../attributes';
import { arr, isRecord, loc, num, serveOne, str, weightsToServe, type Cond, type FlagDef, type NotEvaluated, type Serve, type Step } from '../model';

interface Ctx {
  doc: number;
  segments: Map<string, { cond: Cond; pointer: string }>;
}

function constraintCond(c: unknown, cp: string, doc: number): Cond {
  if (!isRecord(c)) return { k: 'unknown', reason: 'an unreadable constraint', at: loc(cp, doc) };
  const values = Array.isArray(c['values']) ? c['values'].map(String) : c['value'] !== undefined ? [String(c['value'])] : [];
  const rawOp = String(c['operator'] ?? 'IN');
  const base: Cond = { k: 'attr', attribute: String(c['contextName'] ?? ''), op: normaliseOp(rawOp), rawOp, values, at: loc(cp, doc) };
  return c['inverted'] === true ? { k: 'not', of: base } : base;
}

function readSegments(list: unknown, base: string, doc: number): Ctx['segments'] {
  const out: Ctx['segments'] = new Map();
  arr(list).forEach((s, i) => {
    if (!isRecord(s) || s['id'] === undefined) return;
    const sp = joinPointer(base, i);
    const conds = arr(s['constraints']).map((c, j) => constraintCond(c, joinPointer(sp, 'constraints', j), doc));
    out.set(String(s['id']), { cond: conds.length ? { k: 'and', of: conds } : { k: 'const', value: true }, pointer: sp });
  });
  return out;
}

/** The variants a matching strategy serves: its own, else the feature's, else plain "enabled". */
function variantServe(strategyVariants: unknown, featureVariants: unknown): Serve {
  const list = arr(strategyVariants).length ? arr(strategyVariants) : arr(featureVariants);
  const weights = list.filter(isRecord).map((v) => ({ variant: String(v['name'] ?? ''), weight: num(v['weight']) ?? 0 }));
  if (weights.length && weights.some((w) => w.weight > 0)) return weightsToServe(weights, 'relative');
  return serveOne('enabled');
}

function strategyStep(s: Record<string, unknown>, sp: string, j: number, ctx: Ctx, featureVariants: unknown, notEvaluated: NotEvaluated[]): Step {
  const doc = ctx.doc;
  const name = String(s['name'] ?? s['strategyName'] ?? 'default');
  const params = isRecord(s['parameters']) ? s['parameters'] : {};
  const conds: Cond[] = arr(s['constraints']).map((c, k) => constraintCond(c, joinPointer(sp, 'constraints', k), doc));
  for (const id of arr(s['segments'])) {
    const seg = ctx.segments.get(String(id));
    if (seg) conds.push(seg.cond);
    else {
      notEvaluated.push({ reason: `segment ${String(id)} is not defined in this file`, at: loc(joinPointer(sp, 'segments'), doc) });
      conds.push({ k: 'unknown', reason: `the undefined segment ${String(id)}`, at: loc(joinPointer(sp, 'segments'), doc) });
    }
  }
  let pct = 100;
  let pctAt = sp;
  const label = `strategy ${j + 1} (${name})`;
  switch (name) {
    case 'default':
      break;
    case 'flexibleRollout':
      pct = num(params['rollout']) ?? 100;
      pctAt = joinPointer(sp, 'parameters', 'rollout');
      break;
    case 'gradualRolloutUserId':
    case 'gradualRolloutSessionId':
    case 'gradualRolloutRandom':
      pct = num(params['percentage']) ?? 100;
      pctAt = joinPointer(sp, 'parameters', 'percentage');
      break;
    case 'userWithId':
      conds.push({ k: 'attr', attribute: 'userId', op: 'in', rawOp: 'userWithId', values: String(params['userIds'] ?? '').split(',').map((x) => x.trim()), at: loc(joinPointer(sp, 'parameters'), doc) });
      break;
    case 'applicationHostname':
      conds.push({ k: 'attr', attribute: 'hostName', op: 'in', rawOp: 'applicationHostname', values: String(params['hostNames'] ?? '').split(',').map((x) => x.trim()), at: loc(joinPointer(sp, 'parameters'), doc) });
      break;
    case 'remoteAddress':
      conds.push({ k: 'attr', attribute: 'remoteAddress', op: 'in', rawOp: 'remoteAddress', values: String(params['IPs'] ?? '').split(',').map((x) => x.trim()), at: loc(joinPointer(sp, 'parameters'), doc) });
      break;
    default: {
      // A custom strategy: read a country list parameter, anything else is unknown.
      const geo = Object.keys(params).find((k) => /^(countries|country|countrycodes|country_codes)$/i.test(k));
      if (geo) {
        const v = params[geo];
        const values = Array.isArray(v) ? v.map(String) : String(v ?? '').split(',').map((x) => x.trim()).filter(Boolean);
        conds.push({ k: 'attr', attribute: 'country', op: 'in', rawOp: `custom strategy ${name}`, values, at: loc(joinPointer(sp, 'parameters', geo), doc) });
      } else {
        notEvaluated.push({ reason: `the custom strategy "${name}" runs code the linter cannot see`, at: loc(sp, doc) });
        conds.push({ k: 'unknown', reason: `the custom strategy ${name}`, at: loc(sp, doc) });
      }
    }
  }
  const inner = variantServe(s['variants'], featureVariants);
  const f = Math.max(0, Math.min(100, pct)) / 100;
  const serve: Serve = { shares: inner.shares.map((x) => ({ variant: x.variant, fraction: x.fraction * f })), passOn: 1 - f, written: `${pct}%` };
  return { when: conds.length === 0 ? { k: 'const', value: true } : conds.length === 1 ? conds[0]! : { k: 'and', of: conds }, serve, at: loc(pct !== 100 || name !== 'default' ? pctAt : sp, doc), label, kind: 'rule' };
}

function variantsOf(featureVariants: unknown, strategies: { s: Record<string, unknown> }[], p: string, doc: number): FlagDef['variants'] {
  const out: FlagDef['variants'] = [
    { name: 'enabled', value: true, at: loc(p, doc) },
    { name: 'disabled', value: false, at: loc(p, doc) },
  ];
  const add = (list: unknown, vp: string) =>
    arr(list).forEach((v, i) => {
      if (isRecord(v) && typeof v['name'] === 'string' && !out.some((o) => o.name === v['name'])) {
        const payload = isRecord(v['payload']) ? v['payload']['value'] : undefined;
        out.push({ name: v['name'], value: payload ?? v['name'], at: loc(joinPointer(vp, i), doc) });
      }
    });
  add(featureVariants, joinPointer(p, 'variants'));
  for (const { s } of strategies) add(s['variants'], p);
  return out;
}

function makeFlag(name: string, p: string, doc: number, description: string | undefined, enabled: boolean, enabledAt: string, strategies: { s: Record<string, unknown>; p: string }[], featureVariants: unknown, ctx: Ctx, notes: string[]): FlagDef {
  const notEvaluated: NotEvaluated[] = [];
  const steps = strategies.map(({ s, p: sp }, j) => strategyStep(s, sp, j, ctx, featureVariants, notEvaluated));
  if (strategies.length === 0) notes.push('no strategies: an enabled flag without strategies is on for everyone in recent Unleash versions');
  steps.push({ when: { k: 'const', value: true }, serve: serveOne(strategies.length === 0 ? 'enabled' : 'disabled'), at: loc(p, doc), label: strategies.length === 0 ? 'no strategies' : 'no strategy matched', kind: 'default' });
  return {
    key: name,
    format: 'unleash',
    description,
    at: loc(p, doc),
    variants: variantsOf(featureVariants, strategies, p, doc),
    enabled,
    enabledAt: loc(enabledAt, doc),
    steps,
    offSteps: [{ when: { k: 'const', value: true }, serve: serveOne('disabled'), at: loc(enabledAt, doc), label: 'enabled: false', kind: 'off' }],
    offMeaning: 'a disabled Unleash flag is off for everyone in that environment',
    metadata: {},
    notEvaluated,
    notes,
    prerequisites: [],
    scheduled: [],
  };
}

/** Client features payload and legacy state (features carry their strategies). */
export function readUnleashClient(root: Record<string, unknown>, base: string, doc: number): FlagDef[] {
  const ctx: Ctx = { doc, segments: readSegments(root['segments'], joinPointer(base, 'segments'), doc) };
  const byFeatureStrategies = groupStrategies(root, base);
  const envs = environmentsOf(root, base);
  const out: FlagDef[] = [];
  arr(root['features']).forEach((f, i) => {
    if (!isRecord(f) || typeof f['name'] !== 'string') return;
    const p = joinPointer(base, 'features', i);
    const notes: string[] = [];
    let strategies = arr(f['strategies']).flatMap((s, j) => (isRecord(s) ? [{ s, p: joinPointer(p, 'strategies', j) }] : []));
    let enabled = f['enabled'] !== false;
    let enabledAt = f['enabled'] !== undefined ? joinPointer(p, 'enabled') : joinPointer(p, 'name');
    if (f['archived'] === true) notes.push('the flag is archived');
    if (!Array.isArray(f['strategies']) && byFeatureStrategies.has(f['name'])) strategies = byFeatureStrategies.get(f['name'])!;
    const env = envs.get(f['name']);
    if (env) {
      enabled = env.enabled;
      enabledAt = env.pointer;
      notes.push(`environment ${env.name} is evaluated`);
    }
    out.push(makeFlag(f['name'], p, doc, str(f['description']), enabled, enabledAt, strategies, f['variants'], ctx, notes));
  });
  return out;
}

function environmentName(list: Record<string, unknown>[]): string | undefined {
  const names = [...new Set(list.map((x) => String(x['environment'] ?? '')))];
  return names.find((n) => /^prod/i.test(n)) ?? names[0];
}

function groupStrategies(root: Record<string, unknown>, base: string): Map<string, { s: Record<string, unknown>; p: string }[]> {
  const list = arr(root['featureStrategies']);
  const env = environmentName(list.filter(isRecord));
  const out = new Map<string, { s: Record<string, unknown>; p: string }[]>();
  list.forEach((s, i) => {
    if (!isRecord(s) || typeof s['featureName'] !== 'string') return;
    if (s['environment'] !== undefined && env !== undefined && String(s['environment']) !== env) return;
    const l = out.get(s['featureName']) ?? [];
    l.push({ s, p: joinPointer(base, 'featureStrategies', i) });
    out.set(s['featureName'], l);
  });
  return out;
}

function environmentsOf(root: Record<string, unknown>, base: string): Map<string, { name: string; enabled: boolean; pointer: string; variants: unknown }> {
  const list = arr(root['featureEnvironments']);
  const env = environmentName(list.filter(isRecord));
  const out = new Map<string, { name: string; enabled: boolean; pointer: string; variants: unknown }>();
  list.forEach((e, i) => {
    if (!isRecord(e) || typeof e['featureName'] !== 'string') return;
    if (env !== undefined && String(e['environment'] ?? '') !== env) return;
    out.set(e['featureName'], { name: env ?? '', enabled: e['enabled'] === true, pointer: joinPointer(base, 'featureEnvironments', i, 'enabled'), variants: e['variants'] });
  });
  return out;
}

/** v4.22+ export: features + featureStrategies + featureEnvironments. */
export function readUnleashExport(root: Record<string, unknown>, base: string, doc: number): FlagDef[] {
  const ctx: Ctx = { doc, segments: readSegments(root['segments'], joinPointer(base, 'segments'), doc) };
  const strategies = groupStrategies(root, base);
  const envs = environmentsOf(root, base);
  const out: FlagDef[] = [];
  arr(root['features']).forEach((f, i) => {
    if (!isRecord(f) || typeof f['name'] !== 'string') return;
    const p = joinPointer(base, 'features', i);
    const env = envs.get(f['name']);
    const notes = env ? [`environment ${env.name} is evaluated`] : ['no featureEnvironments entry: treated as disabled'];
    out.push(makeFlag(f['name'], p, doc, str(f['description']), env?.enabled ?? false, env?.pointer ?? joinPointer(p, 'name'), strategies.get(f['name']) ?? [], env?.variants ?? f['variants'], ctx, notes));
  });
  return out;
}
