// Hover on a flag in a flag file shows its exposure table, through the protocol.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lspClient';

const FLAGD = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'flags', 'nearby.flagd.json'), 'utf8');

describe('hover on a flag: exposure per market', function () {
  this.timeout(20_000);
  let client: LspTestClient;
  const uri = 'file:///ws/nearby.flagd.json';
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
    client.open(uri, FLAGD);
    await client.diagnostics(uri);
  });
  after(() => client.shutdown());

  it('lists the FCS countries the flag serves "on" to, with category and share', async () => {
    const line = FLAGD.split('\n').findIndex((l) => l.includes('"nearby-people"'));
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 8 } });
    assert.ok(h);
    const text = (h.contents as MarkupContent).value;
    assert.match(text, /\*\*nearby-people\*\* \(OpenFeature flagd\)/);
    assert.match(text, /\| country \| category \| variant \| share \|/);
    assert.match(text, /\| Sudan \| conflict \| on ⚠ \| 30% \|/);
    assert.match(text, /\| Somalia \| conflict \| on ⚠ \| 30% \|/);
    assert.match(text, /World Bank FCS FY26/);
  });

  it('shows nothing but findings away from any flag', async () => {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(h, null);
  });
});
