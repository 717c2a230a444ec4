// Multi-root with two configurations: each folder has its own .fcs-lint.yaml (root: true) with
// different rule settings, and each folder's findings follow its own — also when one changes.
const assert = require('assert');
const vscode = require('vscode');
const h = require('../helpers');

const A = { folder: 0, file: 'onboarding.fcs.yaml', country: 'ETH' }; // team-a: CTX-01 → medium
const B = { folder: 1, file: 'payments.fcs.yaml', country: 'SOM' }; // team-b: GOV-01 off, CTX-06 → low

const find = (ds, rule) => ds.filter((d) => h.codeOf(d) === rule);

suite('multi-root: one config per folder', () => {
  teardown(h.resetEditors);

  test('each folder\'s findings follow its own .fcs-lint.yaml', async () => {
    const a = await h.openFixture(A.file, A.folder);
    const b = await h.openFixture(B.file, B.folder);
    const aCountry = h.rangeOf(a.doc, `- country: ${A.country}`, A.country);
    const bCountry = h.rangeOf(b.doc, `- country: ${B.country}`, B.country);
    const da = await h.waitForDiagnostics(a.uri, (ds) => ds.some((d) => h.codeOf(d) === 'CTX-01' && d.range.isEqual(aCountry)), 'CTX-01 in team-a');
    const db = await h.waitForDiagnostics(b.uri, (ds) => ds.some((d) => h.codeOf(d) === 'CTX-01' && d.range.isEqual(bCountry)), 'CTX-01 in team-b');

    // team-a: CTX-01 downgraded to medium (a warning); GOV-01 and CTX-06 as shipped.
    assert.strictEqual(find(da, 'CTX-01')[0].severity, vscode.DiagnosticSeverity.Warning, 'team-a: CTX-01 is medium (warning)');
    assert.strictEqual(find(da, 'GOV-01').length, 1, `team-a has GOV-01: ${h.describe(da)}`);
    assert.strictEqual(find(da, 'CTX-06')[0].severity, vscode.DiagnosticSeverity.Error, 'team-a: CTX-06 is high (error)');

    // team-b: CTX-01 as shipped (blocker: error), GOV-01 off, CTX-06 low (information).
    assert.strictEqual(find(db, 'CTX-01')[0].severity, vscode.DiagnosticSeverity.Error, 'team-b: CTX-01 is a blocker (error)');
    assert.strictEqual(find(db, 'GOV-01').length, 0, `team-b has no GOV-01: ${h.describe(db)}`);
    assert.strictEqual(find(db, 'CTX-06')[0].severity, vscode.DiagnosticSeverity.Information, 'team-b: CTX-06 is low (information)');
  });

  test('each folder shows exactly what the CLI reports when run in that folder', async () => {
    for (const s of [A, B]) {
      const { uri } = await h.openFixture(s.file, s.folder);
      await h.waitForRule(uri, 'CTX-01');
      await h.waitForFindings(uri, h.cliFindings(uri), `the CLI's findings for ${vscode.workspace.asRelativePath(uri)}`);
    }
  });

  test('changing team-b\'s config re-lints team-b only', async () => {
    const a = await h.openFixture(A.file, A.folder);
    const b = await h.openFixture(B.file, B.folder);
    await h.waitForDiagnostics(b.uri, (ds) => find(ds, 'CTX-01').length === 1 && find(ds, 'GOV-01').length === 0, 'team-b as configured');
    const aBefore = h.keys(h.fcsDiagnostics(a.uri));
    const cfg = h.fixtureUri('.fcs-lint.yaml', B.folder);
    const original = Buffer.from(await vscode.workspace.fs.readFile(cfg)).toString('utf8');
    try {
      await h.writeFile(cfg, 'root: true\nrules:\n  CTX-01: off\n');
      await h.waitForDiagnostics(b.uri, (ds) => find(ds, 'CTX-01').length === 0 && find(ds, 'GOV-01').length === 1, 'team-b: CTX-01 off, GOV-01 back');
      // team-a is untouched.
      assert.deepStrictEqual(h.keys(h.fcsDiagnostics(a.uri)), aBefore);
      assert.strictEqual(find(h.fcsDiagnostics(a.uri), 'CTX-01')[0].severity, vscode.DiagnosticSeverity.Warning);
    } finally {
      await h.writeFile(cfg, original);
    }
    await h.waitForDiagnostics(b.uri, (ds) => find(ds, 'CTX-01').length === 1 && find(ds, 'GOV-01').length === 0, 'team-b back to its config');
  });
});
