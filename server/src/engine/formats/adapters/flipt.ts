// Flipt declarative features.yml. VARIANT flags: disabled means no match (code default).
// BOOLEAN flags: `enabled` is only the value returned when no rollout matches; rollouts apply
// even when the flag is disabled (flag-formats.md §3.2).
import { joinPointer } from '../../parse/yamlSource';
import { normaliseOp } from '../attributes';
import { CODE_DEFAULT, arr, isRecord, loc, num, serveOne, str, weightsToServe, type Cond, type FlagDef, type NotEvaluated, type Step } from '../model';

interface Segment {
  cond: Cond;
  pointer: string;
}

function readSegments(root: Record<string, unknown>, base: string, doc: number): Map<string, Segment> {
  const out = new Map<string, Segment>();
  arr(root['segments']).forEach((s, i) => {
    if (!isRecord(s) || typeof s['key'] !== 'string') return;
    const sp = joinPointer(base, 'segments', i);
    const conds: Cond[] = arr(s['constraints']).map((c, j) => {
      const cp = joinPointer(sp, 'constraints', j);
      if (!isRecord(c)) return { k: 'unknown', reason: 'an unreadable constraint', at: loc(cp, doc) };
      const values = constraintValues(c['value']);
      const op = String(c['operator'] ?? '');
      const nop = normaliseOp(op);
      return { k: 'attr', attribute: String(c['property'] ?? ''), op: nop, rawOp: op, values, at: loc(cp, doc) } as Cond;
    });
    const any = s['match_type'] === 'ANY_MATCH_TYPE';
    const cond: Cond = conds.length === 0 ? { k: 'const', value: true } : conds.length === 1 ? conds[0]! : { k: any ? 'or' : 'and', of: conds };
    out.set(s['key'], { cond, pointer: sp });
  });
  return out;
}

/** A constraint's values: a list (1.6+), or before Flipt 1.6 a JSON array in a string. */
export function constraintValues(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string' && v.trim().startsWith('[')) {
    try {
      const parsed = JSON.parse(v) as unknown;
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // fall through: treat as one value
    }
  }
  return v === undefined || v === null ? [] : [String(v)];
}

function segmentCond(ref: unknown, segs: Map<string, Segment>, at: string, doc: number, notEvaluated: NotEvaluated[]): Cond {
  let keys: string[] = [];
  let operator = 'OR_SEGMENT_OPERATOR';
  if (typeof ref === 'string') keys = [ref];
  else if (isRecord(ref)) {
    if (typeof ref['key'] === 'string') keys = [ref['key']];
    if (Array.isArray(ref['keys'])) keys = ref['keys'].map(String);
    if (typeof ref['operator'] === 'string') operator = ref['operator'];
  }
  const conds = keys.map((k): Cond => {
    const s = segs.get(k);
    if (s) return s.cond;
    notEvaluated.push({ reason: `segment "${k}" is not defined in this file`, at: loc(at, doc) });
    return { k: 'unknown', reason: `the undefined segment ${k}`, at: loc(at, doc) };
  });
  if (conds.length === 0) return { k: 'unknown', reason: 'a rule without a segment', at: loc(at, doc) };
  return conds.length === 1 ? conds[0]! : { k: operator === 'AND_SEGMENT_OPERATOR' ? 'and' : 'or', of: conds };
}

