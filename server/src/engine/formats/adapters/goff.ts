// GO Feature Flag. Top level: flag key → {variations, targeting, defaultRule, disable,
// scheduledRollout, …}. `disable: true` returns the code default. Progressive rollouts and
// scheduled steps are evaluated at the environment's clock; later steps are kept as notes.
import { joinPointer } from '../../parse/yamlSource';
import { goffQueryToCond } from '../goffQuery';
import { CODE_DEFAULT, arr, isRecord, loc, num, serveOne, str, weightsToServe, type FlagDef, type NotEvaluated, type Serve, type Step } from '../model';

const time = (v: unknown): number | undefined => {
  if (v instanceof Date) return v.getTime();
  if (typeof v !== 'string') return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
};

/** What one GOFF rule serves at `now`. */
function ruleServe(rule: Record<string, unknown>, p: string, doc: number, now: Date, notEvaluated: NotEvaluated[]): Serve | undefined {
  if (typeof rule['variation'] === 'string') return serveOne(rule['variation']);
  if (isRecord(rule['percentage'])) {
    const weights = Object.entries(rule['percentage']).map(([variant, w]) => ({ variant, weight: num(w) ?? 0 }));
    return weightsToServe(weights, 100);
  }
  if (isRecord(rule['progressiveRollout'])) {
    const pr = rule['progressiveRollout'];
    const ini = isRecord(pr['initial']) ? pr['initial'] : {};
    const end = isRecord(pr['end']) ? pr['end'] : {};
    const iv = str(ini['variation']);
    const ev = str(end['variation']);
    const it = time(ini['date']);
    const et = time(end['date']);
    if (!iv || !ev || it === undefined || et === undefined || et <= it) {
      notEvaluated.push({ reason: 'a progressiveRollout without both variations and increasing dates', at: loc(joinPointer(p, 'progressiveRollout'), doc) });
      return undefined;
    }
    const n = now.getTime();
    if (n < it) return { ...serveOne(iv), written: `before the progressive rollout starts (${String(ini['date'])})` };
    if (n > et) return { ...serveOne(ev), written: `after the progressive rollout ended (${String(end['date'])})` };
    const ip = num(ini['percentage']) ?? 0;
    let ep = num(end['percentage']) ?? 100;
    if (ep === 0 || ep > 100) ep = 100;
    const pct = ip + ((n - it) / (et - it)) * (ep - ip);
    return { ...weightsToServe([{ variant: ev, weight: pct }, { variant: iv, weight: 100 - pct }], 100), written: `${Math.round(pct * 10) / 10}% on the way from ${iv} to ${ev}` };
  }
  return undefined;
}

/** Apply scheduledRollout steps that are due at `now` (rules merge by name). */
function applySchedule(f: Record<string, unknown>, p: string, doc: number, now: Date, scheduled: FlagDef['scheduled']): Record<string, unknown> {
  let cur: Record<string, unknown> = { ...f };
  arr(f['scheduledRollout']).forEach((s, i) => {
    if (!isRecord(s)) return;
    const t = time(s['date']);
    if (t === undefined) return;
    if (t > now.getTime()) {
      scheduled.push({ date: String(s['date']), at: loc(joinPointer(p, 'scheduledRollout', i), doc) });
      return;
    }
    const next: Record<string, unknown> = { ...cur };
    for (const [k, v] of Object.entries(s)) {
      if (k === 'date') continue;
      if (k === 'targeting' && Array.isArray(v)) {
        const rules = arr(cur['targeting']).map((r) => (isRecord(r) ? { ...r } : r));
        for (const r of v) {
          if (!isRecord(r)) continue;
          const idx = rules.findIndex((x) => isRecord(x) && r['name'] !== undefined && x['name'] === r['name']);
          if (idx >= 0) rules[idx] = { ...(rules[idx] as Record<string, unknown>), ...r };
          else rules.push(r);
        }
        next['targeting'] = rules;
      } else if (isRecord(v) && isRecord(cur[k])) next[k] = { ...(cur[k] as Record<string, unknown>), ...v };
      else next[k] = v;
    }
    next['__scheduledFrom'] = i;
    cur = next;
  });
  return cur;
}

