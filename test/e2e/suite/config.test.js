// Configuration changes are picked up without a restart: a .fcs-lint.yaml created and deleted on
// disk; created, edited and saved in the editor, then changed on disk; a broken one reported on the
// file itself. Each time the open spec is re-linted.
// The first test must run before the config is ever opened as a document: the server reads an open
// document's text in preference to the file (server/src/lsp/config.ts, createResolver), so a config
// still open in VS Code (a tab, or a model VS Code keeps for a while after openTextDocument) keeps
// applying after it is deleted on disk.
const assert = require('assert');
const vscode = require('vscode');
const h = require('../helpers');

const SPEC = 'config/onboarding.fcs.yaml';
const CONFIG = 'config/.fcs-lint.yaml';

const has = (ds, rule, range) => ds.some((d) => h.codeOf(d) === rule && (!range || d.range.isEqual(range)));

suite('configuration changes', () => {
  suiteTeardown(() => h.deleteFile(h.fixtureUri(CONFIG)));
  teardown(h.resetEditors);

  test('a config created and deleted on disk (never opened) applies, then stops applying', async () => {
    const { uri, doc } = await h.openFixture(SPEC);
    const rural = h.rangeOf(doc, 'setting: rural', 'rural');
    await h.waitForRule(uri, 'CTX-05', rural);
    const configUri = h.fixtureUri(CONFIG);
    await h.writeFile(configUri, 'rules:\n  CTX-05: low\n');
    const [low] = await h.waitForDiagnostics(uri, (ds) => ds.some((d) => h.codeOf(d) === 'CTX-05' && d.severity === vscode.DiagnosticSeverity.Information), 'CTX-05 as low (information)')
      .then((ds) => ds.filter((d) => h.codeOf(d) === 'CTX-05'));
    assert.ok(low.range.isEqual(rural));
    await h.deleteFile(configUri);
    await h.waitForDiagnostics(uri, (ds) => ds.some((d) => h.codeOf(d) === 'CTX-05' && d.severity === vscode.DiagnosticSeverity.Error), 'CTX-05 back to high (error) after the config is deleted');
  });

  test('creating, editing in the editor and changing .fcs-lint.yaml on disk changes the open spec\'s findings without a restart', async () => {
    const { uri, doc } = await h.openFixture(SPEC);
    const eth = h.rangeOf(doc, '- country: ETH', 'ETH');
    const ken = h.rangeOf(doc, '- country: KEN', 'KEN');
    const rural = h.rangeOf(doc, 'setting: rural', 'rural');
    const before = await h.waitForDiagnostics(uri, (ds) => has(ds, 'CTX-01', eth) && has(ds, 'CTX-05', rural), 'CTX-01 on ETH and CTX-05 on rural (no config yet)');
    assert.ok(!has(before, 'CTX-01', ken), 'Kenya is not on the FCS list: no CTX-01 there');

    // 1. A new config file turns CTX-05 off (written to disk: the file watcher path).
    const configUri = h.fixtureUri(CONFIG);
    await h.writeFile(configUri, 'rules:\n  CTX-05: off\n');
    await h.waitForDiagnostics(uri, (ds) => !has(ds, 'CTX-05') && has(ds, 'CTX-01', eth), 'CTX-05 gone after rules: {CTX-05: off}');

    // 2. Edited in the editor and saved: the organisation marks Kenya as a conflict market.
    const cfg = await vscode.workspace.openTextDocument(configUri);
    const editor = await vscode.window.showTextDocument(cfg, { preview: false });
    await editor.edit((e) => e.insert(new vscode.Position(cfg.lineCount, 0),
      'markets:\n  KEN:\n    category: conflict\n    reason: organisation assessment (e2e test)\n'));
    assert.ok(await cfg.save(), 'the config was saved');
    const after = await h.waitForDiagnostics(uri, (ds) => has(ds, 'CTX-01', ken), 'CTX-01 on KEN after the markets: override');
    assert.match(after.find((d) => h.codeOf(d) === 'CTX-01' && d.range.isEqual(ken)).message, /Kenya/);
    assert.ok(!has(after, 'CTX-05'), 'the rules: setting still applies');
    // The config file itself is valid: no findings on it.
    assert.deepStrictEqual(h.keys(h.fcsDiagnostics(configUri)), [], 'no problems reported on the config file');
    // Hover on KEN now names the organisation's override.
    const text = await h.hoverText(uri, ken.start.translate(0, 1));
    assert.match(text, /Organisation override/, `hover on KEN: ${text.slice(0, 300)}`);

    // 3. Changed on disk by another tool (a git checkout): the open config follows, and so does the spec.
    await h.writeFile(configUri, '# nothing configured\n');
    await h.waitFor(() => cfg.getText() === '# nothing configured\n', { what: 'the open config to reload from disk' });
    await h.waitForDiagnostics(uri, (ds) => has(ds, 'CTX-05', rural) && !has(ds, 'CTX-01', ken), 'CTX-05 back and KEN no longer a conflict market');
  });

  test('a broken config is reported on the config file and the spec keeps its findings', async () => {
    const { uri, doc } = await h.openFixture(SPEC);
    const eth = h.rangeOf(doc, '- country: ETH', 'ETH');
    await h.waitForRule(uri, 'CTX-01', eth);
    const configUri = h.fixtureUri(CONFIG);
    await h.writeFile(configUri, 'extends:\n  - fcs:no-such-pack\n');
    const cfg = await vscode.workspace.openTextDocument(configUri);
    await vscode.window.showTextDocument(cfg, { preview: false });
    const problems = await h.waitFor(() => { const d = h.fcsDiagnostics(configUri); return d.length ? d : undefined; },
      { what: 'a diagnostic on the broken .fcs-lint.yaml', state: () => h.describe(h.fcsDiagnostics(configUri)) });
    assert.ok(problems.some((d) => d.severity === vscode.DiagnosticSeverity.Error), `an error on the config: ${h.describe(problems)}`);
    assert.ok(h.fcsDiagnostics(uri).some((d) => h.codeOf(d) === 'CTX-01'), 'the spec still shows its findings');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await h.deleteFile(configUri);
  });
});