export function readFlipt(root: Record<string, unknown>, base: string, doc: number): FlagDef[] {
  const segs = readSegments(root, base, doc);
  const flags: FlagDef[] = [];
  arr(root['flags']).forEach((f, i) => {
    if (!isRecord(f) || typeof f['key'] !== 'string') return;
    const p = joinPointer(base, 'flags', i);
    const notEvaluated: NotEvaluated[] = [];
    const notes: string[] = [];
    const enabled = f['enabled'] === true;
    const enabledAt = loc(f['enabled'] !== undefined ? joinPointer(p, 'enabled') : joinPointer(p, 'key'), doc);
    const isBool = f['type'] === 'BOOLEAN_FLAG_TYPE';
    const steps: Step[] = [];
    let variants: FlagDef['variants'];
    let offSteps: Step[];
    if (isBool) {
      variants = [
        { name: 'true', value: true, at: loc(p, doc) },
        { name: 'false', value: false, at: loc(p, doc) },
      ];
      arr(f['rollouts']).forEach((r, j) => {
        const rp = joinPointer(p, 'rollouts', j);
        if (!isRecord(r)) return;
        if (isRecord(r['threshold'])) {
          const t = r['threshold'];
          const pct = num(t['percentage']) ?? 0;
          const value = t['value'] !== false;
          steps.push({ when: { k: 'const', value: true }, serve: { ...weightsToServe([{ variant: String(value), weight: pct }], 100, true), written: `${pct}%` }, at: loc(joinPointer(rp, 'threshold'), doc), label: `rollout ${j + 1} (threshold ${pct}%)`, kind: 'rule' });
        } else if (isRecord(r['segment'])) {
          const s = r['segment'];
          const value = s['value'] !== false;
          steps.push({ when: segmentCond(s, segs, joinPointer(rp, 'segment'), doc, notEvaluated), serve: serveOne(String(value)), at: loc(joinPointer(rp, 'segment'), doc), label: `rollout ${j + 1} (segment)`, kind: 'rule' });
        } else notEvaluated.push({ reason: 'a rollout that is neither a threshold nor a segment', at: loc(rp, doc) });
      });
      // Disabled BOOLEAN flags still evaluate their rollouts; `enabled` is the fallback value.
      offSteps = [...steps, { when: { k: 'const', value: true }, serve: serveOne('false'), at: enabledAt, label: 'enabled: false (fallback)', kind: 'off' }];
      steps.push({ when: { k: 'const', value: true }, serve: serveOne('true'), at: enabledAt, label: 'enabled: true (fallback)', kind: 'default' });
    } else {
      variants = arr(f['variants']).flatMap((v, j) =>
        isRecord(v) && v['key'] !== undefined ? [{ name: String(v['key']), value: v['attachment'] ?? String(v['key']), at: loc(joinPointer(p, 'variants', j), doc) }] : [],
      );
      const rules = arr(f['rules']).map((r, j) => ({ r, j })).filter((x) => isRecord(x.r));
      rules.sort((a, b) => (num((a.r as Record<string, unknown>)['rank']) ?? a.j) - (num((b.r as Record<string, unknown>)['rank']) ?? b.j));
      for (const { r, j } of rules) {
        const rule = r as Record<string, unknown>;
        const rp = joinPointer(p, 'rules', j);
        const dist = arr(rule['distributions']).filter(isRecord);
        const weights = dist.map((d) => ({ variant: String(d['variant'] ?? ''), weight: num(d['rollout']) ?? 0 }));
        const total = weights.reduce((a, w) => a + w.weight, 0);
        if (total > 100.0001) notes.push(`rule ${j + 1}: distributions add up to ${total}%, more than 100%`);
        const serve = dist.length === 0 ? serveOne(CODE_DEFAULT) : weightsToServe(weights, 100);
        const at = loc(dist.length ? joinPointer(rp, 'distributions') : rp, doc);
        steps.push({ when: segmentCond(rule['segment'] ?? (rule['segments'] ? { keys: rule['segments'], operator: rule['segmentOperator'] } : undefined), segs, joinPointer(rp, 'segment'), doc, notEvaluated), serve, at, label: `rule ${j + 1}`, kind: 'rule' });
      }
      const defVariant = variants.find((_, j) => {
        const v = arr(f['variants'])[j];
        return isRecord(v) && v['default'] === true;
      });
      steps.push({ when: { k: 'const', value: true }, serve: serveOne(defVariant?.name ?? CODE_DEFAULT), at: defVariant ? defVariant.at : loc(p, doc), label: defVariant ? 'default variant' : 'no rule matched', kind: 'default' });
      offSteps = [{ when: { k: 'const', value: true }, serve: serveOne(CODE_DEFAULT), at: enabledAt, label: 'enabled: false', kind: 'off' }];
    }
    flags.push({
      key: f['key'],
      format: 'flipt',
      name: str(f['name']),
      description: str(f['description']),
      at: loc(p, doc),
      variants,
      enabled,
      enabledAt,
      steps,
      offSteps,
      offMeaning: isBool
        ? 'a disabled Flipt BOOLEAN flag still evaluates its rollouts; enabled only sets the fallback value'
        : 'a disabled Flipt VARIANT flag matches nobody, so the application falls back to its code default',
      metadata: isRecord(f['metadata']) ? f['metadata'] : {},
      notEvaluated,
      notes,
      prerequisites: [],
      scheduled: [],
    });
  });
  return flags;
}
