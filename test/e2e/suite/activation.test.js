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

  // VS Code's own timing of the activation (the marks behind "Developer: Show Running Extensions"):
  // from the start of the activation (loading the bundle, calling activate()) to activate()'s promise resolving, which includes starting the language server
  // (activate() awaits client.start()). Written to test-results/e2e/activation.json for bench/run.ts.
  test('records the activation time (activate() call to resolved) and the first diagnostics', async () => {
    await h.activeExtension();
    const marks = globalThis.MonacoPerformanceMarks && globalThis.MonacoPerformanceMarks.getMarks();
    assert.ok(Array.isArray(marks), 'the extension host exposes its performance marks');
    const at = (name) => (marks.find((m) => m.name === `code/extHost/${name}/${h.EXTENSION_ID}`) || {}).startTime;
    const [willActivate, willLoad, didLoad, didActivate] = ['willActivateExtension', 'willLoadExtensionCode', 'didLoadExtensionCode', 'didActivateExtension'].map(at);
    assert.ok(typeof willActivate === 'number' && typeof didActivate === 'number',
      `activation marks for ${h.EXTENSION_ID}: ${JSON.stringify(marks.filter((m) => m.name.includes(h.EXTENSION_ID)))}`);
    const activationMs = didActivate - willActivate;
    assert.ok(activationMs >= 0 && activationMs < 30000, `activation took ${activationMs} ms`);

    // A spec opened now: time from open to its first fcs-lint diagnostics (server already running).
    const t0 = Date.now();
    const { uri } = await h.openFixture('payments.fcs.yaml');
    await h.waitForDiagnostics(uri, (d) => d.length > 0, 'any fcs-lint diagnostic', 20000);
    const firstDiagnosticsMs = Date.now() - t0;

    const record = {
      activationMs,
      loadCodeMs: typeof willLoad === 'number' && typeof didLoad === 'number' ? didLoad - willLoad : null,
      firstDiagnosticsAfterOpenMs: firstDiagnosticsMs,
      vscode: vscode.version,
      measured: 'VS Code extension-host marks willActivateExtension -> didActivateExtension (activate() includes starting the language server)',
    };
    h.writeResult('activation.json', record);
    console.log(`      activation ${activationMs} ms (code load ${record.loadCodeMs} ms), first diagnostics ${firstDiagnosticsMs} ms after open`);
  });
});
