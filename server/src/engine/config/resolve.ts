// Configuration resolution, shared by the CLI and the language server. For each linted file:
// walk up from its folder collecting .fcs-lint.yaml files until one says `root: true`; expand
// each file's `extends:` (built-in packs, local paths, npm packages from node_modules — read as
// YAML, never executed, never downloaded); merge farthest first, so the nearest file wins.
// Checklists are compiled once per configuration: results are cached by the chain's identity.
import { BUILTIN_PACK_FILES } from '../../generated/checklists';
import { builtinChecklists } from '../checklist/builtin';
import { loadChecklist, type LoadedChecklist } from '../checklist/loadChecklist';
import type { OrgMarkets } from '../contexts/markets';
import { createLintEnvironment, type LintEnvironment, type RuleSetting } from '../lint';
import { DEFAULT_WINDOW_DAYS } from '../meta/earlyWarning';
import { META_RULES } from '../meta/metaRules';
import { locatePointer, parseYamlSource } from '../parse/yamlSource';
import type { InlineMode } from '../suppress/inline';
import { LEDGER_NAME, readLedger, type Ledger } from '../suppress/ledger';
import { closest } from '../util/didYouMean';
import { CONFIG_NAMES, locateIn, readConfigFile, type ConfigFile, type ConfigProblem, type RawRuleSetting } from './configFile';
import type { FileAccess } from './fileAccess';
import { convertMarkets, mergeMarkets, mergeSignals, type MarketSignals } from './markets';
import { ancestors, dirname, isInside, join, normalize, relative, resolve } from './paths';
import picomatch from 'picomatch';

export const BUILTIN_PACKS = ['fcs:recommended', ...BUILTIN_PACK_FILES.map((p) => p.name)];

export interface ResolverOptions {
  files: FileAccess;
  /** Untrusted workspaces never load npm checklist packages. */
  trusted: boolean;
}

export interface RuleOverride {
  base: string;
  globs: string[];
  match: (relPath: string) => boolean;
  rules: Map<string, RuleSetting>;
}

export interface ResolvedConfig {
  /** Identity of the configuration: the chain of .fcs-lint.yaml files, farthest first ('' = none). */
  key: string;
  /** The .fcs-lint.yaml files in effect, farthest first. */
  configFiles: string[];
  /** Every file read to build it (configs, packs, checklists, package.json): watch these. */
  sources: string[];
  problems: ConfigProblem[];
  /** Checklists added by configuration (the built-in ones are always present). */
  checklists: LoadedChecklist[];
  options: Record<string, number>;
  rules: Map<string, RuleSetting>;
  overrides: RuleOverride[];
  orgMarkets: OrgMarkets;
  signals: MarketSignals;
  windowDays: number;
  staleData: boolean;
  ledger?: Ledger;
  /** npm packages that were skipped because the workspace is not trusted. */
  skippedPackages: string[];
}

const PACKAGE_NAME = /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

function isPathRef(ref: string): boolean {
  return ref.startsWith('./') || ref.startsWith('../') || ref.startsWith('/') || /\.ya?ml$/i.test(ref);
}

function toRuleSetting(v: RawRuleSetting): RuleSetting {
  if (typeof v === 'string') return v === 'off' ? { off: true } : { severity: v };
  const s: RuleSetting = {};
  if (v.off !== undefined) s.off = v.off;
  if (v.severity) s.severity = v.severity;
  if (v.at_least) s.atLeast = v.at_least;
  return s;
}

interface Acc {
  problems: ConfigProblem[];
  sources: Set<string>;
  checklists: LoadedChecklist[];
  options: Record<string, number>;
  rules: Map<string, RuleSetting>;
  overrides: RuleOverride[];
  markets: OrgMarkets;
  signals: MarketSignals;
  windowDays?: number;
  staleData?: boolean;
  ledgerFile?: string;
  skippedPackages: string[];
  /** Rule ids and option names written in configs, checked once every checklist is known. */
  refs: { cf: ConfigFile; pointer: string; id: string; kind: 'rule' | 'option' }[];
}

export class ConfigResolver {
  private readonly chainByDir = new Map<string, string[]>();
  private readonly resolvedByKey = new Map<string, ResolvedConfig>();
  private readonly checklistCache = new Map<string, LoadedChecklist>();
  private readonly envCache = new Map<string, LintEnvironment>();

  constructor(private readonly opts: ResolverOptions) {}

  /** Forget everything read (a config, checklist or package changed). */
  clear(): void {
    this.chainByDir.clear();
    this.resolvedByKey.clear();
    this.checklistCache.clear();
    this.envCache.clear();
  }

