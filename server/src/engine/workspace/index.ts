// WorkspaceIndex: small summaries of every spec and flag file in a workspace, for cross-file
// checks (a spec's kill switch names a flag; a flag names the spec that assessed it).
//
// API (pure, no I/O — the caller reads files and passes their text):
//
//   const index = new WorkspaceIndex(env);        // env: a LintEnvironment (clock, edition, markets)
//   index.update(uri, text);                      // add or re-read ONE file; returns its kind
//   index.remove(uri);                            // forget a deleted/closed file
//   lintDocument(uri, text, { ...env, workspace: index });   // cross-file rules now run
//
//   index.version                                 // increments on every change (for caches)
//   index.specs(): SpecSummary[]                  // path, feature id, markets, flag keys, blockers
//   index.flags(key?): FlagSummary[]              // every flag (or those with one key)
//   index.flagFileCount(): number
//   index.specFor(ref, fromUri): SpecSummary|undefined   // resolve a dd_ref (path or feature id)
//   index.linksTo(flagKey): { spec, role, pointer }[]    // specs naming a flag key
//   index.exposure(flag, code): Exposure          // what a flag serves in a country/region (cached)
//
// update() of a flag file costs one parse; update() of a spec only stores its text: the spec is
// parsed and summarised when a summary is first read (specs(), specFor(), linksTo() — the
// questions flag files ask), and the lint without cross-file rules that counts its open
// blockers runs only when openBlockers is read. Nothing else is recomputed, so the server can
// call update() on every change of one file.
// The CLI calls update() for every file first, then lints with { workspace: index }; it passes
// a parse cache as env.parseYaml (spec summaries and linked specs' blocker counts parse through
// it) and as onParsed (flag files are parsed while their format is detected), so linting a file
// does not parse it again.
import specSchema from '../../../../schemas/fcs-spec.schema.json';
import { resolveMarket } from '../contexts/markets';
import { detectKind } from '../documentKind';
import { evaluateFlag, placeFor, type Exposure } from '../formats/exposure';
import type { FlagDef, FlagFormat } from '../formats/model';
import { readFlagFile } from '../formats/readFlags';
import { lintDocument, type LintEnvironment } from '../lint';
import { normalise, type ModelObject } from '../model/normalise';
import type { JsonSchema } from '../model/schemaCheck';
import { parseYamlSource, sourceData, type YamlSource } from '../parse/yamlSource';
import { stageIndex, type DocumentKind, type Pointer } from '../types';

export interface SpecSummary {
  uri: string;
  featureId: string | null;
  name: string | null;
  stage: string;
  stageIndex: number;
  beforeDeployment: boolean;
  /** A human-rights lead signed off. */
  approved: boolean;
  functions: string[];
  markets: { code: string; alpha3: string; region: string[]; category: string; inFcs: boolean }[];
  killSwitch: { key: string; pointer: Pointer } | null;
  mitigations: { key: string; id: string | null; pointer: Pointer }[];
  /** Open blocker findings of the spec itself (without cross-file rules). */
  openBlockers: number;
}

export interface FlagSummary {
  key: string;
  uri: string;
  format: FlagFormat;
  def: FlagDef;
}

export type LinkRole = 'kill_switch' | 'mitigation';

export interface WorkspaceIndexOptions {
  /** Called with the syntax tree of every flag file read (a cache can keep it for the lint). */
  onParsed?: (src: YamlSource) => void;
}

/** A spec is summarised when a summary is first asked for (flag files ask; specs never do). */
type Entry = { kind: 'spec'; spec: SpecSummary } | { kind: 'pending-spec'; text: string } | { kind: 'flags'; flags: FlagSummary[] };

type Link = { spec: SpecSummary; role: LinkRole; pointer: Pointer };

interface Views {
  specs?: SpecSummary[];
  flags?: FlagSummary[];
  flagsByKey?: Map<string, FlagSummary[]>;
  flagFiles?: number;
  links?: Map<string, Link[]>;
}

