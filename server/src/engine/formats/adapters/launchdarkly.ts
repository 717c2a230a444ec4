// LaunchDarkly flag data (file data source / SDK data model): `flags`, `flagValues`, `segments`.
// Rollout weights are in 1/100000. `on: false` serves `offVariation` (or the code default when
// it is null) — which may itself be the risky value.
import { joinPointer } from '../../parse/yamlSource';
import { normaliseOp } from '../attributes';
import { CODE_DEFAULT, arr, isRecord, loc, num, serveOne, str, weightsToServe, type Cond, type FlagDef, type NotEvaluated, type Serve, type Step } from '../model';

function clauseCond(c: unknown, cp: string, doc: number, segments: Record<string, unknown>, segBase: string, notEvaluated: NotEvaluated[], depth = 0): Cond {
  const at = loc(cp, doc);
  if (!isRecord(c)) return { k: 'unknown', reason: 'an unreadable clause', at };
  const op = String(c['op'] ?? '');
  const values = arr(c['values']).map(String);
  let cond: Cond;
  if (op === 'segmentMatch') {
    const parts = values.map((key): Cond => {
      const seg = segments[key];
      if (!isRecord(seg) || depth > 4) {
        notEvaluated.push({ reason: `segment "${key}" is not in this file`, at });
        return { k: 'unknown', reason: `the segment ${key}`, at };
      }
      const sp = joinPointer(segBase, key);
      const alts: Cond[] = [];
      if (arr(seg['included']).length) alts.push({ k: 'attr', attribute: 'key', op: 'in', rawOp: 'included', values: arr(seg['included']).map(String), at: loc(joinPointer(sp, 'included'), doc) });
      arr(seg['rules']).forEach((r, i) => {
        if (!isRecord(r)) return;
        const cl = arr(r['clauses']).map((x, j) => clauseCond(x, joinPointer(sp, 'rules', i, 'clauses', j), doc, segments, segBase, notEvaluated, depth + 1));
        alts.push(cl.length === 1 ? cl[0]! : { k: 'and', of: cl });
      });
      const any: Cond = alts.length === 0 ? { k: 'const', value: false } : alts.length === 1 ? alts[0]! : { k: 'or', of: alts };
      const excluded = arr(seg['excluded']).map(String);
      return excluded.length ? { k: 'and', of: [{ k: 'not', of: { k: 'attr', attribute: 'key', op: 'in', rawOp: 'excluded', values: excluded, at: loc(joinPointer(sp, 'excluded'), doc) } }, any] } : any;
    });
    cond = parts.length === 1 ? parts[0]! : { k: 'or', of: parts };
  } else {
    const nop = op === 'in' ? 'in' : normaliseOp(op);
    cond = { k: 'attr', attribute: String(c['attribute'] ?? ''), op: nop, rawOp: op, values, at };
  }
  return c['negate'] === true ? { k: 'not', of: cond } : cond;
}

function vrServe(o: Record<string, unknown>, p: string, doc: number, notEvaluated: NotEvaluated[]): { serve: Serve; at: string } | undefined {
  const v = num(o['variation']);
  if (v !== undefined) return { serve: serveOne(String(v)), at: joinPointer(p, 'variation') };
  if (isRecord(o['rollout'])) {
    const weights = arr(o['rollout']['variations']).filter(isRecord).map((x) => ({ variant: String(num(x['variation']) ?? ''), weight: num(x['weight']) ?? 0 }));
    return { serve: weightsToServe(weights, 100000), at: joinPointer(p, 'rollout', 'variations') };
  }
  notEvaluated.push({ reason: 'neither a variation nor a rollout', at: loc(p, doc) });
  return undefined;
}

