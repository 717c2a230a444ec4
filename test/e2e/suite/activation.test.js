// The extension loads in a real VS Code, activates for a workspace with specs, and lints a spec.
const assert = require('assert');
const vscode = require('vscode');
const h = require('../helpers');

suite('activation', () => {
  teardown(h.resetEditors);

  test('runs inside a real VS Code extension host no older than engines.vscode', () => {
    const ext = vscode.extensions.getExtension(h.EXTENSION_ID);
    assert.ok(ext, `${h.EXTENSION_ID} is installed in the extension host`);
    const min = ext.packageJSON.engines.vscode.replace(/^[^\d]*/, '').split('.').map(Number);
    const have = vscode.version.split('.').map(Number);
    assert.ok(have[0] > min[0] || (have[0] === min[0] && have[1] >= min[1]), `VS Code ${vscode.version} satisfies ${ext.packageJSON.engines.vscode}`);
    console.log(`      VS Code ${vscode.version} (${vscode.env.appName}, remote ${vscode.env.remoteName})`);
  });

  test('declares activation on spec workspaces and YAML, and activates for this workspace', async () => {
    const ext = vscode.extensions.getExtension(h.EXTENSION_ID);
    assert.ok(ext.packageJSON.activationEvents.includes('workspaceContains:**/*.fcs.yaml'));
    assert.ok(ext.packageJSON.activationEvents.includes('onLanguage:yaml'));
    await h.activeExtension(); // the workspace contains *.fcs.yaml, so no file needs to be opened
  });

  test('an opened spec is a YAML document and gets fcs-lint diagnostics', async () => {
    const { uri, doc } = await h.openFixture('messaging-conflict.fcs.yaml');
    assert.strictEqual(doc.languageId, 'yaml');
    const diags = await h.waitForDiagnostics(uri, (d) => d.length > 0, 'any fcs-lint diagnostic');
    assert.ok(diags.every((d) => d.source === h.SOURCE));
  });
});
