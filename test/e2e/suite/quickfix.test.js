// Quick fixes through the VS Code API: the code actions VS Code offers for a finding, applied the
// way the lightbulb applies them (the workspace edit, or the command for snippet fixes), and the
// document re-linted without that finding.
const assert = require('assert');
const vscode = require('vscode');
const h = require('../helpers');

const SPEC = 'quickfix/unknown-country.fcs.yaml';

/** Apply a code action as VS Code does: its edit first, then its command. */
async function apply(action) {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `the edit of "${action.title}" was applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments || []));
}

suite('quick fixes', () => {
  teardown(h.resetEditors);

  test('"Replace with ETH" on an unknown country code: applied through the API, the finding is gone', async () => {
    const { uri, doc } = await h.openFixture(SPEC);
    const etj = h.rangeOf(doc, '- country: ETJ', 'ETJ');
    const [finding] = await h.waitForRule(uri, 'SPEC-COUNTRY', etj);
    assert.match(finding.message, /Did you mean ETH/);

    const actions = await h.codeActions(uri, etj);
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => a.title === 'Replace with ETH');
    assert.ok(fix, `a "Replace with ETH" fix is offered; got ${JSON.stringify(titles)}`);
    assert.strictEqual(fix.kind && fix.kind.value, vscode.CodeActionKind.QuickFix.value);
    assert.strictEqual(fix.isPreferred, true, 'the replacement is the preferred fix (Ctrl+. then Enter / auto-fix)');
    assert.ok(fix.edit, 'the replacement is a plain workspace edit');
    assert.ok(titles.includes('Disable SPEC-COUNTRY for this line (with reason)'), `a suppression is offered too: ${JSON.stringify(titles)}`);
    assert.ok(titles.includes('Show documentation for SPEC-COUNTRY'), `the documentation action is offered: ${JSON.stringify(titles)}`);

    await apply(fix);
    assert.strictEqual(doc.getText(etj), 'ETH');
    assert.strictEqual(doc.isDirty, true);
    // Re-linted: SPEC-COUNTRY is gone, and Ethiopia's own finding now lands on the corrected code.
    const diags = await h.waitForDiagnostics(uri, (ds) => !ds.some((d) => h.codeOf(d) === 'SPEC-COUNTRY')
      && ds.some((d) => h.codeOf(d) === 'CTX-01' && d.range.isEqual(etj)), 'SPEC-COUNTRY gone and CTX-01 on ETH');
    assert.match(diags.find((d) => h.codeOf(d) === 'CTX-01' && d.range.isEqual(etj)).message, /Ethiopia/);
  });

  test('"Fix all" (source.fixAll.fcsLint) makes the same safe replacement', async () => {
    const { uri, doc } = await h.openFixture(SPEC);
    const etj = h.rangeOf(doc, '- country: ETJ', 'ETJ');
    await h.waitForRule(uri, 'SPEC-COUNTRY', etj);
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const all = await h.codeActions(uri, whole, vscode.CodeActionKind.SourceFixAll.value);
    const fixAll = all.find((a) => a.kind && vscode.CodeActionKind.SourceFixAll.contains(a.kind) && a.edit);
    assert.ok(fixAll, `a source.fixAll action with an edit; got ${JSON.stringify(all.map((a) => `${a.kind && a.kind.value}: ${a.title}`))}`);
    await apply(fixAll);
    assert.strictEqual(doc.getText(etj), 'ETH');
    await h.waitForDiagnostics(uri, (ds) => !ds.some((d) => h.codeOf(d) === 'SPEC-COUNTRY'), 'SPEC-COUNTRY gone after fix all');
  });

  test('"Add a kill-switch block" inserts the stub as a snippet; filling in the flag clears GOV-01', async () => {
    const { uri, doc } = await h.openFixture(SPEC);
    const [gov] = await h.waitForRule(uri, 'GOV-01');
    assert.match(gov.message, /No kill switch flag/);
    const actions = await h.codeActions(uri, gov.range);
    const fix = actions.find((a) => /^Add a kill-switch block/.test(a.title));
    assert.ok(fix, `a kill-switch stub is offered for GOV-01; got ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.strictEqual(fix.isPreferred, true);
    await apply(fix);

    await h.waitFor(() => /^kill_switch:/m.test(doc.getText()), { what: 'the kill_switch block in the document', state: () => doc.getText() });
    const text = doc.getText();
    for (const key of ['flag_key', 'scope', 'owner', 'time_to_disable_minutes', 'runbook']) assert.match(text, new RegExp(`^  ${key}:`, 'm'), `stub has ${key}`);
    assert.ok(!text.includes('${'), 'no snippet syntax left in the document');
    // A stub is a skeleton: the finding stays, now on the empty flag key.
    const flagLine = h.rangeOf(doc, '  flag_key:', 'flag_key');
    await h.waitForDiagnostics(uri, (ds) => ds.some((d) => h.codeOf(d) === 'GOV-01' && d.range.start.line === flagLine.start.line),
      'GOV-01 on the stub\'s flag_key line');

    // The user fills in the flag: GOV-01 goes away.
    const line = doc.lineAt(flagLine.start.line);
    const value = new vscode.Range(line.range.start.translate(0, line.text.indexOf(':') + 1), line.range.end);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document === doc, 'the spec is the active editor');
    await vscode.commands.executeCommand('leaveSnippet');
    await editor.edit((e) => e.replace(value, ' onboarding.sms_v1'));
    await h.waitForDiagnostics(uri, (ds) => !ds.some((d) => h.codeOf(d) === 'GOV-01'), 'GOV-01 gone once flag_key is set');
  });
});
