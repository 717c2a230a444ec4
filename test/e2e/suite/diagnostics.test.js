// Diagnostics: rule codes with documentation links, exact ranges, and the same findings the CLI reports.
const assert = require('assert');
const cp = require('child_process');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const h = require('../helpers');

const SPEC = 'messaging-conflict.fcs.yaml';

suite('diagnostics', () => {
  teardown(h.resetEditors);

  test('CTX-01 lands exactly on the ETH value, with the rule id as code and a link to its page', async () => {
    const { uri, doc } = await h.openFixture(SPEC);
    const expected = h.rangeOf(doc, '- country: ETH', 'ETH');
    const [ctx] = await h.waitForRule(uri, 'CTX-01', expected);
    assert.deepStrictEqual(
      { line: ctx.range.start.line, character: ctx.range.start.character, endLine: ctx.range.end.line, endCharacter: ctx.range.end.character },
      { line: 17, character: 13, endLine: 17, endCharacter: 16 },
    );
    assert.strictEqual(ctx.source, 'fcs-lint');
    assert.strictEqual(ctx.severity, vscode.DiagnosticSeverity.Error);
    assert.match(ctx.message, /Ethiopia/);
    assert.ok(ctx.code && typeof ctx.code === 'object', 'code is {value, target}');
    assert.strictEqual(ctx.code.value, 'CTX-01');
    assert.ok(ctx.code.target instanceof vscode.Uri);
    assert.ok(ctx.code.target.path.endsWith('/docs/rules/CTX-01.md'), ctx.code.target.toString());
  });

  test('every finding links to an existing rule page named after its code', async () => {
    const { uri } = await h.openFixture(SPEC);
    const diags = await h.waitForRule(uri, 'CTX-01').then(() => h.fcsDiagnostics(uri));
    for (const d of diags) {
      const id = h.codeOf(d);
      assert.match(String(id), /^[A-Z]+(-[A-Z]+)*-?\d*$/, `rule id ${id}`);
      assert.ok(d.code.target.path.endsWith(`/docs/rules/${id}.md`), `${id} -> ${d.code.target}`);
      if (d.code.target.scheme === 'file') assert.ok(fs.existsSync(d.code.target.fsPath), `${d.code.target.fsPath} exists`);
    }
  });

  test('the editor shows exactly the findings the CLI reports for the same file', async () => {
    const { uri } = await h.openFixture(SPEC);
    await h.waitForRule(uri, 'CTX-01');
    const ext = vscode.extensions.getExtension(h.EXTENSION_ID);
    const cli = path.join(ext.extensionPath, 'dist', 'cli.js');
    // Lint the whole folder (the editor sees the workspace too), from that folder: the CLI reads
    // ignore files from its working directory.
    const folder = path.dirname(uri.fsPath);
    const res = cp.spawnSync(process.execPath, [cli, '--format', 'json', '.'], { cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.ok(res.stdout, `CLI printed JSON (rc ${res.status}, stderr ${res.stderr})`);
    const entry = JSON.parse(res.stdout).find((r) => path.resolve(folder, r.filePath) === uri.fsPath);
    assert.ok(entry, `the CLI reported on ${uri.fsPath}`);
    const fromCli = entry.findings
      .map((f) => `${f.ruleId}@${f.line - 1}:${f.column - 1}-${f.endLine - 1}:${f.endColumn - 1}`).sort();
    const inEditor = () => h.fcsDiagnostics(uri)
      .map((d) => `${h.codeOf(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort();
    await h.waitFor(() => JSON.stringify(inEditor()) === JSON.stringify(fromCli), {
      what: `editor findings to equal the CLI's ${JSON.stringify(fromCli)}`, state: () => JSON.stringify(inEditor()),
    });
  });
});
