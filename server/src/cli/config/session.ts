// The lint command's configuration for one run: resolves .fcs-lint.yaml per file (or the
// --config / --no-config choice), applies ledger and baseline, prints config problems as
// path:line:col (errors stop the run with exit 2), the stale-data notice once, and writes the
// baseline atomically.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyAccountability, ledgerFindings, staleDataNotice } from '../../engine/config/accountability';
import type { ConfigProblem } from '../../engine/config/configFile';
import { toPosix } from '../../engine/config/paths';
import { ConfigResolver, type ResolvedConfig } from '../../engine/config/resolve';
import { lintDocument, type LintEnvironment, type YamlParser } from '../../engine/lint';
import { BaselineMatcher, createBaseline, parseBaseline, BaselineError } from '../../engine/suppress/baseline';
import type { InlineMode } from '../../engine/suppress/inline';
import type { DocumentKind, Finding, LintResult } from '../../engine/types';
import type { CliIo } from '../io';
import { nodeFiles } from './nodeFiles';
import type { WorkspaceIndex } from '../../engine/workspace/index';

export interface ConfigCliOptions {
  configFile?: string;
  noConfig: boolean;
  inlineSuppressions: InlineMode;
  baseline?: string;
  writeBaseline?: string;
  stage?: string;
}

/** What a session shares with the rest of its run. */
export interface SessionRuntime {
  /** How the engine parses YAML and JSON (the run's parse cache). */
  parseYaml?: YamlParser;
  /** The run's clock (worker threads use the main thread's, so results match). */
  now?: Date;
  /** Do not print configuration problems (a worker thread: the main thread has printed them). */
  quiet?: boolean;
  /** Give findings baseline fingerprints (the run reads or writes a baseline). */
  fingerprints?: boolean;
}

/** Per-file time budget for the rules: no file can hang a CI run (CHECKLIST-BUDGET says what was skipped). */
const FILE_BUDGET = { ms: 10_000, clock: () => performance.now() };

export class ConfigSession {
  readonly resolver = new ConfigResolver({ files: nodeFiles, trusted: true });
  private readonly seen = new Map<string, ResolvedConfig>();
  private readonly now: Date;
  private baseline?: { matcher: BaselineMatcher; dir: string };
  private readonly written: { file: string; findings: Finding[] }[] = [];
  failed = false;

  constructor(
    private readonly opts: ConfigCliOptions,
    private readonly io: CliIo,
    private readonly runtime: SessionRuntime = {},
  ) {
    this.now = runtime.now ?? new Date();
    if (opts.baseline) {
      const file = path.resolve(io.cwd, opts.baseline);
      let text: string | undefined;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      if (text === undefined) {
        if (opts.writeBaseline !== opts.baseline) this.fail(`cannot read the baseline ${opts.baseline}`);
      } else {
        try {
          this.baseline = { matcher: new BaselineMatcher(parseBaseline(text)), dir: toPosix(path.dirname(file)) };
        } catch (e) {
          if (e instanceof BaselineError) this.fail(`${opts.baseline} is not a usable baseline: ${e.message}`);
          else throw e;
        }
      }
    }
  }

  private fail(message: string): void {
    this.io.stderr(`fcs-lint: ${message}\n`);
    this.failed = true;
  }

  private configFor(file: string): ResolvedConfig {
    const r = this.opts.noConfig
      ? this.resolver.none()
      : this.opts.configFile
        ? this.resolver.forConfigFile(toPosix(path.resolve(this.io.cwd, this.opts.configFile)))
        : this.resolver.forFile(toPosix(file));
    if (!this.seen.has(r.key)) {
      this.seen.set(r.key, r);
      if (!this.runtime.quiet) this.report(r.problems);
    }
    return r;
  }

  /** Check the configuration of every file before linting any: config errors stop the run. */
  prepare(files: string[]): boolean {
    if (this.opts.configFile && !fs.existsSync(path.resolve(this.io.cwd, this.opts.configFile))) {
      this.fail(`the configuration file ${this.opts.configFile} does not exist`);
      return false;
    }
    for (const f of files) this.configFor(f);
    if (files.length === 0) this.configFor(path.join(this.io.cwd, 'x'));
    return !this.failed;
  }