export function readGoff(root: Record<string, unknown>, base: string, doc: number, now: Date): FlagDef[] {
  const flags: FlagDef[] = [];
  for (const [key, raw] of Object.entries(root)) {
    if (!isRecord(raw)) continue;
    const p = joinPointer(base, key);
    const notEvaluated: NotEvaluated[] = [];
    const notes: string[] = [];
    const scheduled: FlagDef['scheduled'] = [];
    const f = applySchedule(raw, p, doc, now, scheduled);
    const from = typeof f['__scheduledFrom'] === 'number' ? f['__scheduledFrom'] : undefined;
    if (from !== undefined) notes.push(`scheduledRollout step ${from + 1} is in effect`);
    // Pointers point at the file as written; a scheduled override lands on its schedule step.
    const ptrFor = (field: string) => (from !== undefined && isRecord(arr(raw['scheduledRollout'])[from]) && field in (arr(raw['scheduledRollout'])[from] as Record<string, unknown>) ? joinPointer(p, 'scheduledRollout', from, field) : joinPointer(p, field));
    const variations = isRecord(f['variations']) ? f['variations'] : {};
    let variants = Object.entries(variations).map(([name, value]) => ({ name, value, at: loc(joinPointer(p, 'variations', name), doc) }));
    const steps: Step[] = [];
    if (!isRecord(f['variations']) && ('true' in f || 'false' in f)) {
      // Legacy format: percentage of `rule` users get true, the others false; non-matching get default.
      variants = ['true', 'false', 'default'].map((n) => ({ name: n === 'true' ? 'True' : n === 'false' ? 'False' : 'Default', value: f[n], at: loc(joinPointer(p, n), doc) }));
      const when = typeof f['rule'] === 'string' && f['rule'].trim() ? goffQueryToCond(f['rule'], loc(joinPointer(p, 'rule'), doc), notEvaluated) : { k: 'const' as const, value: true };
      const pct = num(f['percentage']) ?? 0;
      steps.push({ when, serve: weightsToServe([{ variant: 'True', weight: pct }, { variant: 'False', weight: 100 - pct }], 100), at: loc(joinPointer(p, f['percentage'] !== undefined ? 'percentage' : 'rule'), doc), label: 'legacy rule', kind: 'rule' });
      steps.push({ when: { k: 'const', value: true }, serve: serveOne('Default'), at: loc(joinPointer(p, 'default'), doc), label: 'legacy default', kind: 'default' });
    }
    arr(f['targeting']).forEach((r, j) => {
      if (!isRecord(r)) return;
      const rp = from !== undefined ? ptrFor('targeting') + '/' + j : joinPointer(p, 'targeting', j);
      if (r['disable'] === true) {
        notes.push(`targeting rule ${j + 1} is disabled`);
        return;
      }
      const when = typeof r['query'] === 'string' ? goffQueryToCond(r['query'], loc(joinPointer(rp, 'query'), doc), notEvaluated) : { k: 'const' as const, value: true };
      const serve = ruleServe(r, rp, doc, now, notEvaluated);
      if (!serve) {
        notEvaluated.push({ reason: `targeting rule ${j + 1} serves nothing the linter can read`, at: loc(rp, doc) });
        return;
      }
      const field = r['percentage'] !== undefined ? 'percentage' : r['progressiveRollout'] !== undefined ? 'progressiveRollout' : 'variation';
      steps.push({ when, serve, at: loc(joinPointer(rp, field), doc), label: `targeting rule ${j + 1}${typeof r['name'] === 'string' ? ` (${r['name']})` : ''}`, kind: 'rule' });
    });
    const dr = f['defaultRule'];
    if (isRecord(dr)) {
      const dp = ptrFor('defaultRule');
      const field = dr['percentage'] !== undefined ? 'percentage' : dr['progressiveRollout'] !== undefined ? 'progressiveRollout' : 'variation';
      if (dr['disable'] === true) {
        notes.push('the default rule is disabled, so users no rule matches get the code default');
        steps.push({ when: { k: 'const', value: true }, serve: serveOne(CODE_DEFAULT), at: loc(joinPointer(dp, 'disable'), doc), label: 'defaultRule (disabled)', kind: 'default' });
      } else {
        const serve = ruleServe(dr, dp, doc, now, notEvaluated);
        if (serve) steps.push({ when: { k: 'const', value: true }, serve, at: loc(joinPointer(dp, field), doc), label: 'defaultRule', kind: 'default' });
        else notEvaluated.push({ reason: 'the defaultRule serves nothing the linter can read', at: loc(dp, doc) });
      }
    }
    const disableAt = loc(f['disable'] !== undefined ? ptrFor('disable') : joinPointer(p), doc);
    flags.push({
      key,
      format: 'goff',
      description: isRecord(f['metadata']) ? str(f['metadata']['description']) : undefined,
      at: loc(p, doc),
      variants,
      enabled: f['disable'] !== true,
      enabledAt: disableAt,
      steps,
      offSteps: [{ when: { k: 'const', value: true }, serve: serveOne(CODE_DEFAULT), at: disableAt, label: 'disable: true', kind: 'off' }],
      offMeaning: 'a GO Feature Flag flag with disable: true returns the application\'s code default',
      metadata: isRecord(f['metadata']) ? f['metadata'] : {},
      notEvaluated,
      notes,
      prerequisites: [],
      scheduled,
    });
  }
  return flags;
}
