// A multi-root workspace: each folder's specs are checked, and findings stay with their file.
const assert = require('assert');
const vscode = require('vscode');
const h = require('../helpers');

const SPECS = [
  { folder: 0, name: 'team-a', file: 'onboarding.fcs.yaml', country: 'ETH', label: /Ethiopia/ },
  { folder: 1, name: 'team-b', file: 'payments.fcs.yaml', country: 'SOM', label: /Somalia/ },
];

suite('multi-root workspace', () => {
  teardown(h.resetEditors);

  test('both folders are open and the extension is active', async () => {
    assert.deepStrictEqual((vscode.workspace.workspaceFolders || []).map((f) => f.name), SPECS.map((s) => s.name));
    await h.activeExtension();
  });

  for (const s of SPECS) {
    test(`the spec in folder ${s.name} gets CTX-01 on ${s.country}`, async () => {
      const { uri, doc } = await h.openFixture(s.file, s.folder);
      assert.strictEqual(vscode.workspace.getWorkspaceFolder(uri).name, s.name);
      const [ctx] = await h.waitForRule(uri, 'CTX-01', h.rangeOf(doc, `- country: ${s.country}`, s.country));
      assert.match(ctx.message, s.label);
    });
  }

  test('with both specs open, each shows its own findings at once', async () => {
    const opened = [];
    for (const s of SPECS) opened.push({ s, ...(await h.openFixture(s.file, s.folder)) });
    for (const { s, uri, doc } of opened) {
      await h.waitForRule(uri, 'CTX-01', h.rangeOf(doc, `- country: ${s.country}`, s.country));
    }
    for (const { s, uri } of opened) {
      const ctx = h.fcsDiagnostics(uri).filter((d) => h.codeOf(d) === 'CTX-01');
      assert.strictEqual(ctx.length, 1, `${s.file}: one CTX-01`);
      assert.match(ctx[0].message, s.label);
    }
  });
});
