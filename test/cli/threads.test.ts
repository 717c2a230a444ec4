// Worker threads (--threads, or automatic for big runs) give the output of a single-threaded
// run: same files in the same order, same findings, cross-file checks across every file.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli } from '../helpers/runCli';
import { project } from './fixtures';
import { FILES_PER_THREAD, threadCount } from '../../server/src/cli/lint/parallel';

function spec(i: number): string {
  return `spec_version: 1
feature:
  id: feature-${i}
  name: Feature ${i}
  lifecycle_stage: ${i % 2 ? 'design' : 'pilot'}
  functions: [fn.messaging]
markets:
  - country: ${['ETH', 'SDN', 'KEN', 'FRA'][i % 4]}
    languages: [en]
kill_switch:
  flag_key: kill-${i}
mitigations:
  - {id: mit-${i}, description: "mitigation", flag_key: mit-${i}}
`;
}

/** Flags for the specs: some kill switches defined (and naming their spec), some missing. */
function flagFile(from: number, to: number): string {
  const flags: Record<string, unknown> = {};
  for (let i = from; i < to; i++) {
    if (i % 3 === 0) continue; // kill switch defined in no flag file: a cross-file finding on the spec
    flags[`kill-${i}`] = { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on', metadata: i % 2 ? { dd_ref: `feature-${i}` } : {}, targeting: { if: [{ in: [{ var: 'country' }, ['ETH', 'SDN']] }, 'on', 'off'] } };
  }
  return JSON.stringify({ $schema: 'https://flagd.dev/schema/v0/flags.json', flags }, null, 2);
}

describe('fcs-lint worker threads', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 24; i++) files[`specs/feature-${i}.fcs.yaml`] = spec(i);
  files['flags/a.flagd.json'] = flagFile(0, 12);
  files['flags/b.flagd.json'] = flagFile(12, 24);
  files['specs/broken.fcs.yaml'] = 'spec_version: 1\nfeature: [\n';
  files['prd/launch.md'] = '---\nfcs:\n  markets:\n    - {country: ETH}\n---\n# Launch\n\nUsers can share their live location with nearby people.\n';

  it('gives byte-identical JSON, SARIF and stylish output with 1, 2 and 4 threads, cross-file findings included', () => {
    const dir = project(files);
    const run = (threads: number) => runCli(['.', '-f', 'json', '-f', 'sarif', '-o', `out-${threads}.sarif`, '--threads', String(threads)], { cwd: dir });
    const one = run(1);
    assert.equal(one.code, 1, one.stderr);
    const reports = JSON.parse(one.stdout) as { filePath: string; findings: { ruleId: string; message: string }[] }[];
    assert.equal(reports.length, 28);
    // Cross-file checks ran: a flag names its spec, and a spec's kill switch is missing from every flag file.
    const all = reports.flatMap((r) => r.findings);
    assert.ok(all.some((f) => f.ruleId === 'FLAG-06'), 'a spec-side cross-file finding');
    assert.ok(all.some((f) => /open blocker/.test(f.message)), 'a flag-side finding that read a linked spec');
    for (const threads of [2, 4]) {
      const r = run(threads);
      assert.equal(r.code, one.code);
      assert.equal(r.stdout, one.stdout, `JSON with ${threads} threads`);
      assert.equal(r.stderr, one.stderr);
      assert.equal(fs.readFileSync(path.join(dir, `out-${threads}.sarif`), 'utf8'), fs.readFileSync(path.join(dir, 'out-1.sarif'), 'utf8'));
    }
    // The workers did lint files (not a silent fallback to this thread).
    const stats = runCli(['.', '-f', 'json', '--threads', '2'], { cwd: dir, env: { FCS_LINT_THREAD_STATS: '1' } });
    assert.equal(stats.stdout, one.stdout);
    const m = /fcs-lint: 2 threads; workers linted (\d+) of 28 files/.exec(stats.stderr);
    assert.ok(m && Number(m[1]) > 0, stats.stderr);
    assert.doesNotMatch(stats.stderr, /worker thread stopped/);
    const stylish = (threads: number) => runCli(['.', '--threads', String(threads)], { cwd: dir }).stdout;
    assert.equal(stylish(3), stylish(1));
  });

  it('applies the baseline and writes the same baseline file with worker threads', () => {
    const dir = project(files);
    assert.equal(runCli(['.', '--write-baseline', 'b1.json', '--threads', '1'], { cwd: dir }).code, 0);
    assert.equal(runCli(['.', '--write-baseline', 'b2.json', '--threads', '2'], { cwd: dir }).code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'b2.json'), 'utf8'), fs.readFileSync(path.join(dir, 'b1.json'), 'utf8'));
    fs.writeFileSync(path.join(dir, 'specs', 'feature-99.fcs.yaml'), spec(99));
    const one = runCli(['.', '-f', 'json', '--baseline', 'b1.json', '--threads', '1'], { cwd: dir });
    const two = runCli(['.', '-f', 'json', '--baseline', 'b1.json', '--threads', '2'], { cwd: dir });
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr, one.stderr);
    assert.match(one.stderr, /matched the baseline/);
  });

  it('rejects --threads 0 and non-numbers (exit 2)', () => {
    for (const v of ['0', 'two']) {
      const r = runCli(['examples', '--threads', v]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--threads expects a whole number/);
    }
  });

  it('stays in one thread for small runs and one file; uses more only for big runs and with cores to spare', () => {
    assert.equal(threadCount(1, 4, 8), 1);
    assert.equal(threadCount(FILES_PER_THREAD - 1, undefined, 8), 1);
    assert.equal(threadCount(FILES_PER_THREAD, undefined, 8), 2);
    assert.equal(threadCount(100 * FILES_PER_THREAD, undefined, 8), 4);
    assert.equal(threadCount(100 * FILES_PER_THREAD, undefined, 1), 1);
    assert.equal(threadCount(10, 3, 1), 3, 'an explicit --threads is honoured');
  });
});
