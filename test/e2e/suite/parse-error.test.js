// A malformed spec gets a SPEC-PARSE diagnostic, and the server keeps serving other files.
const assert = require('assert');
const vscode = require('vscode');
const h = require('../helpers');

suite('malformed YAML', () => {
  teardown(h.resetEditors);

  test('a spec that is not valid YAML shows a SPEC-PARSE error', async () => {
    const { uri, doc } = await h.openFixture('broken.fcs.yaml');
    const diags = await h.waitForRule(uri, 'SPEC-PARSE');
    for (const d of diags) {
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
      assert.ok(d.code.target.path.endsWith('/docs/rules/SPEC-PARSE.md'), String(d.code.target));
      assert.ok(doc.validateRange(d.range).isEqual(d.range), `range ${h.fmt(d.range)} lies inside the document`);
    }
  });

  test('after the broken spec, a second spec is still checked', async () => {
    const broken = await h.openFixture('broken.fcs.yaml');
    await h.waitForRule(broken.uri, 'SPEC-PARSE');
    const { uri, doc } = await h.openFixture('payments.fcs.yaml');
    const [ctx] = await h.waitForRule(uri, 'CTX-01', h.rangeOf(doc, '- country: MLI', 'MLI'));
    assert.match(ctx.message, /Mali/);
  });

  test('fixing the syntax replaces SPEC-PARSE with the spec\'s findings', async () => {
    const { uri, doc, editor } = await h.openFixture('broken.fcs.yaml');
    await h.waitForRule(uri, 'SPEC-PARSE');
    const name = h.rangeOf(doc, 'name: [unclosed', '[unclosed');
    await editor.edit((e) => e.replace(name, 'Closed again'));
    await h.waitForDiagnostics(uri, (ds) => !ds.some((d) => h.codeOf(d) === 'SPEC-PARSE')
      && ds.some((d) => h.codeOf(d) === 'CTX-01'), 'SPEC-PARSE gone and CTX-01 shown');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await h.waitForRule(uri, 'SPEC-PARSE');
  });
});
