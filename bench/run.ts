// fcs-lint benchmarks (not timed tests): ratios against baselines measured in the same run.
//   npm run bench              human table
//   npm run bench -- --json    the table, then one JSON object as the last line
//   npm run bench -- --quick   base size 50 instead of 500 (for a fast look)
//   npm run bench -- --editor  only the editor figures (keystroke latency, cold start, memory);
//                              the full run takes them this way too, in a fresh process
//   npm run bench -- --ratios  only lint / parse at each scale (no peers, no editor)
// Figures: lint/parse per scale (parse floor = reading and parsing the same files with the same
// parsers, no rules), growth exponent 1x -> 16x, Spectral and markdownlint-cli2 side by side
// (and against a process that only parses the same files: the ceiling of those two ratios),
// editor latency through the real server over LSP, cold start, server memory, VSIX size.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { largeSpec, writeCorpus, type CorpusPaths } from './corpus';
import type * as BenchEngine from './engine';
import { LspTestClient } from '../test/helpers/lspClient';

const ROOT = path.join(__dirname, '..');
const args = process.argv.slice(2);
const JSON_OUT = args.includes('--json');
const BASE = args.includes('--quick') ? 50 : 500;
const SCALES = [1, 4, 16];
const CORPUS = path.join(__dirname, '.corpus');

const now = () => Number(process.hrtime.bigint()) / 1e6;
const log = (s: string) => process.stderr.write(s + '\n');

type LintEnvironment = ReturnType<typeof BenchEngine.createLintEnvironment>;

