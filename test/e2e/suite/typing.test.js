// Diagnostics follow the text as the user types (incremental sync), and a revert restores them.
const assert = require('assert');
const vscode = require('vscode');
const h = require('../helpers');

const SPEC = 'messaging-conflict.fcs.yaml';

/** Select `range` and type `text` one character at a time, like a user. */
async function typeOver(editor, range, text) {
  editor.selection = new vscode.Selection(range.start, range.end);
  for (const ch of text) await vscode.commands.executeCommand('type', { text: ch });
}

suite('typing', () => {
  teardown(h.resetEditors);

  test('a finding disappears and appears while typing, and comes back on revert', async () => {
    const { uri, doc, editor } = await h.openFixture(SPEC);
    const original = doc.getText();
    const eth = h.rangeOf(doc, '- country: ETH', 'ETH');
    await h.waitForRule(uri, 'CTX-01', eth);

    // Germany is not on the FCS list: no conflict analysis is asked for.
    await typeOver(editor, eth, 'DEU');
    assert.strictEqual(doc.getText(eth), 'DEU');
    await h.waitForDiagnostics(uri, (ds) => !ds.some((d) => h.codeOf(d) === 'CTX-01'), 'CTX-01 to disappear after typing DEU');

    // Somalia is: CTX-01 appears on the new value, with the new country in its message.
    await typeOver(editor, eth, 'SOM');
    const [som] = await h.waitForRule(uri, 'CTX-01', eth);
    assert.match(som.message, /Somalia/);

    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.strictEqual(doc.getText(), original);
    assert.strictEqual(doc.isDirty, false);
    await h.waitForDiagnostics(uri, (ds) => ds.some((d) => h.codeOf(d) === 'CTX-01' && d.range.isEqual(eth) && /Ethiopia/.test(d.message)),
      'CTX-01 for Ethiopia after revert');
  });

  test('a line inserted above a finding moves its range down', async () => {
    const { uri, doc, editor } = await h.openFixture(SPEC);
    const eth = h.rangeOf(doc, '- country: ETH', 'ETH');
    await h.waitForRule(uri, 'CTX-01', eth);
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), '# a new comment line\n'));
    await h.waitForRule(uri, 'CTX-01', eth.with(eth.start.translate(1), eth.end.translate(1)));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await h.waitForRule(uri, 'CTX-01', eth);
  });
});
