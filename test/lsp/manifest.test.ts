// The extension manifest: commands under FCS, settings, schema associations, snippets, and a
// `$fcs-lint` problem matcher that matches every finding line the CLI prints.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS } from '../../server/src/lsp/protocol';
import { ROOT, runCli } from '../helpers/runCli';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const c = pkg.contributes;

describe('extension manifest', () => {
  it('contributes the FCS commands the client registers', () => {
    const byId = new Map<string, { category?: string }>(c.commands.map((x: { command: string }) => [x.command, x]));
    for (const id of [COMMANDS.showDocumentation, COMMANDS.lintWorkspace, COMMANDS.restartServer, COMMANDS.showOutput]) {
      assert.equal(byId.get(id)?.category, 'FCS', id);
    }
    assert.ok(c.menus.commandPalette.some((m: { command: string; when: string }) => m.command === COMMANDS.applySnippet && m.when === 'false'));
  });

  it('declares the settings', () => {
    const props = c.configuration.properties;
    for (const k of ['fcsLint.enable', 'fcsLint.run', 'fcsLint.trace.server', 'fcsLint.markdown.globs', 'fcsLint.lintTask.command']) assert.ok(props[k], k);
    assert.deepEqual(props['fcsLint.run'].enum, ['onType', 'onSave']);
  });

  it('associates the spec and config schemas for YAML and JSON, and the files exist', () => {
    const all = [...c.yamlValidation, ...c.jsonValidation] as { fileMatch: string[]; url: string }[];
    const urls = new Set(all.map((v) => v.url));
    assert.ok(urls.has('./schemas/fcs-spec.schema.json') && urls.has('./schemas/fcs-config.schema.json'));
    assert.ok(c.yamlValidation.some((v: { fileMatch: string[] }) => v.fileMatch.includes('*.fcs.yaml')));
    assert.ok(c.jsonValidation.some((v: { fileMatch: string[] }) => v.fileMatch.includes('.fcs-lint.json')));
    for (const u of urls) assert.ok(fs.existsSync(path.join(ROOT, u)), `${u} is missing`);
    for (const s of c.snippets) assert.ok(fs.existsSync(path.join(ROOT, s.path)), s.path);
  });

  it('declares limited support for untrusted workspaces and lazy activation', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(!pkg.activationEvents.includes('*') && !pkg.activationEvents.includes('onStartupFinished'));
  });

  it('the $fcs-lint problem matcher matches every finding line of the CLI stylish output', () => {
    const m = c.problemMatchers.find((x: { name: string }) => x.name === 'fcs-lint');
    assert.ok(m);
    assert.ok(c.taskDefinitions.some((d: { type: string }) => d.type === 'fcs-lint'));
    const re = new RegExp(m.pattern.regexp);
    const r = runCli(['lint', 'examples/messaging-conflict.fcs.yaml', 'test/fixtures/specs/minimal-fcs.fcs.yaml', '--format', 'stylish', '--no-color']);
    const json = runCli(['lint', 'examples/messaging-conflict.fcs.yaml', 'test/fixtures/specs/minimal-fcs.fcs.yaml', '--format', 'json']);
    const lines = r.stdout.split('\n').filter((l) => /^\S+\.fcs\.yaml:\d+:\d+/.test(l));
    assert.ok(lines.length > 5, r.stdout + r.stderr);
    const parsed = lines.map((l) => {
      const x = re.exec(l);
      assert.ok(x, `not matched: ${l}`);
      return { file: x[m.pattern.file], line: Number(x[m.pattern.line]), rule: x[m.pattern.code], severity: x[m.pattern.severity] };
    });
    assert.ok(parsed.some((p) => p.rule === 'CTX-01' && p.severity === 'blocker' && p.file.endsWith('messaging-conflict.fcs.yaml')));
    // The same number of findings as the JSON report.
    const total = (JSON.parse(json.stdout) as { files?: { findings: unknown[] }[] } | { findings: unknown[] }[]);
    const count = Array.isArray(total) ? total.reduce((n, f) => n + f.findings.length, 0) : (total.files ?? []).reduce((n, f) => n + f.findings.length, 0);
    if (count > 0) assert.equal(parsed.length, count);
  });
});
