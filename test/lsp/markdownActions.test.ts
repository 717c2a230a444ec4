// Code actions on Markdown PRDs over LSP: section insertions, suppression comments in HTML
// comment syntax, documentation; every edit leaves the PRD linting without structural errors.
import assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { createLintEnvironment, lintDocument } from '../../server/src/engine/lint';
import { LspTestClient } from '../helpers/lspClient';
import { applyTextEdits, editsOf, fixturePrds } from './support';

const STRUCTURAL = ['SPEC-PARSE', 'SPEC-SCHEMA'];

function lint(uri: string, text: string) {
  return lintDocument(uri, text, createLintEnvironment()).findings;
}

describe('code actions on Markdown PRDs over LSP', function () {
  this.timeout(120_000);
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize({ capabilities: { workspace: { workspaceEdit: { documentChanges: true } } } });
  });
  after(() => client.shutdown());

  const prds = fixturePrds();
  it('has PRD fixtures to test', () => assert.ok(prds.length > 0));

  for (const fx of prds) {
    it(`every edit offered on ${fx.name} keeps the PRD valid`, async () => {
      const uri = `file:///ws/${fx.name.replace(/\//g, '_')}`;
      const before = lint(uri, fx.text).filter((f) => STRUCTURAL.includes(f.ruleId)).map((f) => f.message);
      client.open(uri, fx.text);
      const { diagnostics } = await client.diagnostics(uri);
      for (const d of diagnostics) {
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
        assert.ok(actions.some((a) => a.title === `Show documentation for ${d.code}`));
        for (const a of actions) {
          if (!a.edit) continue;
          const after = applyTextEdits(fx.text, editsOf(a.edit, uri));
          const broken = lint(uri, after).filter((f) => STRUCTURAL.includes(f.ruleId) && !before.includes(f.message));
          assert.deepEqual(broken.map((f) => f.message), [], `"${a.title}" broke ${fx.name}`);
          if (a.title.startsWith('Disable ')) {
            // In the YAML front matter a YAML comment, in the Markdown an HTML comment.
            const fmEnd = fx.text.startsWith('---\n') ? fx.text.slice(4).split('\n').indexOf('---') + 1 : -1;
            if (d.range.start.line < fmEnd) assert.match(after, /\n *# fcs-lint-disable-next-line [A-Z0-9-]+(, [A-Z0-9-]+)* -- [^\n]+\n/);
            else assert.match(after, /<!-- fcs-lint-disable-next-line [A-Z0-9-]+(, [A-Z0-9-]+)* -- [^\n]+ -->\n/);
            const data = d.data as { ruleId: string; pointer: string };
            const line = d.range.start.line + 1; // the directive was inserted above the finding
            const still = lint(uri, after).filter((f) => f.ruleId === data.ruleId && f.pointer === data.pointer && f.range.start.line === line);
            assert.equal(still.length, 0, `"${a.title}" did not suppress ${data.ruleId}:\n${after}`);
          }
          if (a.title.startsWith('Add a "')) {
            const data = d.data as { ruleId: string };
            assert.ok(lint(uri, after).some((f) => f.ruleId === data.ruleId), `a TBD section must not pass ${data.ruleId} by itself`);
          }
        }
      }
    });
  }

  it('offers a conflict-analysis section for CTX-01, with the questions in a comment', async () => {
    const text = '---\nfcs:\n  spec_version: 1\n  feature: {id: p, name: P, lifecycle_stage: design}\n  markets:\n    - country: SDN\n---\n\n# P\n\n## Goals\n\nHelp people.\n';
    const uri = 'file:///ws/prd/section.md';
    client.open(uri, text);
    const { diagnostics } = await client.diagnostics(uri);
    const d = diagnostics.find((x) => x.code === 'CTX-01');
    assert.ok(d, diagnostics.map((x) => x.code).join());
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
    const a = actions.find((x) => x.title === 'Add a "Conflict analysis" section');
    assert.ok(a, actions.map((x) => x.title).join('\n'));
    const after = applyTextEdits(text, editsOf(a.edit, uri));
    assert.ok(after.startsWith(text), 'appended, nothing else touched');
    assert.match(after.slice(text.length), /^\n## Conflict analysis\n\n<!-- Questions this section answers \(CTX-01\):\n- What drives the conflict[^]*-->\nTBD\n$/);
    // Writing the section turns the finding off.
    const written = after.replace('TBD', 'Drivers are land disputes between herders and farmers; see the analysis with local partners from October.');
    assert.ok(!lint(uri, written).some((f) => f.ruleId === 'CTX-01'));
  });
});