  /** The .fcs-lint.yaml files that apply to a file in `dir`, farthest first. */
  chainFor(dir: string): string[] {
    const d = normalize(dir);
    const cached = this.chainByDir.get(d);
    if (cached) return cached;
    const chain: string[] = [];
    for (const a of ancestors(d)) {
      const name = CONFIG_NAMES.map((n) => join(a, n)).find((p) => this.opts.files.exists(p));
      if (!name) continue;
      chain.unshift(name);
      const text = this.opts.files.readFile(name) ?? '';
      if (readConfigFile(name, text).config.root === true) break;
    }
    this.chainByDir.set(d, chain);
    return chain;
  }

  /** The configuration for a file: discovered from its folder upwards. */
  forFile(file: string): ResolvedConfig {
    return this.forChain(this.chainFor(dirname(file)));
  }

  /** An explicit configuration file (--config): no discovery. */
  forConfigFile(configFile: string): ResolvedConfig {
    return this.forChain([normalize(configFile)]);
  }

  /** No configuration at all (--no-config): the built-in checklist as it is. */
  none(): ResolvedConfig {
    return this.forChain([]);
  }

  forChain(chain: string[]): ResolvedConfig {
    const key = chain.join('\n');
    let r = this.resolvedByKey.get(key);
    if (!r) {
      r = this.build(chain, key);
      this.resolvedByKey.set(key, r);
    }
    return r;
  }

  /** The lint environment for one file under a resolved configuration (overrides applied). */
  environmentFor(config: ResolvedConfig, file: string, base: { now: Date; stage?: string; inlineSuppressions?: InlineMode }): LintEnvironment {
    const matching = config.overrides.filter((o) => isInside(o.base, file) && o.match(relative(o.base, file)));
    const envKey = `${config.key}\0${matching.map((o) => config.overrides.indexOf(o)).join(',')}\0${base.stage ?? ''}\0${base.inlineSuppressions ?? ''}`;
    let env = this.envCache.get(envKey);
    if (!env) {
      const ruleSettings = new Map(config.rules);
      for (const o of matching) for (const [id, s] of o.rules) ruleSettings.set(id, { ...(ruleSettings.get(id) ?? {}), ...s });
      env = createLintEnvironment({
        extraChecklists: config.checklists,
        options: config.options,
        orgMarkets: config.orgMarkets,
        ruleSettings,
        stage: base.stage,
        inlineSuppressions: base.inlineSuppressions,
        earlyWarning: { windowDays: config.windowDays, signals: config.signals },
      });
      this.envCache.set(envKey, env);
    }
    return { ...env, now: base.now };
  }

  private build(chain: string[], key: string): ResolvedConfig {
    const acc: Acc = {
      problems: [],
      sources: new Set(),
      checklists: [],
      options: {},
      rules: new Map(),
      overrides: [],
      markets: {},
      signals: {},
      skippedPackages: [],
      refs: [],
    };
    for (const file of chain) {
      const text = this.opts.files.readFile(file);
      acc.sources.add(file);
      if (text === undefined) {
        acc.problems.push({ file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: `Cannot read the configuration file ${file}.`, level: 'error' });
        continue;
      }
      const cf = readConfigFile(file, text);
      this.applyConfig(cf, acc, [file]);
      // The ledger: named in the config, or .fcs-lint-ledger.yaml next to it (nearest wins).
      const named = cf.config.ledger ? resolve(dirname(file), cf.config.ledger) : undefined;
      if (named) {
        if (!this.opts.files.exists(named)) acc.problems.push({ file, range: locateIn(cf, '/ledger', 'value'), message: `The ledger file ${cf.config.ledger} does not exist.`, level: 'error' });
        else acc.ledgerFile = named;
      } else if (this.opts.files.exists(join(dirname(file), LEDGER_NAME))) acc.ledgerFile = join(dirname(file), LEDGER_NAME);
    }
    this.checkRefs(acc);
    let ledger: Ledger | undefined;
    if (acc.ledgerFile) {
      acc.sources.add(acc.ledgerFile);
      ledger = readLedger(acc.ledgerFile, this.opts.files.readFile(acc.ledgerFile) ?? '');
      for (const p of ledger.problems) acc.problems.push({ ...p, level: 'error' });
    }
    return {
      key,
      configFiles: chain,
      sources: [...acc.sources],
      problems: acc.problems,
      checklists: acc.checklists,
      options: acc.options,
      rules: acc.rules,
      overrides: acc.overrides,
      orgMarkets: acc.markets,
      signals: acc.signals,
      windowDays: acc.windowDays ?? DEFAULT_WINDOW_DAYS,
      staleData: acc.staleData ?? true,
      ledger,
      skippedPackages: acc.skippedPackages,
    };
  }

