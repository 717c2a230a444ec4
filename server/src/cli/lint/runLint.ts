// The lint command: options → files → engine → reporters → outputs → exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { editionLabel } from '../../engine/contexts/fcsList';
import { severityRank } from '../../engine/types';
import { MissingPathError, resolveFiles } from '../files';
import { EXIT, REPOSITORY_URL, VERSION, type CliIo } from '../io';
import { UsageError } from '../options';
import { reporterFor, type ReportContext } from '../reporters';
import { toReport, type FileReport } from '../reporters/report';
import { changedFiles } from './git';
import { lintHelp, parseLintOptions, usesBaseline, type LintOptions } from './options';
import { writeFileAtomic } from './outputs';
import { createProgress } from './progress';
import { ruleCatalog } from './ruleCatalog';
import { ConfigSession } from '../config/session';
import { WorkspaceIndex } from '../../engine/workspace/index';
import { ParseCache } from './parseCache';
import { chunkSize, createAnalyser, indexEnvironment, threadCount, WorkerPool, type Analyser, type LintJob } from './parallel';
import type { LintResult } from '../../engine/types';

/** lintDocument decides a document's kind from this much of its text (the index from all of it). */
const KIND_PREFIX = 65536;

/** Forward slashes, relative to cwd when inside it. */
function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file).split(path.sep).join('/');
}

interface Input {
  /** Path shown in reports. */
  display: string;
  /** Path the engine sees (decides the document kind). */
  uri: string;
  read: () => Promise<string> | string;
}

function selectInputs(opts: LintOptions, io: CliIo): Input[] {
  if (opts.stdin) {
    const abs = path.resolve(io.cwd, opts.stdinFilename);
    return [{ display: displayPath(abs, io.cwd), uri: abs, read: () => io.readStdin() }];
  }
  let patterns = opts.patterns;
  if (patterns.length === 0) {
    if (opts.changedSince === undefined) throw new UsageError('no files, folders or globs given. Example: fcs-lint examples/ (see --help).');
    patterns = ['.'];
  }
  let files: string[];
  try {
    const resolved = resolveFiles(patterns, io.cwd, { useIgnoreFiles: opts.useIgnoreFiles });
    for (const f of resolved.ignoredExplicit) {
      io.stderr(`fcs-lint: warning: ${displayPath(f, io.cwd)} is ignored by .fcs-lintignore or .gitignore and was not checked (use --no-ignore to check it).\n`);
    }
    files = resolved.files;
  } catch (e) {
    if (e instanceof MissingPathError) throw new UsageError(e.message);
    throw e;
  }
  if (opts.changedSince !== undefined) {
    const changed = changedFiles(opts.changedSince, io.cwd);
    files = files.filter((f) => changed.has(f));
  }
  return files.map((f) => ({ display: displayPath(f, io.cwd), uri: f, read: () => fs.readFileSync(f, 'utf8') }));
}

