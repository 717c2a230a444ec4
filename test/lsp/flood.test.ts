// The server survives a flood of malformed and out-of-order messages and keeps answering.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspTestClient } from '../helpers/lspClient';

const EXAMPLE = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'messaging-conflict.fcs.yaml'), 'utf8');

describe('language server under a flood of bad messages', function () {
  this.timeout(30_000);
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(() => client.shutdown());

  it('ignores out-of-order and malformed notifications and requests, then still lints', async () => {
    const c = client.conn;
    const ghost = 'file:///ws/never-opened.fcs.yaml';
    for (let i = 0; i < 200; i++) {
      void c.sendNotification('textDocument/didChange', { textDocument: { uri: ghost, version: i }, contentChanges: [{ text: 'x' }] });
      void c.sendNotification('textDocument/didClose', { textDocument: { uri: ghost } });
      void c.sendNotification('textDocument/didOpen', { textDocument: { uri: `file:///ws/f${i}.fcs.yaml`, languageId: 'yaml', version: 1, text: i % 2 ? '{{{{' : '\u0000' } });
      void c.sendNotification('textDocument/didChange', { textDocument: { uri: `file:///ws/f${i}.fcs.yaml`, version: 0 }, contentChanges: [{ range: { start: { line: 99, character: 99 }, end: { line: 0, character: 0 } }, text: '::' }] });
      void c.sendNotification('fcs/unknownNotification', { junk: i });
      void c.sendRequest('textDocument/hover', { textDocument: { uri: ghost }, position: { line: -1, character: -5 } }).catch(() => undefined);
      void c.sendRequest('fcs/noSuchMethod', [i]).catch(() => undefined);
    }
    // Raw garbage in a well-framed message.
    const body = '{this is not json';
    client.proc.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const uri = 'file:///ws/after-flood.fcs.yaml';
    client.open(uri, EXAMPLE);
    const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'CTX-01'), 20_000);
    assert.ok(p.diagnostics.length > 0);
    assert.equal(client.proc.exitCode, null, 'server process must still be running');
  });
});