export function readLaunchDarkly(root: Record<string, unknown>, base: string, doc: number): FlagDef[] {
  const segments = isRecord(root['segments']) ? root['segments'] : {};
  const segBase = joinPointer(base, 'segments');
  const out: FlagDef[] = [];
  const flags = isRecord(root['flags']) ? root['flags'] : {};
  for (const [key, f] of Object.entries(flags)) {
    if (!isRecord(f)) continue;
    const p = joinPointer(base, 'flags', key);
    const notEvaluated: NotEvaluated[] = [];
    const notes: string[] = [];
    const variants = arr(f['variations']).map((value, i) => ({ name: String(i), value, at: loc(joinPointer(p, 'variations', i), doc) }));
    const steps: Step[] = [];
    const off = num(f['offVariation']);
    const offVariant = off === undefined ? CODE_DEFAULT : String(off);
    const offAt = loc(f['offVariation'] !== undefined ? joinPointer(p, 'offVariation') : f['on'] !== undefined ? joinPointer(p, 'on') : p, doc);
    const prereqs = arr(f['prerequisites']).filter(isRecord);
    prereqs.forEach((pr, i) => {
      steps.push({ when: { k: 'unknown', reason: `the prerequisite flag ${String(pr['key'])} serving variation ${String(pr['variation'])}`, at: loc(joinPointer(p, 'prerequisites', i), doc) }, serve: serveOne(offVariant), at: loc(joinPointer(p, 'prerequisites', i), doc), label: `prerequisite ${String(pr['key'])} not met`, kind: 'off' });
    });
    arr(f['targets']).forEach((t, i) => {
      if (!isRecord(t)) return;
      const tp = joinPointer(p, 'targets', i);
      steps.push({ when: { k: 'attr', attribute: 'key', op: 'in', rawOp: 'targets', values: arr(t['values']).map(String), at: loc(tp, doc) }, serve: serveOne(String(num(t['variation']) ?? '')), at: loc(joinPointer(tp, 'variation'), doc), label: `individual targets ${i + 1}`, kind: 'target' });
    });
    arr(f['contextTargets']).forEach((t, i) => {
      if (!isRecord(t) || arr(t['values']).length === 0) return;
      const tp = joinPointer(p, 'contextTargets', i);
      steps.push({ when: { k: 'attr', attribute: 'key', op: 'in', rawOp: 'contextTargets', values: arr(t['values']).map(String), at: loc(tp, doc) }, serve: serveOne(String(num(t['variation']) ?? '')), at: loc(joinPointer(tp, 'variation'), doc), label: `context targets ${i + 1}`, kind: 'target' });
    });
    arr(f['rules']).forEach((r, i) => {
      if (!isRecord(r)) return;
      const rp = joinPointer(p, 'rules', i);
      const clauses = arr(r['clauses']).map((c, j) => clauseCond(c, joinPointer(rp, 'clauses', j), doc, segments, segBase, notEvaluated));
      const s = vrServe(r, rp, doc, notEvaluated);
      if (!s) return;
      steps.push({ when: clauses.length === 0 ? { k: 'const', value: true } : clauses.length === 1 ? clauses[0]! : { k: 'and', of: clauses }, serve: s.serve, at: loc(s.at, doc), label: `rule ${i + 1}${typeof r['description'] === 'string' ? ` (${r['description']})` : ''}`, kind: 'rule' });
    });
    const ft = isRecord(f['fallthrough']) ? vrServe(f['fallthrough'], joinPointer(p, 'fallthrough'), doc, notEvaluated) : undefined;
    steps.push({ when: { k: 'const', value: true }, serve: ft?.serve ?? serveOne(CODE_DEFAULT), at: loc(ft?.at ?? p, doc), label: 'fallthrough', kind: 'default' });
    if (prereqs.length) notes.push(`depends on prerequisite flags ${prereqs.map((x) => String(x['key'])).join(', ')}`);
    out.push({
      key,
      format: 'launchdarkly',
      name: str(f['name']),
      description: str(f['description']),
      at: loc(p, doc),
      variants,
      enabled: f['on'] === true,
      enabledAt: loc(f['on'] !== undefined ? joinPointer(p, 'on') : p, doc),
      steps,
      offSteps: [{ when: { k: 'const', value: true }, serve: serveOne(offVariant), at: offAt, label: off === undefined ? 'off (no offVariation)' : `offVariation ${off}`, kind: 'off' }],
      offMeaning: off === undefined ? 'a LaunchDarkly flag that is off with no offVariation returns the code default' : `a LaunchDarkly flag that is off serves its offVariation (${off})`,
      metadata: isRecord(f['_meta']) ? f['_meta'] : {},
      notEvaluated,
      notes,
      prerequisites: prereqs.map((x) => String(x['key'])),
      scheduled: [],
    });
  }
  const values = isRecord(root['flagValues']) ? root['flagValues'] : {};
  for (const [key, value] of Object.entries(values)) {
    const p = joinPointer(base, 'flagValues', key);
    out.push({
      key,
      format: 'launchdarkly',
      at: loc(p, doc),
      variants: [{ name: '0', value, at: loc(p, doc) }],
      enabled: true,
      enabledAt: loc(p, doc),
      steps: [{ when: { k: 'const', value: true }, serve: serveOne('0'), at: loc(p, doc), label: 'flagValues', kind: 'default' }],
      offSteps: [{ when: { k: 'const', value: true }, serve: serveOne('0'), at: loc(p, doc), label: 'flagValues (no off state)', kind: 'off' }],
      offMeaning: 'a flagValues entry serves one value to everyone and has no off state',
      metadata: {},
      notEvaluated: [],
      notes: ['a constant from flagValues'],
      prerequisites: [],
      scheduled: [],
    });
  }
  return out;
}
