// Detect a flag file's format from its content (file names only order the guesses) and read it
// into the common model. A file that matches no format is "not a flag file" and left alone.
import { parseYamlSource, sourceData, toData, type YamlParser, type YamlSource } from '../parse/yamlSource';
import { readFlagd } from './adapters/flagd';
import { readFlipt } from './adapters/flipt';
import { readGoff } from './adapters/goff';
import { readLaunchDarkly } from './adapters/launchdarkly';
import { readUnleashClient, readUnleashExport } from './adapters/unleash';
import { arr, isRecord, loc, type FlagDef, type FlagFile, type FlagFormat, type NotEvaluated } from './model';

export interface Detection {
  format: FlagFormat;
  /** Where the flags live in the document ('' for the root, '/spec/flagSpec' for the CRD). */
  base: string;
  markers: string[];
  read: (root: Record<string, unknown>, base: string, doc: number, now: Date) => FlagDef[];
}

const objects = (v: unknown): Record<string, unknown>[] => arr(v).filter(isRecord);

function flagdLike(root: Record<string, unknown>): string[] {
  const m: string[] = [];
  if (typeof root['$schema'] === 'string' && root['$schema'].includes('flagd.dev/schema')) m.push('$schema flagd.dev');
  const flags = root['flags'];
  const entries = isRecord(flags) ? Object.values(flags).filter(isRecord) : objects(flags).filter((f) => typeof f['key'] === 'string');
  if (entries.length && entries.every((f) => isRecord(f['variants']) && ('defaultVariant' in f || f['state'] === 'ENABLED' || f['state'] === 'DISABLED'))) {
    m.push('flags with variants object and defaultVariant/state');
    if (entries.some((f) => f['state'] === 'ENABLED' || f['state'] === 'DISABLED')) m.push('state ENABLED/DISABLED');
  }
  if (isRecord(root['$evaluators'])) m.push('$evaluators');
  return m;
}

/** Signatures in order (flag-formats.md §6.2). At least two markers are required. */
export function detect(root: unknown): Detection | undefined {
  if (!isRecord(root)) return undefined;
  // OpenFeature Operator CRD
  if (typeof root['apiVersion'] === 'string' && root['apiVersion'].startsWith('core.openfeature.dev/') && root['kind'] === 'FeatureFlag') {
    const spec = isRecord(root['spec']) ? root['spec'] : {};
    const fs = isRecord(spec['flagSpec']) ? spec['flagSpec'] : {};
    if (isRecord(fs['flags']) || Array.isArray(fs['flags'])) return { format: 'flagd', base: '/spec/flagSpec', markers: ['apiVersion core.openfeature.dev', 'kind FeatureFlag'], read: (r, b, d) => readFlagd(sub(r, b), b, d, []) };
  }
  const fm = flagdLike(root);
  if (fm.length >= 2 || (fm.length === 1 && fm[0]!.startsWith('$schema') && root['flags'] !== undefined)) return { format: 'flagd', base: '', markers: fm, read: (r, b, d) => readFlagd(r, b, d, []) };
  // LaunchDarkly
  const keys = Object.keys(root).filter((k) => k !== '$schema');
  if (keys.length && keys.every((k) => ['flags', 'flagValues', 'segments'].includes(k))) {
    const flags = isRecord(root['flags']) ? Object.values(root['flags']).filter(isRecord) : [];
    const ldFlags = flags.filter((f) => typeof f['on'] === 'boolean' && Array.isArray(f['variations']));
    if ((flags.length && ldFlags.length === flags.length) || (!root['flags'] && isRecord(root['flagValues']))) {
      return { format: 'launchdarkly', base: '', markers: ['top-level flags/flagValues/segments only', 'flags with on and variations array'], read: (r, b, d) => readLaunchDarkly(r, b, d) };
    }
  }
  // Flipt
  const fliptFlags = objects(root['flags']);
  if (Array.isArray(root['flags']) && fliptFlags.length === arr(root['flags']).length && fliptFlags.every((f) => typeof f['key'] === 'string')) {
    const m: string[] = ['flags array with key'];
    if (typeof root['version'] === 'string' && /^1\.\d+$/.test(root['version'])) m.push('version 1.x');
    if (root['namespace'] !== undefined) m.push('namespace');
    if (objects(root['segments']).some((s) => typeof s['match_type'] === 'string')) m.push('segments with match_type');
    if (fliptFlags.some((f) => typeof f['enabled'] === 'boolean' || /_FLAG_TYPE$/.test(String(f['type'] ?? '')))) m.push('flags with enabled/type');
    if (m.length >= 2) return { format: 'flipt', base: '', markers: m, read: (r, b, d) => readFlipt(r, b, d) };
  }
  // Unleash
  const features = objects(root['features']);
  if (Array.isArray(root['features']) && Array.isArray(root['featureStrategies']) && Array.isArray(root['featureEnvironments']) && !features.some((f) => Array.isArray(f['strategies']))) {
    return { format: 'unleash', base: '', markers: ['features', 'featureStrategies', 'featureEnvironments'], read: (r, b, d) => (Array.isArray(r['strategies']) ? readUnleashClient(r, b, d) : readUnleashExport(r, b, d)) };
  }
  if (features.length && features.every((f) => typeof f['name'] === 'string') && features.some((f) => Array.isArray(f['strategies']))) {
    const m = ['features with name and strategies'];
    if (typeof root['version'] === 'number') m.push('version number');
    if (objects(root['strategies']).some((s) => Array.isArray(s['parameters']))) m.push('strategy definitions (legacy state)');
    if (features.some((f) => typeof f['enabled'] === 'boolean')) m.push('features with enabled');
    if (m.length >= 2) return { format: 'unleash', base: '', markers: m, read: (r, b, d) => readUnleashClient(r, b, d) };
  }
  if (typeof root['name'] === 'string' && isRecord(root['state']) && (Array.isArray(root['tests']) || Array.isArray(root['variantTests']))) {
    const inner = detect(root['state']);
    if (inner?.format === 'unleash') return { ...inner, base: '/state', markers: ['client-spec wrapper (name, state, tests)', ...inner.markers], read: (r, b, d, n) => inner.read(sub(r, b), b, d, n) };
  }
  // GO Feature Flag: every value is a flag with variations and a rule.
  const values = Object.values(root);
  if (values.length && values.every((v) => isRecord(v) && isGoffFlag(v))) {
    return { format: 'goff', base: '', markers: ['top-level map of flags', 'variations map with defaultRule/targeting'], read: (r, b, d, n) => readGoff(r, b, d, n) };
  }
  return undefined;
}