  /** Apply one config file (its extends first, then its own settings). `stack` detects cycles. */
  private applyConfig(cf: ConfigFile, acc: Acc, stack: string[]): void {
    acc.problems.push(...cf.problems);
    const c = cf.config;
    const dir = dirname(cf.file);
    const ext = c.extends === undefined ? [] : Array.isArray(c.extends) ? c.extends : [c.extends];
    ext.forEach((ref, i) => {
      const pointer = Array.isArray(c.extends) ? `/extends/${i}` : '/extends';
      this.applyExtends(ref, cf, pointer, dir, acc, stack);
    });
    (c.checklists ?? []).forEach((p, i) => {
      const file = resolve(dir, p);
      const problem = this.addChecklistFile(file, acc);
      if (problem) acc.problems.push({ file: cf.file, range: locateIn(cf, `/checklists/${i}`, 'value'), message: problem, level: 'error' });
    });
    for (const [name, v] of Object.entries(c.options ?? {})) {
      acc.options[name] = v;
      acc.refs.push({ cf, pointer: `/options/${name}`, id: name, kind: 'option' });
    }
    for (const [id, v] of Object.entries(c.rules ?? {})) {
      acc.rules.set(id, toRuleSetting(v));
      acc.refs.push({ cf, pointer: `/rules/${id}`, id, kind: 'rule' });
    }
    (c.overrides ?? []).forEach((o, i) => {
      const globs = (Array.isArray(o.files) ? o.files : [o.files]).map((g) => g.replace(/^\.\//, ''));
      const matchers = globs.map((g) => picomatch(g, { dot: true }));
      const rules = new Map<string, RuleSetting>();
      for (const [id, v] of Object.entries(o.rules ?? {})) {
        rules.set(id, toRuleSetting(v));
        acc.refs.push({ cf, pointer: `/overrides/${i}/rules/${id}`, id, kind: 'rule' });
      }
      acc.overrides.push({ base: dir, globs, match: (rel) => matchers.some((m) => m(rel)), rules });
    });
    if (c.markets) {
      const m = convertMarkets(c.markets);
      for (const p of m.problems) acc.problems.push({ file: cf.file, range: locateIn(cf, p.pointer, p.part), message: p.message, level: 'error' });
      acc.markets = mergeMarkets(acc.markets, m.markets);
      acc.signals = mergeSignals(acc.signals, m.signals);
    }
    if (c.early_warning?.window_days !== undefined) acc.windowDays = c.early_warning.window_days;
    if (c.early_warning?.stale_data !== undefined) acc.staleData = c.early_warning.stale_data;
  }

  private applyExtends(ref: string, cf: ConfigFile, pointer: string, dir: string, acc: Acc, stack: string[]): void {
    const err = (message: string, level: 'error' | 'warning' = 'error') => acc.problems.push({ file: cf.file, range: locateIn(cf, pointer, 'value'), message, level });
    if (ref === 'fcs:recommended') return; // the built-in checklist as it is
    if (ref.startsWith('fcs:')) {
      const pack = BUILTIN_PACK_FILES.find((p) => p.name === ref);
      if (!pack) {
        const s = closest(ref, BUILTIN_PACKS);
        return void err(`Unknown built-in pack '${ref}'.${s ? ` Did you mean '${s}'?` : ''} Built-in packs: ${BUILTIN_PACKS.join(', ')}.`);
      }
      if (stack.includes(pack.file)) return void err(`extends cycle: ${[...stack, pack.file].join(' → ')}`);
      this.applyConfig(readConfigFile(pack.file, pack.text), acc, [...stack, pack.file]);
      return;
    }
    if (isPathRef(ref)) {
      const file = resolve(dir, ref);
      return void this.extendFile(file, ref, err, acc, stack);
    }
    if (!PACKAGE_NAME.test(ref)) return void err(`'${ref}' is neither a built-in pack (fcs:…), a path (./…) nor an npm package name.`);
    if (!this.opts.trusted) {
      acc.skippedPackages.push(ref);
      return void err(`The checklist package '${ref}' is not loaded: the workspace is not trusted.`, 'warning');
    }
    const pkgDir = ancestors(dir)
      .map((d) => join(d, 'node_modules', ref))
      .find((d) => this.opts.files.exists(join(d, 'package.json')));
    if (!pkgDir) return void err(`Cannot find the checklist package '${ref}': no node_modules/${ref}/package.json in ${dir} or its parents. Install it (npm install -D ${ref}); fcs-lint never downloads packages.`);
    const manifestFile = join(pkgDir, 'package.json');
    acc.sources.add(manifestFile);
    let manifest: { 'fcs-lint'?: { checklists?: unknown; config?: unknown } };
    try {
      manifest = JSON.parse(this.opts.files.readFile(manifestFile) ?? '') as typeof manifest;
    } catch {
      return void err(`The package.json of '${ref}' is not valid JSON.`);
    }
    const field = manifest['fcs-lint'];
    const lists = Array.isArray(field?.checklists) ? field.checklists.filter((x): x is string => typeof x === 'string') : [];
    const config = typeof field?.config === 'string' ? field.config : undefined;
    if (!field || (lists.length === 0 && !config)) {
      return void err(`The package '${ref}' is not an fcs-lint pack: its package.json needs "fcs-lint": {"checklists": ["checklist.yaml"]} and/or "config": "config.yaml".`);
    }
    for (const rel of [...lists, ...(config ? [config] : [])]) {
      const file = resolve(pkgDir, rel);
      if (!isInside(pkgDir, file)) {
        err(`The package '${ref}' names ${rel}, which lies outside the package; it is not read.`);
        continue;
      }
      if (rel === config) this.extendFile(file, `${ref}/${rel}`, err, acc, stack);
      else {
        const problem = this.addChecklistFile(file, acc);
        if (problem) err(`${ref}: ${problem}`);
      }
    }
  }

  /** A path in extends: a checklist file (has `checklist:`) or another configuration. */
  private extendFile(file: string, ref: string, err: (m: string) => void, acc: Acc, stack: string[]): void {
    if (stack.includes(file)) return void err(`extends cycle: ${[...stack, file].join(' → ')}`);
    const text = this.opts.files.readFile(file);
    if (text === undefined) return void err(`Cannot find '${ref}' (looked for ${file}).`);
    acc.sources.add(file);
    const cf = readConfigFile(file, text);
    if (cf.isChecklist) {
      const problem = this.addChecklistFile(file, acc);
      if (problem) err(problem);
      return;
    }
    this.applyConfig(cf, acc, [...stack, file]);
  }

  /** Load (once) and add a checklist; returns a problem text when it cannot be read. */
  private addChecklistFile(file: string, acc: Acc): string | undefined {
    let c = this.checklistCache.get(file);
    if (!c) {
      const text = this.opts.files.readFile(file);
      if (text === undefined) return `Cannot find the checklist ${file}.`;
      c = loadChecklist(file, text);
      this.checklistCache.set(file, c);
    }
    acc.sources.add(file);
    if (acc.checklists.includes(c)) return undefined;
    for (const p of c.problems) acc.problems.push({ ...p, level: 'error' });
    // A custom checklist may not redefine a rule another checklist already has.
    const taken = new Map<string, string>();
    for (const other of [...builtinChecklists(), ...acc.checklists]) for (const r of other.rules) taken.set(r.id, other.id);
    const dupes = c.rules.filter((r) => taken.has(r.id));
    if (dupes.length) {
      const src = parseYamlSource(this.opts.files.readFile(file) ?? '');
      for (const r of dupes) {
        const i = c.rules.indexOf(r);
        const idx = findRuleIndex(src, r.id) ?? i;
        acc.problems.push({ file, range: locatePointer(src, `/rules/${idx}/id`, 'value').range, message: `Rule ${r.id} is already defined by ${taken.get(r.id)}; give this rule its own id (e.g. a prefix for your organisation). It is skipped.`, level: 'error' });
      }
      c = { ...c, rules: c.rules.filter((r) => !taken.has(r.id)) };
    }
    acc.checklists.push(c);
    return undefined;
  }

  private checkRefs(acc: Acc): void {
    const rules = new Set(Object.keys(META_RULES));
    const options = new Set<string>();
    for (const c of [...builtinChecklists(), ...acc.checklists]) {
      for (const r of c.rules) rules.add(r.id);
      for (const o of Object.keys(c.options)) options.add(o);
    }
    for (const ref of acc.refs) {
      const known = ref.kind === 'rule' ? rules : options;
      if (known.has(ref.id)) continue;
      // Built-in packs may name rules of checklists that are not loaded (e.g. FLAG rules): not the user's problem.
      if (ref.cf.file.startsWith('server/checklists/packs/')) continue;
      const s = closest(ref.id, known);
      acc.problems.push({
        file: ref.cf.file,
        range: locateIn(ref.cf, ref.pointer, 'key'),
        message: `${ref.kind === 'rule' ? 'No checklist defines the rule' : 'No checklist has the option'} '${ref.id}'.${s ? ` Did you mean '${s}'?` : ''}`,
        level: 'warning',
      });
    }
  }
}

function findRuleIndex(src: ReturnType<typeof parseYamlSource>, id: string): number | undefined {
  const rules = (src.doc.toJS({ maxAliasCount: 1000 }) as { rules?: { id?: string }[] } | null)?.rules;
  if (!Array.isArray(rules)) return undefined;
  const i = rules.findIndex((r) => r?.id === id);
  return i < 0 ? undefined : i;
}