export async function runLint(argv: string[], io: CliIo): Promise<number> {
  const opts = parseLintOptions(argv);
  if (opts.help) {
    io.stdout(lintHelp());
    return EXIT.ok;
  }
  if (opts.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const inputs = selectInputs(opts, io);
  return lintInputs(argv, opts, io, inputs);
}

async function lintInputs(argv: string[], opts: LintOptions, io: CliIo, inputs: Input[]): Promise<number> {
  // One clock for the run: the lint, the workspace index and the worker threads.
  const now = new Date();
  // One parse per text: the index and the lint share syntax trees (bounded, see ParseCache).
  const cache = new ParseCache();
  const session = new ConfigSession(opts, io, { parseYaml: cache.parse, now, fingerprints: usesBaseline(opts) });
  if (session.failed || !session.prepare(inputs.map((i) => i.uri))) return EXIT.usage;
  const env = indexEnvironment(opts, now, cache);
  const reports: FileReport[] = [];
  let toolError = false;
  const progress = createProgress(io, inputs.length, opts.progress);
  // Read every file first and index specs and flag files, so cross-file checks (a spec's kill
  // switch names a flag; a flag names its spec) see every file of the run.
  const jobs: LintJob[] = [];
  const workspace = new WorkspaceIndex(env, { onParsed: (src) => cache.remember(src) });
  for (const input of inputs) {
    try {
      const text = await input.read();
      const kind = workspace.update(input.uri, text);
      // The same detection lintDocument would make (it reads a prefix; short texts are whole).
      jobs.push({ uri: input.uri, text, kind: text.length < KIND_PREFIX ? kind : undefined });
    } catch (e) {
      io.stderr(`fcs-lint: cannot read ${input.display}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      toolError = true;
      jobs.push({ uri: input.uri, text: undefined, kind: undefined });
      progress.tick();
    }
  }
  // Worker threads for big runs. Each worker rebuilds the workspace index from the texts; with
  // flag files in the run that means parsing every spec and flag file again in every thread,
  // which costs more than it saves, so such runs use several threads only when asked (--threads).
  const hasFlags = workspace.flagFileCount() > 0;
  const threads = opts.stdin ? 1 : threadCount(jobs.length, opts.threads ?? (hasFlags ? 1 : undefined));
  const pool = threads > 1 ? new WorkerPool(threads - 1, { argv, cwd: io.cwd, now }, chunkSize(jobs.length, threads)) : undefined;
  let results: (LintResult | undefined)[];
  try {
    // With FCS_LINT_THREAD_STATS this thread waits for the workers before taking files, so the
    // statistics show what the workers do even on a run small enough for one thread alone.
    results = await analyseAll(jobs, createAnalyser(session, workspace), pool, () => progress.tick(), !!io.env['FCS_LINT_THREAD_STATS']);
  } finally {
    pool?.stop();
  }
  progress.done();
  if (pool) {
    for (const f of pool.failures) io.stderr(`fcs-lint: warning: a worker thread stopped (${f.split('\n')[0]}); this thread linted its files.\n`);
    if (io.env['FCS_LINT_THREAD_STATS']) io.stderr(`fcs-lint: ${pool.size + 1} threads; workers linted ${pool.delivered} of ${jobs.length} files.\n`);
  }
  // In file order: accounting (ledger, baseline) and reports, as a single thread would.
  let lastLinted: string | undefined;
  for (const [i, input] of inputs.entries()) {
    const analysed = results[i];
    if (analysed === undefined) continue;
    lastLinted = input.uri;
    const result = session.account(input.uri, analysed);
    if (result.kind === 'unknown') {
      io.stderr(`fcs-lint: skipped ${input.display}: not a spec, flag file or PRD that fcs-lint reads.\n`);
      continue;
    }
    reports.push(toReport(input.display, result));
  }
  for (const extra of session.finish()) reports.push(toReport(extra.file, { uri: extra.file, kind: 'spec', findings: extra.findings, parseFailed: false }));

  const ctx: ReportContext = {
    color: opts.color ?? (io.isTTY && !io.env['NO_COLOR']),
    edition: editionLabel(env.edition),
    toolVersion: VERSION,
    docsBaseUrl: opts.docsBaseUrl,
    ...(/^https?:\/\//.test(REPOSITORY_URL) ? { informationUri: REPOSITORY_URL } : {}),
    rules: ruleCatalog(lastLinted !== undefined ? session.environmentFor(lastLinted) : env),
    stage: opts.stage,
    failOn: opts.failOn,
    rootUri: pathToFileURL(io.cwd).href.replace(/\/?$/, '/'),
  };
  for (const o of opts.outputs) {
    const text = reporterFor(o.format).render(reports, o.path === undefined ? ctx : { ...ctx, color: opts.color ?? false });
    if (o.path === undefined) {
      io.stdout(text);
      continue;
    }
    try {
      writeFileAtomic(path.resolve(io.cwd, o.path), text);
    } catch (e) {
      io.stderr(`fcs-lint: cannot write ${o.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      toolError = true;
    }
  }
  if (toolError) return EXIT.usage;
  return gate(reports, opts, io);
}

/**
 * The engine's result for every readable file (by index). With a pool, this thread and the
 * workers take chunks from one counter; files a worker did not deliver are done here.
 */
async function analyseAll(jobs: LintJob[], analyser: Analyser, pool: WorkerPool | undefined, tick: () => void, waitForWorkers = false): Promise<(LintResult | undefined)[]> {
  const results: (LintResult | undefined)[] = new Array<LintResult | undefined>(jobs.length).fill(undefined);
  const run = (i: number) => {
    results[i] = analyser.analyse(jobs[i]!);
    tick();
  };
  if (pool && pool.size > 0) {
    pool.start(jobs, (i, r) => {
      if (results[i] !== undefined || jobs[i]?.text === undefined) return;
      results[i] = r;
      tick();
    });
    if (waitForWorkers) await pool.ready();
    for (let start = pool.take(); start < jobs.length; start = pool.take()) {
      for (let i = start; i < Math.min(jobs.length, start + pool.chunk); i++) if (jobs[i]!.text !== undefined) run(i);
      // Let the workers' results in (progress, and less to take in at the end).
      await new Promise<void>((r) => setImmediate(r));
    }
    await pool.finished();
  }
  for (let i = 0; i < jobs.length; i++) if (jobs[i]!.text !== undefined && results[i] === undefined) run(i);
  return results;
}

/** Exit 1 when a finding reaches --fail-on or warnings exceed --max-warnings. */
function gate(reports: FileReport[], opts: LintOptions, io: CliIo): number {
  const all = reports.flatMap((r) => r.findings);
  const failing = all.filter((f) => severityRank(f.severity) >= severityRank(opts.failOn)).length;
  const warnings = all.filter((f) => f.severity === 'medium').length;
  if (failing > 0) return EXIT.findings;
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    io.stderr(`fcs-lint: ${warnings} warning${warnings === 1 ? '' : 's'} (medium findings), more than --max-warnings ${opts.maxWarnings}.\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}
