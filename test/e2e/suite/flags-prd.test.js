// Documents other than specs: a flagd file that rolls a high-risk capability out to a conflict
// market, and a Markdown PRD (fcs: front matter, "people nearby" in the prose). Each gets its
// findings at exact positions — the same the CLI reports — and a flag file in the workspace makes
// the specs' kill-switch keys checked against it (cross-file, from the workspace index).
const assert = require('assert');
const vscode = require('vscode');
const h = require('../helpers');

const FLAGS = 'flags/nearby.flagd.json';
const PRD = 'prd/nearby-friends.md';

suite('flag files and Markdown PRDs', () => {
  teardown(h.resetEditors);

  test('a flagd file serving nearby-people in Sudan: FLAG-02 on the flag key, FLAG-03 on the "on" of the Sudan branch', async () => {
    const { uri, doc } = await h.openFixture(FLAGS);
    assert.strictEqual(doc.languageId, 'json');
    const key = h.rangeOf(doc, '"nearby-people": {', '"nearby-people"');
    const [flag02] = await h.waitForRule(uri, 'FLAG-02', key);
    assert.strictEqual(flag02.severity, vscode.DiagnosticSeverity.Error);
    assert.match(flag02.message, /nearby-people .*location.*Sudan \(conflict\) 100%/);
    assert.ok(flag02.code.target.path.endsWith('/docs/rules/FLAG-02.md'), String(flag02.code.target));

    // The branch that serves "on" to Sudan: the finding lands on its "on" result.
    const on = h.rangeOf(doc, '          "on",', '"on"');
    await h.waitForRule(uri, 'FLAG-03', on);
    const [flag03] = h.fcsDiagnostics(uri).filter((d) => h.codeOf(d) === 'FLAG-03');
    assert.match(flag03.message, /Sudan \(conflict\) 100%/);

    // The harmless flag gets nothing; the editor shows exactly what the CLI reports.
    assert.ok(!h.fcsDiagnostics(uri).some((d) => d.range.start.line === h.rangeOf(doc, '"dark-mode"', 'dark-mode').start.line));
    await h.waitForFindings(uri, h.cliFindings(uri, h.fixtureUri('.').fsPath), 'the CLI\'s findings');
  });

  test('turning the Sudan branch off for the flag clears FLAG-03 while typing', async () => {
    const { uri, doc, editor } = await h.openFixture(FLAGS);
    await h.waitForRule(uri, 'FLAG-03');
    const on = h.rangeOf(doc, '          "on",', '"on"');
    await editor.edit((e) => e.replace(on, '"off"'));
    await h.waitForDiagnostics(uri, (ds) => !ds.some((d) => h.codeOf(d) === 'FLAG-03' || h.codeOf(d) === 'FLAG-02'), 'FLAG-02 and FLAG-03 gone once Sudan gets "off"');
  });

  test('a Markdown PRD: front-matter findings in the front matter, PRD-LOC-01 on "Nearby friends" and "people nearby"', async () => {
    const { uri, doc } = await h.openFixture(PRD);
    assert.strictEqual(doc.languageId, 'markdown');
    const heading = h.rangeOf(doc, '# Nearby friends', 'Nearby friends');
    const prose = h.rangeOf(doc, 'lists people nearby who', 'people nearby');
    const sdn = h.rangeOf(doc, '- country: SDN', 'SDN');
    const diags = await h.waitForDiagnostics(uri, (ds) => ds.some((d) => h.codeOf(d) === 'PRD-LOC-01' && d.range.isEqual(prose))
      && ds.some((d) => h.codeOf(d) === 'PRD-LOC-01' && d.range.isEqual(heading))
      && ds.some((d) => h.codeOf(d) === 'CTX-01' && d.range.isEqual(sdn)), 'PRD-LOC-01 on the heading and the prose, CTX-01 on SDN');
    const first = diags.find((d) => h.codeOf(d) === 'PRD-LOC-01' && d.range.isEqual(heading));
    const again = diags.find((d) => h.codeOf(d) === 'PRD-LOC-01' && d.range.isEqual(prose));
    assert.strictEqual(first.severity, vscode.DiagnosticSeverity.Error, 'the first mention carries the blocker');
    assert.match(first.message, /proximity to other users.*SDN/);
    assert.strictEqual(again.severity, vscode.DiagnosticSeverity.Hint, 'a repeated mention is info');
    assert.match(again.message, /Also mentioned on line \d+/);
    assert.ok(first.code.target.path.endsWith('/docs/rules/PRD-LOC-01.md'), String(first.code.target));
    await h.waitForFindings(uri, h.cliFindings(uri, h.fixtureUri('.').fsPath), 'the CLI\'s findings');
  });

  test('an answer under dd_answers.PRD-LOC-01 in the front matter is shown on the finding, once', async () => {
    const { uri, doc, editor } = await h.openFixture(PRD);
    await h.waitForRule(uri, 'PRD-LOC-01');
    const close = doc.lineAt(h.rangeOf(doc, '      languages: [ar]', 'languages').start.line).range.end;
    await editor.edit((e) => e.insert(close, '\n  dd_answers:\n    PRD-LOC-01:\n      answer: Only opted-in friends are listed.\n      by: hr-lead\n      date: 2026-11-01'));
    const heading = h.rangeOf(doc, '# Nearby friends', 'Nearby friends');
    const [answered] = await h.waitForDiagnostics(uri, (ds) => ds.some((d) => h.codeOf(d) === 'PRD-LOC-01' && d.range.isEqual(heading) && /answered/.test(d.message)),
      'PRD-LOC-01 on the moved heading, with the answer').then((ds) => ds.filter((d) => h.codeOf(d) === 'PRD-LOC-01' && d.range.isEqual(heading)));
    // A blocker stays open until a mitigation is linked; the answer is acknowledged in the message.
    assert.strictEqual(answered.severity, vscode.DiagnosticSeverity.Error);
    const times = answered.message.split(' — answered ("Only opted-in friends are listed.")').length - 1;
    assert.strictEqual(times, 1, `the answer is quoted once in the message: ${answered.message}`);
  });

  test('cross-file: with a flag file in the workspace, a spec\'s kill-switch key that no flag file defines is FLAG-06', async () => {
    const { uri, doc } = await h.openFixture('messaging-conflict.fcs.yaml');
    const key = h.rangeOf(doc, 'flag_key: msg.forward_v2', 'msg.forward_v2');
    const [flag06] = await h.waitForRule(uri, 'FLAG-06', key);
    assert.match(flag06.message, /msg\.forward_v2.*none of the 1 flag file/);
  });
});
