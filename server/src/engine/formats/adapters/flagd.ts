// OpenFeature flagd (JSON/YAML, also inside the Kubernetes FeatureFlag resource).
// DISABLED: the flag is treated as absent, so the SDK returns the code default.
import { joinPointer } from '../../parse/yamlSource';
import { targetingToSteps, type JsonLogicContext } from '../jsonLogic';
import { CODE_DEFAULT, isRecord, loc, serveOne, str, type FlagDef, type NotEvaluated } from '../model';

export function readFlagd(root: Record<string, unknown>, base: string, doc: number, notEvaluated: NotEvaluated[]): FlagDef[] {
  const evaluators: JsonLogicContext['evaluators'] = {};
  const evs = root['$evaluators'];
  if (isRecord(evs)) for (const [k, v] of Object.entries(evs)) evaluators[k] = { value: v, pointer: joinPointer(base, '$evaluators', k) };
  const flagsNode = root['flags'];
  const entries: [string, Record<string, unknown>, string][] = [];
  if (isRecord(flagsNode)) {
    for (const [k, v] of Object.entries(flagsNode)) if (isRecord(v)) entries.push([k, v, joinPointer(base, 'flags', k)]);
  } else if (Array.isArray(flagsNode)) {
    flagsNode.forEach((v, i) => {
      if (isRecord(v) && typeof v['key'] === 'string') entries.push([v['key'], v, joinPointer(base, 'flags', i)]);
    });
  }
  void notEvaluated;
  return entries.map(([key, f, p]) => readOne(key, f, p, doc, evaluators));
}

function readOne(key: string, f: Record<string, unknown>, p: string, doc: number, evaluators: JsonLogicContext['evaluators']): FlagDef {
  const notEvaluated: NotEvaluated[] = [];
  const variants = isRecord(f['variants'])
    ? Object.entries(f['variants']).map(([name, value]) => ({ name, value, at: loc(joinPointer(p, 'variants', name), doc) }))
    : [];
  const def = str(f['defaultVariant']) ?? null;
  const enabled = f['state'] !== 'DISABLED';
  const defaultAt = loc(f['defaultVariant'] !== undefined ? joinPointer(p, 'defaultVariant') : p, doc);
  const ctx: JsonLogicContext = { doc, evaluators, notEvaluated };
  const targeting = f['targeting'];
  const steps = targeting !== undefined && !(isRecord(targeting) && Object.keys(targeting).length === 0)
    ? targetingToSteps(targeting, joinPointer(p, 'targeting'), def, ctx)
    : [];
  steps.push({ when: { k: 'const', value: true }, serve: serveOne(def ?? CODE_DEFAULT), at: defaultAt, label: 'defaultVariant', kind: 'default' });
  const meta = isRecord(f['metadata']) ? f['metadata'] : {};
  return {
    key,
    format: 'flagd',
    description: str(f['description']) ?? str(meta['description']),
    at: loc(p, doc),
    variants,
    enabled,
    enabledAt: loc(f['state'] !== undefined ? joinPointer(p, 'state') : p, doc),
    steps,
    offSteps: [{ when: { k: 'const', value: true }, serve: serveOne(CODE_DEFAULT), at: loc(f['state'] !== undefined ? joinPointer(p, 'state') : p, doc), label: 'state DISABLED', kind: 'off' }],
    offMeaning: 'a DISABLED flagd flag is treated as absent, so the application falls back to its code default',
    metadata: meta,
    notEvaluated,
    notes: [],
    prerequisites: [],
    scheduled: [],
  };
}
