// FCS: Assess feature, run non-interactively through the command with answers: it creates the
// spec (an undoable workspace edit, saved), opens the report webview beside it and exports the
// report as HTML; the new spec is then linted like any other.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const h = require('../helpers');

const ANSWERS = {
  name: 'Nearby helpers',
  functions: ['fn.location', 'fn.messaging'],
  markets: ['SDN', 'KEN'],
  userGroups: ['ug.general', 'ug.displaced'],
  dataCategories: ['location_precise', 'contacts'],
  stage: 'design',
};

/** Open tabs whose input is a webview of the given view type (VS Code prefixes the type). */
function webviewTabs(viewType) {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));
}

suite('FCS: Assess feature', () => {
  teardown(h.resetEditors);

  test('the command is contributed and registered', async () => {
    const ext = await h.activeExtension();
    const contributed = ext.packageJSON.contributes.commands.map((c) => c.command);
    assert.ok(contributed.includes('fcsLint.assessFeature'), 'package.json contributes fcsLint.assessFeature');
    const registered = await vscode.commands.getCommands(true);
    assert.ok(registered.includes('fcsLint.assessFeature'),
      `fcsLint.assessFeature is registered by the active extension (registered fcsLint.* commands: ${JSON.stringify(registered.filter((c) => c.startsWith('fcsLint.')))})`);
  });

  test('with answers: creates the spec, opens the report webview and exports the HTML report', async () => {
    const specUri = h.fixtureUri('assess/nearby-helpers.fcs.yaml');
    assert.ok(!fs.existsSync(specUri.fsPath), 'the spec does not exist yet');
    const exportPath = path.join(h.RESULTS, 'assess-report.html');
    fs.mkdirSync(h.RESULTS, { recursive: true });
    fs.rmSync(exportPath, { force: true });

    const result = await vscode.commands.executeCommand('fcsLint.assessFeature', {
      uri: specUri, answers: ANSWERS, openReport: true, export: { format: 'html', path: exportPath },
    });
    assert.ok(result, 'the command resolved to a result (not cancelled)');
    assert.strictEqual(result.specUri, specUri.toString());
    assert.strictEqual(result.created, true);
    assert.strictEqual(result.edited, true);
    assert.ok(result.cells > 0, `the matrix has cells (${result.cells})`);
    assert.ok(result.findings > 0, `the new spec has open findings (${result.findings})`);
    assert.ok(typeof result.summary === 'string' && result.summary.length > 0, 'a summary');
    assert.strictEqual(result.exported, vscode.Uri.file(exportPath).toString());

    // The spec is on disk (saved), with the answers.
    const text = fs.readFileSync(specUri.fsPath, 'utf8');
    assert.match(text, /^spec_version: 1/m);
    assert.match(text, /name: Nearby helpers/);
    assert.match(text, /id: nearby-helpers/);
    assert.match(text, /lifecycle_stage: design/);
    for (const v of [...ANSWERS.functions, ...ANSWERS.userGroups]) assert.ok(text.includes(v), `spec has ${v}`);
    for (const c of ANSWERS.markets) assert.match(text, new RegExp(`country: ${c}`), `spec has market ${c}`);
    for (const c of ANSWERS.dataCategories) assert.match(text, new RegExp(`category: ${c}`), `spec has data category ${c}`);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === specUri.toString());
    assert.ok(doc && !doc.isDirty, 'the spec is open and saved');

    // The report webview is open, titled after the spec.
    await h.waitFor(() => webviewTabs('fcsLint.assessReport').length > 0, {
      what: 'the assessment report webview tab',
      state: () => JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => `${t.label} (${t.input && t.input.constructor && t.input.constructor.name})`)),
    });
    const [tab] = webviewTabs('fcsLint.assessReport');
    assert.strictEqual(tab.label, 'Assessment: nearby-helpers.fcs.yaml');

    // The exported HTML is a self-contained report with the matrix.
    const html = fs.readFileSync(exportPath, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.match(html, /<table class="matrix"/, 'the HTML report contains the matrix');
    assert.match(html, /Nearby helpers/);
    assert.match(html, /Sudan/);
    assert.ok(!/<script[^>]+src=|<link[^>]+href="https?:/i.test(html), 'no remote resources');

    // The new spec is linted like any other: Sudan is a conflict market without an analysis.
    const sdn = h.rangeOf(doc, 'country: SDN', 'SDN');
    await h.waitForRule(specUri, 'CTX-01', sdn);
  });

  test('run again on the existing spec with more answers: only the missing parts are added', async () => {
    const specUri = h.fixtureUri('assess/nearby-helpers.fcs.yaml');
    assert.ok(fs.existsSync(specUri.fsPath), 'the spec from the previous test exists');
    const before = fs.readFileSync(specUri.fsPath, 'utf8');
    const result = await vscode.commands.executeCommand('fcsLint.assessFeature', {
      uri: specUri, answers: { ...ANSWERS, markets: [...ANSWERS.markets, 'SOM'] }, openReport: false,
    });
    assert.ok(result);
    assert.strictEqual(result.created, false);
    assert.strictEqual(result.edited, true);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === specUri.toString());
    assert.ok(doc, 'the spec is open');
    const after = doc.getText();
    assert.match(after, /country: SOM/);
    assert.strictEqual(after.split('\n').filter((l) => /country: SDN/.test(l)).length, 1, 'SDN is not added twice');
    // Insert-only: every line of the spec as it was is still there, in order.
    const kept = before.split('\n').filter((l) => l.trim());
    let i = 0;
    for (const l of after.split('\n')) if (l === kept[i]) i++;
    assert.strictEqual(i, kept.length, 'the user\'s lines are kept as they were');
    assert.strictEqual(webviewTabs('fcsLint.assessReport').length, 0, 'openReport: false opens no webview');
    // The edit is undoable in one step.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await h.waitFor(() => doc.getText() === before, { what: 'undo to restore the spec' });
  });
});