  private report(problems: ConfigProblem[]): void {
    for (const p of problems) {
      const where = `${this.display(p.file)}:${p.range.start.line + 1}:${p.range.start.character + 1}`;
      this.io.stderr(`${where}  ${p.level}  ${p.message}\n`);
      if (p.level === 'error') this.failed = true;
    }
  }

  private display(file: string): string {
    if (file.startsWith('server/checklists/')) return `(built-in) ${file}`;
    const rel = path.relative(this.io.cwd, file);
    return (rel && !rel.startsWith('..') ? rel : file).split(path.sep).join('/');
  }

  /** The environment a file is linted in (its configuration, this run's clock and stage). */
  environmentFor(file: string): LintEnvironment {
    return this.resolver.environmentFor(this.configFor(file), toPosix(file), { now: this.now, stage: this.opts.stage, inlineSuppressions: this.opts.inlineSuppressions });
  }

  /**
   * The engine's findings for one file under its configuration. Depends only on the file, the
   * configuration and the workspace, so worker threads can run it for any file in any order.
   * `kind`: the document kind when the caller has detected it already (as lintDocument would).
   */
  analyse(file: string, text: string, workspace?: WorkspaceIndex, kind?: DocumentKind): LintResult {
    const env = this.environmentFor(file);
    const parse = this.runtime.parseYaml ? { parseYaml: this.runtime.parseYaml } : {};
    return lintDocument(file, text, { ...env, workspace, budget: FILE_BUDGET, fingerprints: this.runtime.fingerprints === true, ...parse }, kind);
  }

  /**
   * Apply the accepted-risk ledger and the baseline, or record the findings for
   * --write-baseline. Stateful (the baseline counts what it matched): call it once per file, in
   * the run's file order.
   */
  account(file: string, result: LintResult): LintResult {
    const config = this.configFor(file);
    if (this.opts.writeBaseline) {
      const withLedger = applyAccountability(result, toPosix(file), config, this.now);
      this.written.push({ file: toPosix(file), findings: withLedger.findings });
      return { ...withLedger, findings: [] };
    }
    return applyAccountability(result, toPosix(file), config, this.now, this.baseline);
  }

  /** Once per run: expired ledger entries (as reports on the ledger files), notices, the baseline file. */
  finish(): { file: string; findings: Finding[] }[] {
    const extra: { file: string; findings: Finding[] }[] = [];
    const ledgers = new Set<string>();
    let stale = false;
    for (const r of this.seen.values()) {
      if (r.staleData) stale = true;
      if (r.ledger && !ledgers.has(r.ledger.file)) {
        ledgers.add(r.ledger.file);
        const f = ledgerFindings(r.ledger, this.now);
        if (f.length) extra.push({ file: this.display(r.ledger.file), findings: f });
      }
    }
    const notice = stale ? staleDataNotice(this.now) : undefined;
    if (notice) this.io.stderr(`fcs-lint: notice: ${notice}\n`);
    if (this.baseline && this.baseline.matcher.matched > 0) {
      this.io.stderr(`fcs-lint: ${this.baseline.matcher.matched} finding${this.baseline.matcher.matched === 1 ? '' : 's'} matched the baseline and ${this.baseline.matcher.matched === 1 ? 'is' : 'are'} not reported.\n`);
    }
    if (this.opts.writeBaseline) {
      const target = path.resolve(this.io.cwd, this.opts.writeBaseline);
      const dir = toPosix(path.dirname(target));
      const items = this.written.map((w) => ({ file: path.posix.relative(dir, w.file), findings: w.findings }));
      const text = createBaseline(items);
      const tmp = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, text);
      fs.renameSync(tmp, target);
      const n = this.written.reduce((s, w) => s + w.findings.filter((f) => !f.suppression).length, 0);
      this.io.stderr(`fcs-lint: wrote ${n} finding${n === 1 ? '' : 's'} to the baseline ${this.opts.writeBaseline}.\n`);
    }
    return extra;
  }
}
