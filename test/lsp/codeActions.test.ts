// Code actions over LSP: every action offered on every fixture spec is applied, and the result
// must parse and pass the schema; fixes meant to remove their finding must remove it.
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { createLintEnvironment, lintDocument } from '../../server/src/engine/lint';
import { LspTestClient } from '../helpers/lspClient';
import { applyTextEdits, editsOf, fixtureSpecs, resolveSnippet, startEditClients } from './support';

const STRUCTURAL = ['SPEC-PARSE', 'SPEC-SCHEMA'];
/** Titles of fixes that are meant to make their finding go away. */
const REMOVING = [/^Replace with /, /^Change to /, /^Record that the conflict analysis covers/, /^Add an engagement record/, /^Disable /];

function lint(uri: string, text: string) {
  return lintDocument(uri, text, createLintEnvironment()).findings;
}

function structural(uri: string, text: string): string[] {
  return lint(uri, text)
    .filter((f) => STRUCTURAL.includes(f.ruleId))
    .map((f) => `${f.ruleId} ${f.pointer}: ${f.message}`);
}

async function actionsFor(client: LspTestClient, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d], only: ['quickfix'] },
  });
}

describe('code actions over LSP', function () {
  this.timeout(120_000);
  let plain: LspTestClient;
  let snippets: LspTestClient;

  before(async () => ({ plain, snippets } = await startEditClients()));
  after(async () => {
    await plain.shutdown();
    await snippets.shutdown();
  });

  for (const fx of fixtureSpecs()) {
    it(`every edit offered on ${fx.name} parses and passes the schema`, async () => {
      const uri = `file:///ws/${fx.name.replace(/\//g, '_')}`;
      const before = structural(uri, fx.text);
      plain.open(uri, fx.text);
      snippets.open(uri, fx.text);
      const published = await plain.diagnostics(uri);
      let applied = 0;
      for (const d of published.diagnostics) {
        const actions = await actionsFor(plain, uri, d);
        const withSnippets = await actionsFor(snippets, uri, d);
        assert.deepEqual(withSnippets.map((a) => a.title), actions.map((a) => a.title), 'the same actions whatever the edit mode');
        assert.ok(actions.some((a) => a.title === `Show documentation for ${d.code}`), `no docs action for ${d.code}`);
        for (const a of actions) {
          if (!a.edit) continue;
          const edits = editsOf(a.edit, uri);
          assert.ok(edits.length > 0, a.title);
          const after = applyTextEdits(fx.text, edits);
          applied++;
          const broken = structural(uri, after).filter((x) => !before.includes(x));
          assert.deepEqual(broken, [], `"${a.title}" for ${d.code} left the spec invalid:\n${after}`);
          // The snippet version inserts the same text when its placeholders keep their defaults.
          const twin = withSnippets.find((x) => x.title === a.title)!;
          const snippetEdits = editsOf(twin.edit, uri);
          assert.equal(applyTextEdits(fx.text, snippetEdits), after, `snippet and plain text differ for "${a.title}"`);
          if (REMOVING.some((r) => r.test(a.title))) {
            const data = d.data as { ruleId: string; pointer: string };
            const still = lint(uri, after).filter((f) => f.ruleId === data.ruleId && f.pointer === data.pointer);
            assert.equal(still.length, 0, `"${a.title}" should remove ${data.ruleId} at ${data.pointer}`);
          }
        }
      }
      assert.ok(applied > 0 || published.diagnostics.length === 0 || published.diagnostics.every((d) => (d.data as { status: string }).status !== 'open'), `no edits offered on ${fx.name}`);
    });
  }

  it('offers the expected fixes on a spec with typos, flow collections and comments', async () => {
    const fx = fixtureSpecs().find((f) => f.name.endsWith('comments-flow.fcs.yaml'))!;
    const uri = 'file:///ws/expected.fcs.yaml';
    plain.open(uri, fx.text);
    const { diagnostics } = await plain.diagnostics(uri);
    const titlesFor = async (code: string, pointer?: string) => {
      const d = diagnostics.find((x) => x.code === code && (!pointer || (x.data as { pointer: string }).pointer === pointer));
      assert.ok(d, `${code} ${pointer ?? ''} not published`);
      return (await actionsFor(plain, uri, d)).map((a) => a.title);
    };
    assert.ok((await titlesFor('SPEC-COUNTRY')).includes('Replace with ETH'));
    assert.ok((await titlesFor('SPEC-SCHEMA', '/feature/lifecycle_stag')).includes("Change to 'lifecycle_stage'"));
    assert.ok((await titlesFor('SPEC-SCHEMA', '/markets/0/setting')).includes("Change to 'urban'"));
    assert.ok((await titlesFor('DD-UNKNOWN-RULE')).includes('Change to CTX-01'));
    const ctx = await titlesFor('CTX-01', '/markets/1/country');
    assert.ok(ctx.includes('Add a conflict-analysis block covering South Sudan (SSD)'), ctx.join('\n'));
    assert.ok(ctx.includes('Answer the due-diligence questions of CTX-01 (dd_answers.CTX-01)'), ctx.join('\n'));
    assert.ok(ctx.includes('Add a time-limited waiver for CTX-01 (dd_waivers)'));
    assert.ok(ctx.includes('Disable CTX-01 for this line (with reason)'));
    assert.ok((await titlesFor('ENG-01', '/markets/1/country')).includes('Add an engagement record for South Sudan (SSD) with safety fields'));
  });

  it('keeps comments and formatting: inserts only the new lines', async () => {
    const fx = fixtureSpecs().find((f) => f.name.endsWith('comments-flow.fcs.yaml'))!;
    const uri = 'file:///ws/minimal-edit.fcs.yaml';
    plain.open(uri, fx.text);
    const { diagnostics } = await plain.diagnostics(uri);
    const d = diagnostics.find((x) => x.code === 'CTX-01')!;
    const a = (await actionsFor(plain, uri, d)).find((x) => x.title.startsWith('Add a conflict-analysis block'))!;
    const edits = editsOf(a.edit, uri);
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0]!.range.start, edits[0]!.range.end, 'an insertion, not a rewrite');
    const after = applyTextEdits(fx.text, edits);
    // Everything the user wrote is still there, in order.
    let at = 0;
    for (const line of fx.text.split('\n')) {
      const i = after.indexOf(line, at);
      assert.ok(i >= 0, `lost line: ${line}`);
      at = i + line.length;
    }
    assert.match(after, /\nconflict_analysis:\n {4}# [^\n]*\n {4}ref: null\n/, 'uses the file\'s four-space indentation');
    assert.match(after, /# Q: What drives the conflict/, 'the due-diligence questions come along as comments');
  });

  it('answers and waivers are stubs that leave the finding open until filled in', async () => {
    const fx = fixtureSpecs().find((f) => f.name.endsWith('minimal-fcs.fcs.yaml'))!;
    const uri = 'file:///ws/stubs.fcs.yaml';
    plain.open(uri, fx.text);
    const { diagnostics } = await plain.diagnostics(uri);
    const d = diagnostics.find((x) => x.code === 'CTX-01')!;
    const actions = await actionsFor(plain, uri, d);
    for (const title of ['Answer the due-diligence questions of CTX-01 (dd_answers.CTX-01)', 'Add a time-limited waiver for CTX-01 (dd_waivers)']) {
      const a = actions.find((x) => x.title === title)!;
      const after = applyTextEdits(fx.text, editsOf(a.edit, uri));
      const f = lint(uri, after).find((x) => x.ruleId === 'CTX-01');
      assert.equal(f?.status, 'open', `${title}:\n${after}`);
    }
  });

  it('uses snippet placeholders when the client supports snippet edits', async () => {
    const fx = fixtureSpecs().find((f) => f.name.endsWith('minimal-fcs.fcs.yaml'))!;
    const uri = 'file:///ws/snippet.fcs.yaml';
    snippets.open(uri, fx.text);
    const { diagnostics } = await snippets.diagnostics(uri);
    const d = diagnostics.find((x) => x.code === 'ENG-01')!;
    const actions = await actionsFor(snippets, uri, d);
    const eng = editsOf(actions.find((a) => a.title.startsWith('Add an engagement record'))!.edit, uri)[0]!;
    assert.match(eng.snippet!, /stakeholder_type: \$\{\d+\|sh\.cso_local,sh\.users,/);
    assert.match(eng.snippet!, /method: \$\{\d+\|interview,/);
    const disable = editsOf(actions.find((a) => a.title === 'Disable ENG-01 for this line (with reason)')!.edit, uri)[0]!;
    assert.equal(disable.snippet, '  # fcs-lint-disable-next-line ENG-01 -- ${1:reason}\n');
    assert.equal(resolveSnippet(disable.snippet!), '  # fcs-lint-disable-next-line ENG-01 -- reason\n');
  });

  it('sends snippets through the fcsLint.applySnippet command for the VS Code client', async () => {
    const c = new LspTestClient();
    try {
      await c.initialize({ initializationOptions: { snippetCommand: true, clientShowsDocumentation: true } });
      const fx = fixtureSpecs().find((f) => f.name.endsWith('minimal-fcs.fcs.yaml'))!;
      const uri = 'file:///ws/cmd.fcs.yaml';
      c.open(uri, fx.text);
      const { diagnostics } = await c.diagnostics(uri);
      const actions = await actionsFor(c, uri, diagnostics.find((x) => x.code === 'CTX-01')!);
      const a = actions.find((x) => x.title.startsWith('Add a conflict-analysis block'))!;
      assert.equal(a.edit, undefined);
      assert.equal(a.command?.command, 'fcsLint.applySnippet');
      const args = a.command!.arguments![0] as { uri: string; version: number; snippet: string };
      assert.equal(args.uri, uri);
      assert.equal(args.version, 1);
      assert.match(args.snippet, /ref: \$\{1:null\}/);
    } finally {
      await c.shutdown();
    }
  });

  it('extends an existing suppression comment instead of stacking a second one', async () => {
    const text = 'spec_version: 1\nfeature:\n  id: x\n  name: X\n  lifecycle_stage: design\nmarkets:\n  # fcs-lint-disable-next-line CTX-01 -- analysis under way with partners\n  - country: SDN\n';
    const uri = 'file:///ws/extend.fcs.yaml';
    plain.open(uri, text);
    const { diagnostics } = await plain.diagnostics(uri);
    const d = diagnostics.find((x) => x.code === 'ENG-01')!;
    const a = (await actionsFor(plain, uri, d)).find((x) => x.title === 'Disable ENG-01 for this line (with reason)')!;
    const after = applyTextEdits(text, editsOf(a.edit, uri));
    assert.match(after, /\n {2}# fcs-lint-disable-next-line CTX-01, ENG-01 -- analysis under way with partners\n {2}- country: SDN\n/);
  });

  it('source.fixAll.fcsLint applies the safe fixes together (and only those)', async () => {
    const fx = fixtureSpecs().find((f) => f.name.endsWith('comments-flow.fcs.yaml'))!;
    const uri = 'file:///ws/fixall.fcs.yaml';
    plain.open(uri, fx.text);
    await plain.diagnostics(uri);
    const actions = await plain.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.fcsLint'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll.fcsLint');
    const after = applyTextEdits(fx.text, editsOf(actions[0]!.edit, uri));
    const findings = lint(uri, after);
    assert.deepEqual(findings.filter((f) => ['SPEC-SCHEMA', 'SPEC-COUNTRY'].includes(f.ruleId)).map((f) => f.pointer), ['/kill_switch']);
    assert.match(after, /country: ETH {8}# typo for ETH/);
    assert.match(after, /lifecycle_stage: design {3}# typo/);
    assert.ok(!/conflict_analysis/.test(after), 'stubs are never applied unattended');
  });

  it('"Show documentation" runs on the server for generic clients (window/showDocument)', async () => {
    const r = await plain.request('workspace/executeCommand', { command: 'fcsLint.showDocumentation', arguments: ['CTX-01'] });
    assert.equal(r, null);
    const shown = plain.serverRequests.find((x) => x.method === 'window/showDocument');
    assert.ok(shown);
    assert.match((shown.params as { uri: string }).uri, /^file:\/\/.*docs\/rules\/CTX-01\.md$/);
  });
});
