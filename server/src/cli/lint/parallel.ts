// Worker threads for big runs. The main thread and N workers take chunks of the run's files
// from one shared counter (Atomics), each with the same engine, configuration and a workspace
// index built from every file's text, so cross-file checks see the whole run. Workers only
// analyse (engine findings per file); the main thread collects the results by file index and
// does everything stateful (ledger, baseline, reports) in file order, so the output is the one a
// single-threaded run gives. A worker that fails or never starts costs nothing but time: the
// main thread lints whatever has no result.
import * as os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createLintEnvironment, type LintEnvironment } from '../../engine/lint';
import type { DocumentKind, LintResult } from '../../engine/types';
import { WorkspaceIndex } from '../../engine/workspace/index';
import { ConfigSession } from '../config/session';
import type { CliIo } from '../io';
import { parseLintOptions, usesBaseline, type LintOptions } from './options';
import { ParseCache } from './parseCache';

/**
 * Files per thread before another thread pays off. Each thread starts cold: ~100 ms to load,
 * then ~300 ms of one-time compilation (checklists, JIT) before it lints at full speed. Measured
 * on 2 cores, one worker vs none: 200 specs 13% slower; 500 specs 3-11% faster and 500 PRDs
 * 0-6% slower (noise level); 1,000 specs 20% and 1,000 PRDs 5% faster; 2,000 specs 30% and
 * 2,000 PRDs 17% faster. Runs with flag files stay in one thread unless --threads asks
 * (runLint.ts: every worker would parse the whole run again for its index).
 */
export const FILES_PER_THREAD = 600;
/** At most this many threads in all (each worker builds its own workspace index). */
export const MAX_THREADS = 4;

/** One file of the run, as the engine sees it. */
export interface LintJob {
  uri: string;
  /** undefined: the file could not be read (not linted). */
  text: string | undefined;
  /** The kind the workspace index detected, when lintDocument would detect the same. */
  kind: DocumentKind | undefined;
}

/** What a worker sends back for a file (what the main thread's reports and accounting read). */
type SentResult = Pick<LintResult, 'uri' | 'kind' | 'findings' | 'parseFailed'>;

interface WorkerInit {
  fcsLintWorker: 1;
  argv: string[];
  cwd: string;
  /** The run's clock (ms since the epoch). */
  now: number;
  counter: SharedArrayBuffer;
  chunk: number;
}

type ToWorker = { type: 'jobs'; jobs: LintJob[] };
type FromWorker = { type: 'ready' } | { type: 'results'; items: { index: number; result: SentResult }[] } | { type: 'done' } | { type: 'failed'; message: string };

