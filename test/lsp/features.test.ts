// Hover, completion, code lens, document symbols, status notifications and workspace lint,
// each through the language-server protocol against the real bundled server.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, CompletionItem, CompletionList, DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lspClient';

const EXAMPLE = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'messaging-conflict.fcs.yaml'), 'utf8');

/** The position of `needle` (plus `delta` characters) in `text`. */
function at(text: string, needle: string, delta = 0, after?: string): { line: number; character: number } {
  const from = after ? text.indexOf(after) : 0;
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, needle);
  const before = text.slice(0, i + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

function md(h: Hover | null): string {
  assert.ok(h, 'no hover');
  return (h.contents as MarkupContent).value;
}

function labels(r: CompletionItem[] | CompletionList | null): string[] {
  const items = Array.isArray(r) ? r : (r?.items ?? []);
  return items.map((i) => i.label);
}

describe('editor features over LSP', function () {
  this.timeout(30_000);
  let client: LspTestClient;
  const uri = 'file:///ws/features.fcs.yaml';

  before(async () => {
    client = new LspTestClient();
    const init = (await client.initialize()) as { capabilities: Record<string, unknown> };
    for (const cap of ['hoverProvider', 'completionProvider', 'codeLensProvider', 'documentSymbolProvider', 'codeActionProvider']) assert.ok(init.capabilities[cap], cap);
    client.open(uri, EXAMPLE);
    await client.diagnostics(uri);
  });
  after(() => client.shutdown());

  const hoverAt = (pos: { line: number; character: number }, u = uri) => client.request<Hover | null>('textDocument/hover', { textDocument: { uri: u }, position: pos });
  const completeAt = (u: string, pos: { line: number; character: number }) => client.request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri: u }, position: pos });

  describe('hover', () => {
    it('on a finding: the rule card with why, questions, mitigations, basis, a case and a link', async () => {
      const text = md(await hoverAt(at(EXAMPLE, 'ETH', 1)));
      assert.match(text, /\*\*CTX-01: No conflict analysis for an FCS market\*\* · blocker/);
      assert.match(text, /\*\*Why it matters\.\*\*/);
      assert.match(text, /\*\*Due-diligence questions\*\*\n- What drives the conflict/);
      assert.match(text, /\*\*Suggested mitigations\*\*/);
      assert.match(text, /\*\*Basis:\*\* .*Do No Harm/);
      assert.match(text, /\*\*Case:\*\* C1 Facebook in Myanmar/);
      assert.match(text, /\[Documentation for CTX-01\]\(file:\/\/.*docs\/rules\/CTX-01\.md\)/);
    });

    it('on a country code: category, edition, source', async () => {
      const text = md(await hoverAt(at(EXAMPLE, 'KEN', 1)));
      assert.match(text, /\*\*Kenya\*\* \(KEN \/ KE\)/);
      assert.match(text, /World Bank FCS FY\d+:\*\* not listed/);
      assert.match(text, /Source: https?:\/\//);
      assert.match(text, /Not being listed never means safe/);
    });

    it('on a region code: the country it belongs to', async () => {
      const text = md(await hoverAt(at(EXAMPLE, 'ET-TI', 2)));
      assert.match(text, /\*\*Ethiopia\*\* \(ETH \/ ET\) — region ET-TI/);
    });

    it('on a schema key: its description, type and allowed values', async () => {
      const text = md(await hoverAt(at(EXAMPLE, 'lifecycle_stage', 3)));
      assert.match(text, /\*\*feature\.lifecycle_stage\*\* · string/);
      assert.match(text, /Current lifecycle stage/);
      assert.match(text, /Allowed: `ideation`, `design`/);
    });

    it('on a rule id in dd_answers, dd_waivers and suppression comments', async () => {
      const text = 'spec_version: 1\nfeature: {id: x, name: X}\ndd_answers:\n  COMM-01:\n    answer: capped at 5\ndd_waivers:\n  - rule: GOV-01\n    reason: r\n    approver: a\n    expires: 2099-01-01\nmarkets:\n  # fcs-lint-disable-next-line DATA-04 -- reviewed\n  - country: FRA\n';
      const u = 'file:///ws/ruleids.fcs.yaml';
      client.open(u, text);
      await client.diagnostics(u);
      assert.match(md(await hoverAt(at(text, 'COMM-01', 2), u)), /\*\*COMM-01: Unbounded forwarding or broadcast\*\*/);
      assert.match(md(await hoverAt(at(text, 'GOV-01', 2), u)), /\*\*GOV-01: No kill switch/);
      assert.match(md(await hoverAt(at(text, 'DATA-04', 2), u)), /\*\*DATA-04: Retention undefined or too long/);
    });

    it('nothing on a plain comment or a blank line', async () => {
      const u = 'file:///ws/blank.fcs.yaml';
      client.open(u, '# just a comment\nspec_version: 1\n\nfeature: {id: x, name: X}\n');
      await client.diagnostics(u);
      assert.equal(await hoverAt({ line: 0, character: 4 }, u), null);
      assert.equal(await hoverAt({ line: 2, character: 0 }, u), null);
    });
  });

  describe('completion', () => {
    const open = async (name: string, text: string) => {
      const u = `file:///ws/${name}.fcs.yaml`;
      client.open(u, text);
      return u;
    };

    it('keys from the schema at the cursor, without those already present, with descriptions', async () => {
      const text = 'spec_version: 1\nfeature:\n  id: x\n  name: X\n  \n';
      const u = await open('keys', text);
      const r = await completeAt(u, { line: 4, character: 2 });
      const items = Array.isArray(r) ? r : r.items;
      const ls = items.map((i) => i.label);
      assert.ok(ls.includes('lifecycle_stage') && ls.includes('functions') && ls.includes('amplification'), ls.join());
      assert.ok(!ls.includes('id') && !ls.includes('name'));
      const stage = items.find((i) => i.label === 'lifecycle_stage')!;
      assert.equal(stage.documentation && (typeof stage.documentation === 'string' ? stage.documentation : stage.documentation.value), 'Current lifecycle stage; rules apply from their stage onward');
      assert.match((stage.textEdit as { newText: string }).newText, /^lifecycle_stage: \$\{1\|ideation,design,/);
    });

    it('top-level keys in an empty spot of the root', async () => {
      const u = await open('root', 'spec_version: 1\nfeature: {id: x, name: X}\nkil\n');
      const ls = labels(await completeAt(u, { line: 2, character: 3 }));
      assert.ok(ls.includes('kill_switch') && ls.includes('grievance') && ls.includes('conflict_analysis'), ls.join());
      assert.ok(!ls.includes('feature'));
    });

    it('enum values, user groups and data categories', async () => {
      const text = 'spec_version: 1\nfeature: {id: x, name: X}\nmarkets:\n  - country: FRA\n    setting: \nuser_groups:\n  - \ndata:\n  - name: n\n    category: \n';
      const u = await open('enums', text);
      assert.deepEqual(labels(await completeAt(u, { line: 4, character: 13 })), ['urban', 'rural', 'mixed', 'camp']);
      const groups = labels(await completeAt(u, { line: 6, character: 4 }));
      assert.ok(groups.includes('ug.displaced') && groups.includes('ug.journalists'), groups.join());
      const cats = labels(await completeAt(u, { line: 9, character: 14 }));
      assert.ok(cats.includes('biometrics') && cats.includes('location_precise'), cats.join());
    });

    it('countries with names and FCS category, also inside a flow list', async () => {
      const text = 'spec_version: 1\nfeature: {id: x, name: X}\nmarkets:\n  - country: SD\nconflict_analysis:\n  markets: [ETH, S\n';
      const u = await open('countries', text);
      const r = await completeAt(u, { line: 3, character: 15 });
      const items = Array.isArray(r) ? r : r.items;
      const sdn = items.find((i) => i.label === 'SDN')!;
      assert.match(String(sdn.detail), /^Sudan: conflict \(World Bank FCS FY\d+\)$/);
      assert.match(String(sdn.filterText), /Sudan/);
      assert.deepEqual((sdn.textEdit as { range: unknown }).range, { start: { line: 3, character: 13 }, end: { line: 3, character: 15 } });
      assert.ok(labels(await completeAt(u, { line: 5, character: 17 })).includes('SSD'));
    });

    it('rule ids in dd_answers keys, waiver rules and suppression comments', async () => {
      const text = 'spec_version: 1\nfeature: {id: x, name: X}\ndd_answers:\n  C\ndd_waivers:\n  - rule: \nmarkets:\n  # fcs-lint-disable-next-line \n  - country: SDN\n';
      const u = await open('rules', text);
      await client.diagnostics(u);
      const keys = labels(await completeAt(u, { line: 3, character: 3 }));
      assert.ok(keys.includes('CTX-01') && keys.includes('GOV-01'), keys.join());
      assert.ok(labels(await completeAt(u, { line: 5, character: 10 })).includes('COMM-01'));
      const r = await completeAt(u, { line: 7, character: 31 });
      const items = Array.isArray(r) ? r : r.items;
      const firing = items.filter((i) => i.sortText?.startsWith('0')).map((i) => i.label);
      assert.ok(firing.includes('CTX-01') && firing.includes('ENG-01'), `rules firing on the next line come first: ${firing.join()}`);
    });

    it('in Markdown PRDs: only rule ids in suppression comments', async () => {
      const text = '---\nfcs:\n  spec_version: 1\n  feature: {id: p, name: P}\n  markets: [{country: SDN}]\n---\n# P\n\nke\n<!-- fcs-lint-disable-next-line \n';
      const u = 'file:///ws/prd/p.md';
      client.open(u, text);
      await client.diagnostics(u);
      assert.deepEqual(labels(await completeAt(u, { line: 8, character: 2 })), []);
      assert.ok(labels(await completeAt(u, { line: 9, character: 32 })).includes('CTX-01'));
    });
  });

  describe('code lens and outline', () => {
    it('lenses at the top (open questions, blockers, Assess feature) and a category on each market', async () => {
      const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      const top = lenses.filter((l) => l.range.start.line === 0).map((l) => l.command!);
      assert.match(top[0]!.title, /^\d+ open due-diligence questions \(\d+ findings\)$/);
      assert.match(top[1]!.title, /^\d+ blockers?$/);
      assert.deepEqual(top[2], { title: 'Assess feature', command: 'fcsLint.assessFeature', arguments: [uri] });
      const eth = lenses.find((l) => l.range.start.line === at(EXAMPLE, 'ETH').line)!;
      assert.match(eth.command!.title, /^Ethiopia: conflict \(World Bank FCS FY\d+\)$/);
      const ken = lenses.find((l) => l.range.start.line === at(EXAMPLE, 'KEN').line)!;
      assert.match(ken.command!.title, /^Kenya: not listed/);
    });

    it('document symbols: sections, markets by country, data by name', async () => {
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const names = symbols.map((s) => s.name);
      for (const n of ['spec_version', 'feature', 'markets', 'user_groups', 'data', 'moderation', 'kill_switch']) assert.ok(names.includes(n), n);
      const markets = symbols.find((s) => s.name === 'markets')!;
      assert.deepEqual(markets.children!.map((c) => c.name), ['ETH', 'KEN']);
      assert.deepEqual(symbols.find((s) => s.name === 'data')!.children!.map((c) => c.name), ['forward_graph_edges']);
      assert.equal(markets.selectionRange.start.line, at(EXAMPLE, 'markets:').line);
    });
  });

  describe('status and workspace lint', () => {
    it('sends counts and timing for the language status item after each lint', async () => {
      const st = client.notifications.filter((n) => n.method === 'fcsLint/status').map((n) => n.params as { uri: string; version: number; counts: Record<string, number>; durationMs: number; at: string });
      const mine = st.find((s) => s.uri === uri);
      assert.ok(mine, JSON.stringify(st));
      // The version the lint read: a document is linted again at the same version when another file changes the workspace index.
      assert.ok(Number.isInteger(mine.version) && mine.version >= 1, JSON.stringify(mine));
      assert.ok((mine.counts['blocker'] ?? 0) > 0);
      assert.ok(mine.durationMs >= 0);
      assert.ok(!Number.isNaN(Date.parse(mine.at)));
    });

    it('lints files that are not open and publishes their findings', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fcs-ws-'));
      try {
        const file = path.join(dir, 'unopened.fcs.yaml');
        fs.writeFileSync(file, EXAMPLE);
        const u = pathToFileURL(file).toString();
        const r = await client.request<{ files: number; findings: number; failed: string[] }>('fcsLint/lintFiles', { uris: [u, pathToFileURL(path.join(dir, 'missing.fcs.yaml')).toString()] });
        assert.equal(r.files, 2);
        assert.ok(r.findings > 0);
        assert.equal(r.failed.length, 1);
        const p = await client.diagnostics(u);
        assert.ok(p.diagnostics.some((d) => d.code === 'CTX-01'));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('re-lints everything when workspace trust changes', async () => {
      client.clearPublished(uri);
      void client.conn.sendNotification('fcsLint/trust', { trusted: true });
      const p = await client.diagnostics(uri);
      assert.ok(p.diagnostics.length > 0);
    });
  });
});
