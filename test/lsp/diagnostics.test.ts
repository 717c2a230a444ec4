// Protocol tests: the real bundled server process, driven over stdio with JSON-RPC.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codes, LspTestClient } from '../helpers/lspClient';

const EXAMPLE = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'messaging-conflict.fcs.yaml'), 'utf8');

function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return text.slice(0, i).split('\n').length - 1;
}

describe('language server over LSP', function () {
  this.timeout(20_000);
  let client: LspTestClient;

  before(async () => {
    client = new LspTestClient();
    const init = (await client.initialize()) as { capabilities: { textDocumentSync: unknown } };
    assert.ok(init.capabilities.textDocumentSync);
  });
  after(() => client.shutdown());

  it('publishes findings with rule codes, documentation links, source and exact ranges', async () => {
    const uri = 'file:///ws/messaging.fcs.yaml';
    client.open(uri, EXAMPLE);
    const p = await client.diagnostics(uri);
    assert.equal(p.version, 1);
    const ctx = p.diagnostics.find((d) => d.code === 'CTX-01');
    assert.ok(ctx, `CTX-01 missing: ${codes(p.diagnostics)}`);
    const line = lineOf(EXAMPLE, 'country: ETH');
    assert.deepEqual(ctx.range, { start: { line, character: 13 }, end: { line, character: 16 } });
    assert.equal(ctx.source, 'fcs-lint');
    assert.equal(ctx.severity, 1);
    assert.match(String(ctx.codeDescription?.href), /^file:\/\/.*docs\/rules\/CTX-01\.md$/);
    const data = ctx.data as { ruleId: string; pointer: string; status: string; prompts?: string[] };
    assert.equal(data.ruleId, 'CTX-01');
    assert.equal(data.pointer, '/markets/0/country');
    assert.equal(data.status, 'open');
    // The questions stay on the server (hovers and code actions read them there): not re-sent on every keystroke.
    assert.equal(data.prompts, undefined);
  });

  it('re-lints on incremental changes and publishes for the new version only', async () => {
    const uri = 'file:///ws/edit.fcs.yaml';
    client.open(uri, EXAMPLE);
    await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'CTX-01'));
    // Add a conflict analysis at the end of the file: CTX-01 must go away.
    const lines = EXAMPLE.split('\n').length - 1;
    client.change(uri, 2, [{ range: { start: { line: lines, character: 0 }, end: { line: lines, character: 0 } }, text: 'conflict_analysis:\n  ref: docs/ca.md\n  date: 2026-11-01\n' }]);
    const p = await client.diagnostics(uri, (x) => x.version === 2);
    assert.ok(!p.diagnostics.some((d) => d.code === 'CTX-01'), codes(p.diagnostics).join(','));
    assert.ok(p.diagnostics.some((d) => d.code === 'ENG-01'));
  });

  it('coalesces rapid edits: published versions only increase, and the last edit is published', async () => {
    const uri = 'file:///ws/rapid.fcs.yaml';
    client.open(uri, EXAMPLE);
    await client.diagnostics(uri, (p) => p.version === 1);
    const versions: (number | undefined)[] = [];
    void client.diagnostics(uri, (x) => (versions.push(x.version), false), 5_000).catch(() => undefined);
    for (let v = 2; v <= 6; v++) client.change(uri, v, [{ text: EXAMPLE.replace('ETH', v === 6 ? 'FRA' : 'ETH') }]);
    const p = await client.diagnostics(uri, (x) => x.version === 6);
    assert.ok(!p.diagnostics.some((d) => d.code === 'CTX-01'));
    const seen = versions.filter((v): v is number => typeof v === 'number' && v > 1);
    assert.deepEqual(seen, [...seen].sort((a, b) => a - b), `versions out of order: ${seen}`);
    assert.equal(seen[seen.length - 1], 6);
  });

  it('reports malformed YAML at the error position and keeps serving other files', async () => {
    const bad = 'file:///ws/bad.fcs.yaml';
    client.open(bad, 'spec_version: 1\nfeature:\n  id: x\n  name: [unclosed\n');
    const p = await client.diagnostics(bad);
    assert.deepEqual(codes(p.diagnostics).filter((c) => c === 'SPEC-PARSE').length > 0, true, codes(p.diagnostics).join());
    assert.ok(p.diagnostics.every((d) => d.range.start.line >= 3), JSON.stringify(p.diagnostics.map((d) => d.range)));
    const good = 'file:///ws/good-after-bad.fcs.yaml';
    client.open(good, EXAMPLE);
    const g = await client.diagnostics(good);
    assert.ok(g.diagnostics.some((d) => d.code === 'CTX-01'));
  });

  it('survives hostile input (binary bytes, deep nesting) and answers the next request', async () => {
    const uri = 'file:///ws/hostile.fcs.yaml';
    client.open(uri, '\u0000\u0001\uFFFD' + '['.repeat(5000));
    await client.diagnostics(uri);
    const uri2 = 'file:///ws/after-hostile.fcs.yaml';
    client.open(uri2, EXAMPLE);
    const p = await client.diagnostics(uri2);
    assert.ok(p.diagnostics.length > 0);
  });

  it('clears diagnostics when a document is closed', async () => {
    const uri = 'file:///ws/closeme.fcs.yaml';
    client.open(uri, EXAMPLE);
    await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    client.clearPublished(uri);
    void client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const p = await client.diagnostics(uri);
    assert.equal(p.diagnostics.length, 0);
  });
});