export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly exposureCache = new Map<string, Exposure>();
  private changes = 0;
  private pending = 0;
  private readonly env: LintEnvironment;

  private readonly onParsed?: (src: YamlSource) => void;
  /** Lists derived from the entries, built on first read after a change (reads are per flag and per key). */
  private views: Views = {};

  constructor(env: LintEnvironment, options: WorkspaceIndexOptions = {}) {
    this.env = { ...env, workspace: undefined };
    this.onParsed = options.onParsed;
  }

  get version(): number {
    return this.changes;
  }

  /** Add or re-read one file. Files that are neither specs nor flag files are dropped. */
  update(uri: string, text: string): DocumentKind {
    const kind = detectKind(uri, text);
    this.drop(uri);
    this.views = {};
    if (kind === 'spec') {
      this.entries.set(uri, { kind: 'pending-spec', text });
      this.pending++;
    } else if (kind === 'flags') {
      const r = readFlagFile(text, this.env.now, this.env.parseYaml);
      this.onParsed?.(r.src);
      if (r.file) this.entries.set(uri, { kind: 'flags', flags: r.file.flags.map((def) => ({ key: def.key, uri, format: def.format, def })) });
    }
    this.changes++;
    return kind;
  }

  remove(uri: string): void {
    if (this.drop(uri)) this.changes++;
  }

  /**
   * Forget every file under a folder (a workspace folder was removed), except those `keep`
   * holds on to (documents open in the editor); how many were forgotten.
   */
  removeFolder(folderUri: string, keep: (uri: string) => boolean = () => false): number {
    const prefix = folderUri.endsWith('/') ? folderUri : folderUri + '/';
    let n = 0;
    for (const uri of [...this.entries.keys()]) if (uri.startsWith(prefix) && !keep(uri) && this.drop(uri)) n++;
    if (n > 0) this.changes++;
    return n;
  }

  private drop(uri: string): boolean {
    const had = this.entries.delete(uri);
    if (had) this.views = {};
    if (had) for (const k of [...this.exposureCache.keys()]) if (k.startsWith(uri + '#')) this.exposureCache.delete(k);
    return had;
  }

  specs(): SpecSummary[] {
    return [...this.specList()];
  }

  private specList(): SpecSummary[] {
    this.summarisePending();
    return (this.views.specs ??= [...this.entries.values()].flatMap((e) => (e.kind === 'spec' ? [e.spec] : [])));
  }

  /** Summarise the specs added since the last read, in place (a spec that does not parse is dropped). */
  private summarisePending(): void {
    if (this.pending === 0) return;
    this.views = {};
    for (const [uri, e] of [...this.entries]) {
      if (e.kind !== 'pending-spec') continue;
      const spec = summariseSpec(uri, e.text, this.env);
      if (spec) this.entries.set(uri, { kind: 'spec', spec });
      else this.entries.delete(uri);
    }
    this.pending = 0;
  }

  flags(key?: string): FlagSummary[] {
    const all = (this.views.flags ??= [...this.entries.values()].flatMap((e) => (e.kind === 'flags' ? e.flags : [])));
    if (key === undefined) return [...all];
    if (!this.views.flagsByKey) {
      const byKey = new Map<string, FlagSummary[]>();
      for (const f of all) pushTo(byKey, f.key, f);
      this.views.flagsByKey = byKey;
    }
    return [...(this.views.flagsByKey.get(key) ?? [])];
  }

  flagFileCount(): number {
    return (this.views.flagFiles ??= [...this.entries.values()].filter((e) => e.kind === 'flags').length);
  }

  /** A dd_ref: a path relative to the referring file, a workspace path, or a feature id. */
  specFor(ref: string, fromUri: string): SpecSummary | undefined {
    const specs = this.specList();
    const byId = specs.find((s) => s.featureId === ref);
    if (byId) return byId;
    const target = resolvePath(ref, fromUri);
    return specs.find((s) => normPath(s.uri) === target) ?? specs.find((s) => normPath(s.uri).endsWith('/' + ref.replace(/^\.?\//, '')));
  }

  linksTo(flagKey: string): Link[] {
    const specs = this.specList();
    if (!this.views.links) {
      const links = new Map<string, Link[]>();
      for (const s of specs) {
        if (s.killSwitch) pushTo(links, s.killSwitch.key, { spec: s, role: 'kill_switch', pointer: s.killSwitch.pointer });
        for (const m of s.mitigations) pushTo(links, m.key, { spec: s, role: 'mitigation', pointer: m.pointer });
      }
      this.views.links = links;
    }
    return [...(this.views.links.get(flagKey) ?? [])];
  }

  /** What a flag serves in a country or region (ETH, ET, ET-TI), now or switched off. */
  exposure(flag: FlagSummary, code: string, state: 'current' | 'off' = 'current'): Exposure | undefined {
    const id = `${flag.uri}#${flag.def.at.doc}${flag.def.at.pointer}@${code.toUpperCase()}/${state}`;
    const hit = this.exposureCache.get(id);
    if (hit) return hit;
    const place = placeFor(code);
    if (!place) return undefined;
    const e = evaluateFlag(flag.def, place, state);
    this.exposureCache.set(id, e);
    return e;
  }
}

function normPath(uri: string): string {
  return uri.replace(/^file:\/\//, '').replace(/\\/g, '/');
}

function resolvePath(ref: string, fromUri: string): string {
  if (/^[a-z]+:\/\//.test(ref)) return normPath(ref);
  const from = normPath(fromUri).split('/').slice(0, -1);
  const parts = ref.startsWith('/') ? [] : from;
  for (const p of ref.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return (ref.startsWith('/') ? '/' : '') + parts.join('/').replace(/^\/+/, '/');
}

/** Add a value to the list under a key. */
function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function summariseSpec(uri: string, text: string, env: LintEnvironment): SpecSummary | undefined {
  const src = (env.parseYaml ?? parseYamlSource)(text);
  if (src.errors.length) return undefined;
  let data: unknown;
  try {
    // Shared with the lint when the tree is (the CLI's parse cache): converted once.
    data = sourceData(src);
  } catch {
    return undefined;
  }
  const spec = normalise(data, specSchema as JsonSchema) as ModelObject;
  const feature = (spec['feature'] as ModelObject | null) ?? {};
  const stage = typeof feature['lifecycle_stage'] === 'string' ? feature['lifecycle_stage'] : 'design';
  const markets = (Array.isArray(spec['markets']) ? (spec['markets'] as ModelObject[]) : []).map((m, i) => {
    const r = resolveMarket(m, i, env.edition, env.orgMarkets);
    const region = Array.isArray(m['subnational']) ? m['subnational'].filter((x): x is string => typeof x === 'string') : [];
    return { code: r.code, alpha3: r.alpha3, region, category: r.category, inFcs: r.in_fcs };
  });
  const ks = (spec['kill_switch'] as ModelObject | null) ?? {};
  const mitigations = (Array.isArray(spec['mitigations']) ? (spec['mitigations'] as ModelObject[]) : []).flatMap((m, i) =>
    typeof m['flag_key'] === 'string' ? [{ key: m['flag_key'], id: typeof m['id'] === 'string' ? m['id'] : null, pointer: `/mitigations/${i}/flag_key` }] : [],
  );
  const signoffs = Array.isArray(spec['signoffs']) ? (spec['signoffs'] as ModelObject[]) : [];
  const si = Math.max(0, stageIndex(stage));
  // Counting open blockers takes a lint of the spec; only a flag that links to this spec reads
  // the count, so it is computed on first read (most specs of a run are never asked).
  let blockers: number | undefined;
  return {
    uri,
    featureId: typeof feature['id'] === 'string' ? feature['id'] : null,
    name: typeof feature['name'] === 'string' ? feature['name'] : null,
    stage,
    stageIndex: si,
    beforeDeployment: si < stageIndex('deployment'),
    approved: signoffs.some((s) => s['role'] === 'human_rights_lead'),
    functions: Array.isArray(feature['functions']) ? feature['functions'].filter((x): x is string => typeof x === 'string') : [],
    markets,
    killSwitch: typeof ks['flag_key'] === 'string' ? { key: ks['flag_key'], pointer: '/kill_switch/flag_key' } : null,
    mitigations,
    get openBlockers(): number {
      blockers ??= lintDocument(uri, text, env, 'spec').findings.filter((f) => f.status === 'open' && f.severity === 'blocker').length;
      return blockers;
    },
  };
}