/** The engine as the bundles ship it (bench/engine.ts, built by `node build.mjs --bench`). */
function loadEngine(): typeof BenchEngine {
  if (!args.includes('--no-build')) execFileSync(process.execPath, [path.join(ROOT, 'build.mjs'), '--bench'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return require(path.join(__dirname, '.build', 'engine.js')) as typeof BenchEngine;
}
let engine: typeof BenchEngine;

function parseFloor(file: string): void {
  engine.parseFloor(file, fs.readFileSync(file, 'utf8'));
}

/** How long `f` takes (ms). */
function timed(f: () => unknown): number {
  const t = now();
  f();
  return now() - t;
}

function lintFile(file: string, env: LintEnvironment): number {
  return engine.lintDocument(file, fs.readFileSync(file, 'utf8'), env).findings.length;
}

interface ScaleResult {
  scale: number;
  files: number;
  parseMs: number;
  lintMs: number;
  ratio: number;
  byKind: Record<string, { parseMs: number; lintMs: number; ratio: number; findings: number }>;
}

function measureScale(c: CorpusPaths, scale: number, env: LintEnvironment): ScaleResult {
  const byKind: ScaleResult['byKind'] = {};
  let parseMs = 0;
  let lintMs = 0;
  for (const [kind, files] of [['specs', c.specs], ['flags', c.flags], ['prds', c.prds]] as const) {
    // File by file: parse floor and lint timed back to back (in alternating order), summed per
    // round. This machine's speed drifts by 10% and more over seconds; timing both sides of
    // each file within a few milliseconds of each other cancels that drift, where timing a
    // whole pass of one side and then of the other did not (the ratio moved by 0.1 between
    // runs). Several rounds; the fastest of each side.
    let p = Infinity;
    let l = Infinity;
    let findings = 0;
    const rounds = scale === 1 ? 4 : scale === 4 ? 3 : 2;
    for (let round = 0; round < rounds; round++) {
      let parseSum = 0;
      let lintSum = 0;
      findings = 0;
      files.forEach((f, i) => {
        const parse = () => (parseSum += timed(() => parseFloor(f)));
        const lint = () => (lintSum += timed(() => (findings += lintFile(f, env))));
        if ((i + round) % 2 === 0) (parse(), lint());
        else (lint(), parse());
      });
      p = Math.min(p, parseSum);
      l = Math.min(l, lintSum);
    }
    byKind[kind] = { parseMs: p, lintMs: l, ratio: l / p, findings };
    parseMs += p;
    lintMs += l;
  }
  return { scale, files: c.specs.length * 3, parseMs, lintMs, ratio: lintMs / parseMs, byKind };
}

function timeProcess(cmd: string, argv: string[], cwd = ROOT): number {
  const t = now();
  const r = spawnSync(cmd, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 28 });
  const ms = now() - t;
  if (r.status !== 0 && r.status !== 1) log(`  ${path.basename(cmd)} ${argv.slice(0, 2).join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 300)}`);
  return ms;
}

/** Run the measurements in turn, `rounds` times; the best of each. */
function alternating(rounds: number, runs: (() => number)[]): number[] {
  const best = runs.map(() => Infinity);
  for (let r = 0; r < rounds; r++) runs.forEach((run, i) => (best[i] = Math.min(best[i]!, run())));
  return best;
}

/**
 * Stop a server: shutdown, then the exit notification once it is written, then wait for the
 * process. (Killing the process while the exit notification is still queued makes the writer
 * throw ERR_STREAM_DESTROYED in this process.)
 */
async function stopServer(c: LspTestClient): Promise<void> {
  const exited = new Promise<void>((r) => (c.proc.exitCode !== null ? r() : c.proc.once('exit', () => r())));
  try {
    await Promise.race([c.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
    await Promise.race([c.conn.sendNotification('exit'), new Promise((r) => setTimeout(r, 2000))]);
  } catch {
    // the process may already be gone
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
  c.conn.dispose();
  c.proc.kill();
}

async function lspFigures(): Promise<{ p50: number; p99: number; warmupMax: number; coldStartMs: number; coldStartNoCacheMs: number; rssMb: number }> {
  // Cold start: process spawn to the first published diagnostics for a small spec. The server
  // starts as the extension starts it, through V8's code cache (server/src/loader): the first
  // start in an empty cache folder compiles everything and writes the cache when it exits; the
  // next ones (every later editor start) use it.
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fcs-bench-cache-'));
  process.env['FCS_LINT_CACHE_DIR'] = cacheDir;
  process.once('exit', () => fs.rmSync(cacheDir, { recursive: true, force: true }));
  const small = fs.readFileSync(path.join(ROOT, 'examples', 'messaging-conflict.fcs.yaml'), 'utf8');
  const colds: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t = now();
    const c = new LspTestClient();
    await c.initialize();
    c.open('file:///bench/cold.fcs.yaml', small);
    await c.diagnostics('file:///bench/cold.fcs.yaml');
    colds.push(now() - t);
    await stopServer(c);
  }
  // Keystroke latency on a 5,000-line spec: 200 random single-value edits, each waited for,
  // after 10 edits that warm the JIT up (reported separately: the slowest of them).
  const client = new LspTestClient();
  await client.initialize();
  const text = largeSpec(5000);
  const lines = text.split('\n');
  const uri = 'file:///bench/large.fcs.yaml';
  client.open(uri, text);
  await client.diagnostics(uri, (p) => p.version === 1, 60_000);
  const candidates = lines.map((l, i) => [l, i] as const).filter(([l]) => /retention_days: \d+$/.test(l));
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const samples: number[] = [];
  const warmup: number[] = [];
  const WARMUP = 10;
  for (let v = 2; v < 202 + WARMUP; v++) {
    const [line, i] = candidates[Math.floor(rand() * candidates.length)]!;
    const col = line.indexOf(': ') + 2;
    const newVal = String(Math.floor(rand() * 400));
    const t = now();
    client.change(uri, v, [{ range: { start: { line: i, character: col }, end: { line: i, character: line.length } }, text: newVal }]);
    await client.diagnostics(uri, (p) => p.version === v, 30_000);
    (v < 2 + WARMUP ? warmup : samples).push(now() - t);
    // An editor keeps only the latest diagnostics of a document; so does this client (keeping
    // all 200 lists of ~600 diagnostics made this process's own garbage collection show up
    // in the figures).
    client.clearPublished(uri);
    lines[i] = line.slice(0, col) + newVal;
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;
  // Memory with 1,000 open documents.
  for (let d = 0; d < 1000; d++) client.open(`file:///bench/doc-${d}.fcs.yaml`, small.replace('chat-forwarding-v2', `doc-${d}`));
  await client.diagnostics('file:///bench/doc-999.fcs.yaml', () => true, 120_000);
  const status = fs.readFileSync(`/proc/${client.proc.pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  await stopServer(client);
  return { p50: q(0.5), p99: q(0.99), warmupMax: Math.max(...warmup), coldStartMs: Math.min(...colds.slice(1)), coldStartNoCacheMs: colds[0]!, rssMb: rssKb / 1024 };
}

interface EditorFigures {
  keystrokeP50Ms: number;
  keystrokeP99Ms: number;
  keystrokeWarmupMaxMs: number;
  coldStartMs: number;
  coldStartNoCacheMs: number;
  serverRssMbAt1000Docs: number;
}

/**
 * The editor figures from a fresh process (this file with --editor): the client side of the
 * timing then has a small heap. In this process, after linting 24,000 files, the client's own
 * garbage collection added up to 15 ms to some keystrokes.
 */
function editorFiguresInFreshProcess(): EditorFigures {
  const out = execFileSync(process.execPath, [...process.execArgv, __filename, '--editor', '--no-build'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  const last = out.trim().split('\n').pop() ?? '{}';
  return JSON.parse(last) as EditorFigures;
}

function latestVsixBytes(): number | null {
  const dirs = [ROOT, path.join(ROOT, 'e2e'), path.join(ROOT, 'e2e', '.run')];
  const found = dirs.flatMap((d) => (fs.existsSync(d) ? fs.readdirSync(d).filter((f) => f.endsWith('.vsix')).map((f) => path.join(d, f)) : []));
  if (!found.length) return null;
  found.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return fs.statSync(found[0]!).size;
}

function activationMs(): number | null {
  // Written by the real-editor e2e suite (npm run test:e2e) when it measures activation.
  const f = path.join(ROOT, 'test-results', 'e2e', 'activation.json');
  if (!fs.existsSync(f)) return null;
  const v = (JSON.parse(fs.readFileSync(f, 'utf8')) as { activationMs?: number }).activationMs;
  return typeof v === 'number' ? v : null;
}

async function main(): Promise<void> {
  if (args.includes('--editor')) {
    if (!args.includes('--no-build')) execFileSync(process.execPath, [path.join(ROOT, 'build.mjs')], { stdio: 'inherit' });
    const lsp = await lspFigures();
    process.stdout.write(JSON.stringify({ keystrokeP50Ms: round(lsp.p50), keystrokeP99Ms: round(lsp.p99), keystrokeWarmupMaxMs: round(lsp.warmupMax), coldStartMs: round(lsp.coldStartMs), coldStartNoCacheMs: round(lsp.coldStartNoCacheMs), serverRssMbAt1000Docs: round(lsp.rssMb) }) + '\n');
    return;
  }
  log(`fcs-lint bench: base ${BASE} specs + ${BASE} flag files + ${BASE} PRDs, scales ${SCALES.join(', ')}; ${os.cpus().length} cores, node ${process.version}`);
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) execFileSync(process.execPath, [path.join(ROOT, 'build.mjs')], { stdio: 'inherit' });
  engine = loadEngine();
  const env = engine.createLintEnvironment();
  const scales: ScaleResult[] = [];
  let base: CorpusPaths | undefined;
  for (const s of SCALES) {
    const c = writeCorpus(path.join(CORPUS, `x${s}`), BASE, s);
    if (s === 1) {
      base = c;
      // Warm-up on every kind, so that neither side is timed while V8 is still compiling it.
      for (const f of [...c.specs.slice(0, 50), ...c.flags.slice(0, 50), ...c.prds.slice(0, 50)]) (parseFloor(f), lintFile(f, env));
    }
    log(`  measuring ${s}x (${c.specs.length * 3} files)…`);
    scales.push(measureScale(c, s, env));
  }
  const first = scales[0]!;
  const last = scales[scales.length - 1]!;
  const growthExponent = Math.log(last.lintMs / first.lintMs) / Math.log(last.scale / first.scale);
  if (args.includes('--ratios')) {
    for (const s of scales) process.stdout.write(`lint / parse at ${s.scale}x: ${round(s.ratio)} (${Object.entries(s.byKind).map(([k, v]) => `${k} ${round(v.ratio)}`).join(', ')})\n`);
    process.stdout.write(JSON.stringify({ lintOverParse: Math.max(...scales.map((s) => s.ratio)), growthExponent: round(growthExponent) }) + '\n');
    return;
  }

  log('  peers: Spectral and markdownlint-cli2 vs the fcs-lint CLI, as processes on the same files…');
  const benchBin = path.join(__dirname, 'node_modules', '.bin');
  const haveSpectral = fs.existsSync(path.join(benchBin, 'spectral'));
  const haveMdl = fs.existsSync(path.join(benchBin, 'markdownlint-cli2'));
  const specDir = path.join(base!.dir, 'specs');
  const prdDir = path.join(base!.dir, 'prds');
  // --no-ignore: the corpus lives in bench/.corpus/, which .gitignore lists, and the CLI honours
  // .gitignore even for named files (without it the CLI linted nothing).
  const prdFiles = fs.readdirSync(prdDir).filter((f) => f.endsWith('.md')).map((f) => path.join(prdDir, f));
  const runFcsSpecs = () => timeProcess(process.execPath, [path.join(ROOT, 'bin', 'fcs-lint.js'), specDir, '-f', 'json', '--no-ignore']);
  const runSpectral = () => timeProcess(path.join(benchBin, 'spectral'), ['lint', path.join(specDir, '*.fcs.yaml'), '-r', path.join(__dirname, 'spectral', 'ruleset.yaml'), '-f', 'json', '--quiet']);
  const runFcsPrds = () => timeProcess(process.execPath, [path.join(ROOT, 'bin', 'fcs-lint.js'), ...prdFiles, '-f', 'json', '--no-ignore']);
  const runMdl = () => timeProcess(path.join(benchBin, 'markdownlint-cli2'), [path.join(prdDir, '*.md')], prdDir);
  // The ceiling: a process that only reads and parses the same files with the shipped parsers.
  const specFiles = fs.readdirSync(specDir).filter((f) => f.endsWith('.fcs.yaml')).map((f) => path.join(specDir, f));
  const parseOnly = (files: string[]) => () => timeProcess(process.execPath, [path.join(__dirname, 'parse-only.cjs'), ...files]);
  // Each set runs in turn, several times, and keeps each one's best: this machine's speed
  // drifts by about 10% from one second to the next, and alternating spreads that over all.
  const [fcsSpecs, spectral, parseSpecs] = alternating(3, [runFcsSpecs, haveSpectral ? runSpectral : () => NaN, parseOnly(specFiles)]);
  const [fcsPrds, mdl, parsePrds] = alternating(5, [runFcsPrds, haveMdl ? runMdl : () => NaN, parseOnly(prdFiles)]);

  log('  editor: latency, cold start and memory through the real server over LSP…');
  const lsp = editorFiguresInFreshProcess();

  const result = {
    base: BASE,
    lintOverParse: Math.max(...scales.map((s) => s.ratio)),
    lintOverParseByScale: Object.fromEntries(scales.map((s) => [`x${s.scale}`, round(s.ratio)])),
    lintOverParseByKind: Object.fromEntries(Object.entries(first.byKind).map(([k, v]) => [k, round(v.ratio)])),
    growthExponent: round(growthExponent),
    spectralOverFcs: round(spectral / fcsSpecs),
    markdownlintOverFcs: round(mdl / fcsPrds),
    // What the peers' figures would be for a linter that only parsed (the same parsers, no rules).
    spectralOverParseOnly: round(spectral / parseSpecs),
    markdownlintOverParseOnly: round(mdl / parsePrds),
    keystrokeP50Ms: lsp.keystrokeP50Ms,
    keystrokeP99Ms: lsp.keystrokeP99Ms,
    keystrokeWarmupMaxMs: lsp.keystrokeWarmupMaxMs,
    coldStartMs: lsp.coldStartMs,
    coldStartNoCacheMs: lsp.coldStartNoCacheMs,
    serverRssMbAt1000Docs: lsp.serverRssMbAt1000Docs,
    activationMs: activationMs(),
    vsixBytes: latestVsixBytes(),
  };

  const rows: [string, string, string][] = [
    ...scales.map((s): [string, string, string] => [`lint / parse at ${s.scale}x (${s.files} files)`, round(s.ratio).toFixed(2), '≤ 1.5']),
    ...Object.entries(first.byKind).map(([k, v]): [string, string, string] => [`  ${k} at 1x`, round(v.ratio).toFixed(2), '']),
    ['growth exponent 1x → 16x', result.growthExponent.toFixed(2), '≈ 1 (linear)'],
    ['Spectral time ÷ fcs-lint time (specs)', fmt(result.spectralOverFcs), '≥ 10'],
    ['  Spectral ÷ a process that only parses them', fmt(result.spectralOverParseOnly), '(ceiling)'],
    ['markdownlint-cli2 time ÷ fcs-lint time (PRDs)', fmt(result.markdownlintOverFcs), '≥ 1'],
    ['  markdownlint-cli2 ÷ a process that only parses them', fmt(result.markdownlintOverParseOnly), '(ceiling)'],
    ['keystroke → diagnostics p50 (5,000-line spec)', `${fmt(result.keystrokeP50Ms)} ms`, ''],
    ['keystroke → diagnostics p99 (5,000-line spec)', `${fmt(result.keystrokeP99Ms)} ms`, '≤ 30 ms'],
    ['  slowest of the 10 warm-up edits before them', `${fmt(result.keystrokeWarmupMaxMs)} ms`, ''],
    ['server start → first diagnostics', `${fmt(result.coldStartMs)} ms`, '≤ 250 ms'],
    ['  the first start (empty code cache)', `${fmt(result.coldStartNoCacheMs)} ms`, ''],
    ['server RSS with 1,000 open documents', `${fmt(result.serverRssMbAt1000Docs)} MB`, ''],
    ['extension activation', result.activationMs === null ? 'n/a (run npm run test:e2e)' : `${result.activationMs} ms`, ''],
    ['VSIX size', result.vsixBytes === null ? 'n/a (run npm run package)' : `${(result.vsixBytes / 1024).toFixed(0)} KB`, '< 1.5 MB'],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  const table = ['| measure | value | target |', '|---|---|---|', ...rows.map((r) => `| ${r[0].padEnd(w)} | ${r[1]} | ${r[2]} |`)].join('\n');
  process.stdout.write(table + '\n');
  if (JSON_OUT) process.stdout.write(JSON.stringify(result) + '\n');
}

function round(n: number): number {
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : NaN;
}

function fmt(n: number): string {
  return Number.isFinite(n) ? String(n) : 'n/a';
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(2);
  },
);
