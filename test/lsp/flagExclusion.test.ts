// "Add an FCS exclusion to this flag's targeting" over LSP: for each supported flag format the
// action is offered on FLAG-02/FLAG-03, its edit is applied to the text, and re-linting the
// result shows the same format, no parse errors and no FLAG-02/FLAG-03 left on the flag.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { currentEdition } from '../../server/src/engine/contexts/fcsList';
import { detectFlagFormat } from '../../server/src/engine/formats/readFlags';
import { parseYamlSource } from '../../server/src/engine/parse/yamlSource';
import { LspTestClient } from '../helpers/lspClient';
import { applyTextEdits, editsOf } from './support';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'flags', name), 'utf8');
const TITLE = /^Serve .+ in FCS countries \(World Bank FCS FY\d+, \d+ countries\) — add an exclusion rule$/;
const data = (d: Diagnostic) => d.data as { ruleId: string; pointer: string };

async function actionsFor(client: LspTestClient, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
}

const CASES = [
  { file: 'nearby.flagd.json', format: 'flagd', flag: '/flags/nearby-people', variant: '"off"', json: true, insertOnly: false },
  { file: 'flags.goff.yaml', format: 'goff', flag: '/msg.forward_v2', variant: '"disabled"', json: false, insertOnly: true },
  { file: 'launchdarkly-flags.json', format: 'launchdarkly', flag: '/flags/maps-heatmap', variant: 'false (variation 0)', json: true, insertOnly: true },
] as const;

describe('code action: add an FCS exclusion to a flag', function () {
  this.timeout(60_000);
  let plain: LspTestClient;
  let snippets: LspTestClient;
  let n = 0;
  before(async () => {
    plain = new LspTestClient();
    await plain.initialize({ capabilities: { workspace: { workspaceEdit: { documentChanges: true } } } });
    snippets = new LspTestClient();
    await snippets.initialize({ capabilities: { workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } } } });
  });
  after(async () => {
    await plain.shutdown();
    await snippets.shutdown();
  });

  for (const c of CASES) {
    it(`${c.format}: the exclusion removes FLAG-02/FLAG-03 of ${c.flag} and keeps the file's format`, async () => {
      const text = fixture(c.file);
      const uri = `file:///ws/${c.file}`;
      plain.open(uri, text);
      snippets.open(uri, text);
      const { diagnostics } = await plain.diagnostics(uri);
      const onFlag = (ds: Diagnostic[], ids: string[]) => ds.filter((d) => ids.includes(data(d).ruleId) && (data(d).pointer === c.flag || data(d).pointer.startsWith(c.flag + '/')));
      const targets = onFlag(diagnostics, ['FLAG-02', 'FLAG-03']);
      assert.ok(targets.some((d) => data(d).ruleId === 'FLAG-02'), `FLAG-02 on ${c.flag} expected before the fix`);
      let after: string | undefined;
      for (const d of targets) {
        const actions = await actionsFor(plain, uri, d);
        const a = actions.find((x) => TITLE.test(x.title));
        assert.ok(a, `no exclusion action for ${data(d).ruleId}: ${actions.map((x) => x.title).join(' | ')}`);
        assert.ok(a.title.startsWith(`Serve ${c.variant} in FCS countries (World Bank FCS ${currentEdition().edition}, ${currentEdition().conflict.length + currentEdition().fragility.length} countries)`), a.title);
        const edits = editsOf(a.edit, uri);
        assert.equal(edits.length, 1);
        if (c.insertOnly) assert.deepEqual(edits[0]!.range.start, edits[0]!.range.end, 'an insertion, not a rewrite');
        const result = applyTextEdits(text, edits);
        after ??= result;
        assert.equal(result, after, 'the same edit whichever finding it is offered on');
        const twin = (await actionsFor(snippets, uri, d)).find((x) => x.title === a.title);
        assert.ok(twin, 'offered in snippet mode too');
        assert.equal(applyTextEdits(text, editsOf(twin.edit, uri)), after, 'snippet and plain edits insert the same text');
      }
      const fixed = after!;
      // Same format, parses cleanly, JSON stays JSON; what the user wrote is still there in order.
      assert.equal(detectFlagFormat(fixed), c.format);
      assert.deepEqual(parseYamlSource(fixed).errors, []);
      if (c.json) assert.doesNotThrow(() => JSON.parse(fixed));
      let at = 0;
      for (const line of text.split('\n')) {
        const i = fixed.indexOf(c.insertOnly ? line : line.trim(), at);
        assert.ok(i >= 0, `lost line: ${line}`);
        at = i;
      }
      assert.ok(/"SD"/.test(fixed) && /"AF"/.test(fixed), 'alpha-2 codes of the FCS list');
      // Re-lint through the server.
      const uri2 = `file:///ws/fixed-${++n}-${c.file}`;
      plain.open(uri2, fixed);
      const relinted = (await plain.diagnostics(uri2)).diagnostics;
      assert.deepEqual(onFlag(relinted, ['FLAG-02', 'FLAG-03', 'SPEC-PARSE']).map((d) => `${data(d).ruleId} ${data(d).pointer}: ${d.message}`), []);
      assert.ok(relinted.every((d) => data(d).ruleId !== 'SPEC-PARSE'));
    });
  }

  it('is not offered on a flag that is switched off (its targeting is not evaluated)', async () => {
    const text = fixture('launchdarkly-flags.json');
    const uri = 'file:///ws/off-launchdarkly-flags.json';
    plain.open(uri, text);
    const { diagnostics } = await plain.diagnostics(uri);
    const d = diagnostics.find((x) => data(x).ruleId === 'FLAG-02' && data(x).pointer === '/flags/contacts-sync');
    assert.ok(d);
    assert.ok(!(await actionsFor(plain, uri, d)).some((a) => TITLE.test(a.title)));
  });

  it('adds a targeting rule when the GO Feature Flag flag has none, in alpha-3 when the file uses alpha-3', async () => {
    const text = [
      '# comment kept',
      'chat.location_share:',
      '  variations:',
      '    on: true',
      '    off: false',
      '  defaultRule:',
      '    variation: "on"',
      'other-flag:',
      '  variations: {a: true, b: false}',
      '  targeting:',
      '    - query: country in ["ETH"]',
      '      variation: b',
      '  defaultRule: {variation: a}',
      '',
    ].join('\n');
    const uri = 'file:///ws/new.goff.yaml';
    plain.open(uri, text);
    const { diagnostics } = await plain.diagnostics(uri);
    const d = diagnostics.find((x) => data(x).ruleId === 'FLAG-02' && data(x).pointer === '/chat.location_share');
    assert.ok(d, diagnostics.map((x) => `${data(x).ruleId} ${data(x).pointer}`).join('\n'));
    const a = (await actionsFor(plain, uri, d)).find((x) => TITLE.test(x.title));
    assert.ok(a);
    const fixed = applyTextEdits(text, editsOf(a.edit, uri));
    assert.match(fixed, /targeting:\n\s+- name: fcs-exclusion\n\s+query: .*"SDN"/);
    assert.ok(fixed.startsWith('# comment kept\n'));
    assert.equal(detectFlagFormat(fixed), 'goff');
    const uri2 = 'file:///ws/new-fixed.goff.yaml';
    plain.open(uri2, fixed);
    const relinted = (await plain.diagnostics(uri2)).diagnostics;
    assert.deepEqual(relinted.filter((x) => ['FLAG-02', 'FLAG-03', 'SPEC-PARSE'].includes(data(x).ruleId) && data(x).pointer.startsWith('/chat.location_share')).map((x) => x.message), []);
  });
});