/** How many threads to use for `files` files (1 = this thread only). `requested`: --threads. */
export function threadCount(files: number, requested: number | undefined, cores: number = availableCores()): number {
  if (files < 2) return 1;
  if (requested !== undefined) return Math.max(1, Math.min(requested, files));
  if (files < FILES_PER_THREAD) return 1;
  return Math.max(1, Math.min(cores, MAX_THREADS, 1 + Math.floor(files / FILES_PER_THREAD)));
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** The engine side of a run: a file's findings under its configuration and the run's index. */
export interface Analyser {
  analyse(job: LintJob): LintResult;
}

export function createAnalyser(session: ConfigSession, workspace: WorkspaceIndex): Analyser {
  return { analyse: (job) => session.analyse(job.uri, job.text ?? '', workspace, job.kind) };
}

/** The environment the workspace index is built with (the same in every thread). */
export function indexEnvironment(opts: LintOptions, now: Date, cache: ParseCache): LintEnvironment {
  return { ...createLintEnvironment({ now, stage: opts.stage }), parseYaml: cache.parse };
}

/** Worker threads for one run, fed the run's files once they are read and indexed. */
export class WorkerPool {
  private readonly counter = new SharedArrayBuffer(4);
  private readonly position = new Int32Array(this.counter);
  private readonly running: Promise<void>[] = [];
  /** Per worker: resolves when it is ready to take files (or has stopped). */
  private readonly readiness: Promise<void>[] = [];
  private readonly workers: Worker[] = [];
  private onResult: (index: number, result: LintResult) => void = () => undefined;
  /** Files the workers delivered, and why workers stopped early (each is a bug to report). */
  delivered = 0;
  readonly failures: string[] = [];

  constructor(
    size: number,
    init: { argv: string[]; cwd: string; now: Date },
    readonly chunk: number,
  ) {
    const data: WorkerInit = { fcsLintWorker: 1, argv: init.argv, cwd: init.cwd, now: init.now.getTime(), counter: this.counter, chunk };
    for (let i = 0; i < size; i++) {
      let w: Worker;
      try {
        // stdout: true keeps anything a worker might print out of the main thread's stdout.
        w = new Worker(WORKER_SCRIPT, { workerData: data, execArgv: workerExecArgv(), stdout: true });
      } catch {
        break; // no worker: the main thread does the work
      }
      this.workers.push(w);
      let markReady: () => void = () => undefined;
      this.readiness.push(new Promise<void>((r) => (markReady = r)));
      this.running.push(
        new Promise<void>((resolve) => {
          let done = false;
          const finish = (failure?: string) => {
            if (done) return;
            done = true;
            markReady();
            if (failure) this.failures.push(failure);
            w.removeAllListeners('message');
            void w.terminate();
            resolve();
          };
          w.on('message', (m: FromWorker) => {
            if (m.type === 'ready') markReady();
            else if (m.type === 'results') {
              this.delivered += m.items.length;
              for (const it of m.items) this.onResult(it.index, it.result);
            } else finish(m.type === 'failed' ? m.message : undefined);
          });
          w.on('error', (e: Error) => finish(e.stack ?? e.message));
          w.on('exit', (code) => finish(`exited with code ${code}`));
        }),
      );
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Hand out the files; `onResult` runs (on this thread) for every file a worker finishes. */
  start(jobs: LintJob[], onResult: (index: number, result: LintResult) => void): void {
    this.onResult = onResult;
    const message: ToWorker = { type: 'jobs', jobs };
    for (const w of this.workers) w.postMessage(message);
  }

  /** The first file index of the next chunk (shared with the workers). */
  take(): number {
    return Atomics.add(this.position, 0, this.chunk);
  }

  /** Resolves when every worker is ready to take files, or has stopped. */
  async ready(): Promise<void> {
    await Promise.all(this.readiness);
  }

  /** Resolves when every worker has finished, failed or exited. */
  async finished(): Promise<void> {
    await Promise.all(this.running);
  }

  /** Stop every worker (a run that ends early, or the end of the run). */
  stop(): void {
    for (const w of this.workers) void w.terminate();
  }
}

/** Chunks small enough to balance the threads, big enough that messages stay few. */
export function chunkSize(files: number, threads: number): number {
  return Math.max(1, Math.min(8, Math.ceil(files / (threads * 16))));
}

// ---- the worker side ------------------------------------------------------------------------

/** This module's file: the bundle (dist/cli.js) in a build, the TypeScript source under tsx. */
const WORKER_SCRIPT = __filename;

function workerExecArgv(): string[] {
  // Under tsx (tests, development) the worker needs the TypeScript loader too.
  return WORKER_SCRIPT.endsWith('.ts') ? [...process.execArgv, '--require', 'tsx/cjs'] : process.execArgv;
}

function isWorkerInit(d: unknown): d is WorkerInit {
  return typeof d === 'object' && d !== null && (d as { fcsLintWorker?: unknown }).fcsLintWorker === 1;
}

/** Whether this thread is a lint worker (main.ts does not run the command line then). */
export const IS_LINT_WORKER = !isMainThread && isWorkerInit(workerData);

function runWorker(init: WorkerInit): void {
  const port = parentPort;
  if (!port) return;
  port.once('message', (m: ToWorker) => {
    try {
      const { jobs } = m;
      const opts = parseLintOptions(init.argv);
      const quietIo: CliIo = { cwd: init.cwd, env: {}, stdout: () => undefined, stderr: () => undefined, isTTY: false, stderrIsTTY: false, readStdin: () => Promise.resolve('') };
      const cache = new ParseCache();
      // Accounting (baseline, ledger) is the main thread's: the worker's session only analyses.
      const session = new ConfigSession({ ...opts, baseline: undefined, writeBaseline: undefined }, quietIo, { parseYaml: cache.parse, now: new Date(init.now), quiet: true, fingerprints: usesBaseline(opts) });
      const workspace = new WorkspaceIndex(indexEnvironment(opts, new Date(init.now), cache), { onParsed: (src) => cache.remember(src) });
      for (const j of jobs) if (j.text !== undefined) workspace.update(j.uri, j.text);
      const analyser = createAnalyser(session, workspace);
      const position = new Int32Array(init.counter);
      port.postMessage({ type: 'ready' } satisfies FromWorker);
      for (;;) {
        const start = Atomics.add(position, 0, init.chunk);
        if (start >= jobs.length) break;
        const items: { index: number; result: SentResult }[] = [];
        for (let i = start; i < Math.min(jobs.length, start + init.chunk); i++) {
          const job = jobs[i]!;
          if (job.text === undefined) continue;
          const r = analyser.analyse(job);
          items.push({ index: i, result: { uri: r.uri, kind: r.kind, findings: r.findings, parseFailed: r.parseFailed } });
        }
        port.postMessage({ type: 'results', items } satisfies FromWorker);
      }
      port.postMessage({ type: 'done' } satisfies FromWorker);
    } catch (e) {
      port.postMessage({ type: 'failed', message: String((e as Error).stack ?? e) } satisfies FromWorker);
    }
  });
}

if (IS_LINT_WORKER) runWorker(workerData as WorkerInit);
