// The CI integrations shipped with the package: the GitHub Action's lint script (run for
// real with bash, npx replaced by the built CLI) and the pre-commit hook definition.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { BIN, ROOT } from '../helpers/runCli';
import { project } from './fixtures';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Action {
  runs: { using: string; steps: Step[] };
  inputs: Record<string, { default?: string }>;
}

const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;

/** Run the action's lint step in `dir` with the given inputs; `npx fcs-lint@…` runs the built CLI. */
function runLintStep(dir: string, inputs: Record<string, string>) {
  const step = action.runs.steps.find((s) => s.id === 'lint')!;
  const shim = path.join(dir, '.shim');
  fs.mkdirSync(shim, { recursive: true });
  fs.writeFileSync(path.join(shim, 'npx'), `#!/bin/sh\n[ "$1" = --yes ] && shift\ncase "$1" in fcs-lint@*) shift;; *) exit 99;; esac\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.env ?? {})) {
    const name = /inputs\.([\w-]+)/.exec(v)![1]!;
    env[k] = inputs[name] ?? action.inputs[name]?.default ?? '';
  }
  const out = path.join(dir, '.github-output');
  const summary = path.join(dir, '.step-summary');
  fs.writeFileSync(out, '');
  fs.writeFileSync(summary, '');
  const r = spawnSync('bash', ['-e', '-c', step.run!], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env, PATH: `${shim}${path.delimiter}${process.env['PATH']}`, GITHUB_OUTPUT: out, GITHUB_STEP_SUMMARY: summary, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, output: fs.readFileSync(out, 'utf8'), summary: fs.readFileSync(summary, 'utf8') };
}

describe('GitHub Action (action.yml)', () => {
  it('is a composite action: setup-node, lint, upload-sarif, then the gate', () => {
    assert.equal(action.runs.using, 'composite');
    const uses = action.runs.steps.map((s) => s.uses ?? s.id ?? 'run');
    assert.match(uses[0]!, /^actions\/setup-node@v\d+$/);
    assert.equal(uses[1], 'lint');
    assert.match(uses[2]!, /^github\/codeql-action\/upload-sarif@v\d+$/);
    assert.equal(action.runs.steps[2]!.with!['sarif_file'], '${{ inputs.sarif-file }}');
    assert.match(action.runs.steps[3]!.run!, /exit "\$FCS_STATUS"/);
    // No input is pasted into a script (script injection); they come in through env.
    for (const s of action.runs.steps) assert.doesNotMatch(s.run ?? '', /\$\{\{/);
  });

  it('the lint step writes SARIF, annotations and a job summary, and reports exit 1 without failing the step', () => {
    const dir = project({ 'specs/conflict.fcs.yaml': '@conflict.fcs.yaml', 'specs/clean.fcs.yaml': '@clean.fcs.yaml' });
    const r = runLintStep(dir, { paths: 'specs/*.fcs.yaml' });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^::error file=specs\/conflict\.fcs\.yaml,line=9,col=14,endLine=9,endColumn=17,title=CTX-01::/m);
    assert.equal(r.output, 'exit-code=1\n');
    assert.match(r.summary, /^## fcs-lint: 6 findings/);
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'fcs.sarif'), 'utf8')) as { version: string };
    assert.equal(sarif.version, '2.1.0');
  });

  it('passes stage, fail-on and max-warnings through, and stops on a usage error', () => {
    const dir = project({ 'early.fcs.yaml': '@early.fcs.yaml', 'two.fcs.yaml': '@two-docs.fcs.yaml' });
    assert.equal(runLintStep(dir, { paths: 'early.fcs.yaml' }).output, 'exit-code=0\n');
    assert.equal(runLintStep(dir, { paths: 'two.fcs.yaml' }).output, 'exit-code=0\n');
    assert.equal(runLintStep(dir, { paths: 'two.fcs.yaml', 'max-warnings': '0' }).output, 'exit-code=1\n');
    assert.equal(runLintStep(dir, { paths: 'early.fcs.yaml', stage: 'deployment' }).output, 'exit-code=1\n');
    assert.equal(runLintStep(dir, { paths: 'early.fcs.yaml', stage: 'deployment', 'fail-on': 'blocker', 'sarif-file': 'out.sarif' }).output, 'exit-code=1\n');
    assert.ok(fs.existsSync(path.join(dir, 'out.sarif')));
    const bad = runLintStep(dir, { paths: 'early.fcs.yaml', stage: 'launch' });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Unknown value 'launch' for --stage/);
  });
});

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  it('runs the package bin on spec files only', () => {
    const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    assert.equal(hooks.length, 1);
    const hook = hooks[0]!;
    assert.equal(hook.id, 'fcs-lint');
    assert.equal(hook.language, 'node');
    assert.ok(pkg.bin[hook.entry], 'entry is the package bin');
    const re = new RegExp(hook.files);
    assert.ok(re.test('specs/feature.fcs.yaml') && re.test('a.fcs.yml'));
    assert.ok(!re.test('config.yaml') && !re.test('feature.fcs.yaml.bak'));
  });
});