function isGoffFlag(v: Record<string, unknown>): boolean {
  if (isRecord(v['variations']) && (isRecord(v['defaultRule']) || Array.isArray(v['targeting']) || Array.isArray(v['scheduledRollout']))) return true;
  return ('true' in v || 'false' in v) && ('default' in v || 'percentage' in v || 'rule' in v);
}

function sub(root: Record<string, unknown>, base: string): Record<string, unknown> {
  let cur: unknown = root;
  for (const t of base.split('/').filter(Boolean)) cur = isRecord(cur) ? cur[t] : undefined;
  return isRecord(cur) ? cur : {};
}

export interface ReadResult {
  src: YamlSource;
  /** The flags found, or null when the file is not a flag file in a supported format. */
  file: FlagFile | null;
  /** Why the file is not read as a flag file. */
  reason?: string;
}

let cache: { text: string; now: number; result: ReadResult } | undefined;
let parsed: { text: string; src: YamlSource; data: (unknown | typeof UNREADABLE)[] } | undefined;
const UNREADABLE = Symbol('unreadable');

/** Parse once per text (detection and reading share it). */
function parseCached(text: string, parse: YamlParser = parseYamlSource): { src: YamlSource; data: (unknown | typeof UNREADABLE)[] } {
  if (parsed && parsed.text === text && !parsed.src.consumed) return parsed;
  const src = parse(text);
  // The first document's data is the source's own (converted once, shared with whoever else
  // read this source, e.g. the workspace index); the readers only read it.
  const data = src.docs.map((d, i) => {
    try {
      return i === 0 ? sourceData(src) : toData(d);
    } catch {
      return UNREADABLE;
    }
  });
  parsed = { text, src, data };
  return parsed;
}

/**
 * The flag format of a text, or undefined when it is not a flag file. Cheap after the first call.
 * `parse`: how the text becomes a tree (the server's per-version cache, so detection and lint share one parse).
 */
export function detectFlagFormat(text: string, parse?: YamlParser): FlagFormat | undefined {
  for (const d of parseCached(text, parse).data) {
    if (d === UNREADABLE) continue;
    const det = detect(d);
    if (det) return det.format;
  }
  return undefined;
}

/** Parse once and read every document of the stream. Cached for the last text seen. */
export function readFlagFile(text: string, now: Date, parse?: YamlParser): ReadResult {
  if (cache && cache.text === text && cache.now === now.getTime() && !cache.result.src.consumed) return cache.result;
  const result = readUncached(text, now, parse);
  cache = { text, now: now.getTime(), result };
  return result;
}

function readUncached(text: string, now: Date, parse?: YamlParser): ReadResult {
  const { src, data: docs } = parseCached(text, parse);
  let format: FlagFormat | undefined;
  const markers: string[] = [];
  const flags: FlagDef[] = [];
  const notEvaluated: NotEvaluated[] = [];
  let readable = 0;
  docs.forEach((data, i) => {
    if (data === UNREADABLE) return;
    readable++;
    const det = detect(data);
    if (!det || !isRecord(data)) return;
    if (format && det.format !== format) {
      notEvaluated.push({ reason: `document ${i + 1} is ${det.format}, the file is ${format}; it is not read`, at: loc('', i) });
      return;
    }
    format = det.format;
    markers.push(...det.markers.filter((m) => !markers.includes(m)));
    flags.push(...det.read(data, det.base, i, now));
  });
  if (!format) {
    const reason = readable === 0 ? 'the file cannot be parsed as JSON or YAML' : src.errors.length ? `the file has syntax errors and no supported flag format was recognised (${src.errors[0]!.message.slice(0, 100)})` : 'no supported flag format was recognised';
    return { src, file: null, reason };
  }
  return { src, file: { format, markers, flags, notEvaluated } };
}
