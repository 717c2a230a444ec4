// Cross-file checks in the editor: the server indexes the workspace's specs and flag files, and
// an edit to a flag file changes the findings of the spec that names it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../helpers/lspClient';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'flags');

const SPEC = `spec_version: 1
feature:
  id: chat-forwarding-v2
  name: Forwarding v2
  lifecycle_stage: development
  functions: [fn.messaging]
markets:
  - country: SDN
kill_switch:
  flag_key: msg.forward_v3
`;

describe('language server: workspace index for cross-file checks', function () {
  this.timeout(30_000);
  let client: LspTestClient;
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fcs-ws-'));
    fs.mkdirSync(path.join(dir, 'specs'));
    fs.writeFileSync(path.join(dir, 'specs', 'forward.fcs.yaml'), SPEC);
    fs.copyFileSync(path.join(FIXTURES, 'flags.goff.yaml'), path.join(dir, 'flags.goff.yaml'));
    client = new LspTestClient();
    await client.initialize({ rootUri: pathToFileURL(dir).toString() });
  });
  after(() => client.shutdown());

  it('a kill switch naming a flag that no flag file in the workspace defines is reported (FLAG-06), without opening the flag file', async () => {
    const uri = pathToFileURL(path.join(dir, 'specs', 'forward.fcs.yaml')).toString();
    client.open(uri, SPEC);
    const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'FLAG-06'), 20_000);
    const d = p.diagnostics.find((x) => x.code === 'FLAG-06')!;
    const line = SPEC.split('\n').findIndex((l) => l.includes('msg.forward_v3'));
    assert.equal(d.range.start.line, line);
  });

  it('defining the flag in an open flag file clears FLAG-06 on the spec, without touching the spec', async () => {
    const specUri = pathToFileURL(path.join(dir, 'specs', 'forward.fcs.yaml')).toString();
    const flagUri = pathToFileURL(path.join(dir, 'flags.goff.yaml')).toString();
    const original = fs.readFileSync(path.join(dir, 'flags.goff.yaml'), 'utf8');
    client.open(flagUri, original);
    client.change(flagUri, 2, [{ text: original + '\nmsg.forward_v3:\n  variations:\n    enabled: true\n    disabled: false\n  defaultRule:\n    variation: disabled\n' }]);
    await client.diagnostics(specUri, (x) => !x.diagnostics.some((d) => d.code === 'FLAG-06'), 20_000);
  });
});

describe('language server: workspace folders added and removed at runtime', function () {
  this.timeout(30_000);
  let client: LspTestClient;
  let a: string;
  let b: string;

  before(async () => {
    a = fs.mkdtempSync(path.join(os.tmpdir(), 'fcs-ws-a-'));
    b = fs.mkdtempSync(path.join(os.tmpdir(), 'fcs-ws-b-'));
    fs.writeFileSync(path.join(a, 'forward.fcs.yaml'), SPEC);
    fs.copyFileSync(path.join(FIXTURES, 'flags.goff.yaml'), path.join(a, 'flags.goff.yaml'));
    // Folder b defines the kill-switch flag the spec in folder a names.
    fs.writeFileSync(path.join(b, 'more.goff.yaml'), 'msg.forward_v3:\n  variations:\n    enabled: true\n    disabled: false\n  defaultRule:\n    variation: disabled\n');
    client = new LspTestClient();
    const init = (await client.initialize({ rootUri: pathToFileURL(a).toString(), capabilities: { workspace: { workspaceFolders: true } } })) as {
      capabilities: { workspace?: { workspaceFolders?: { supported?: boolean; changeNotifications?: boolean } } };
    };
    assert.deepEqual(init.capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
  });
  after(() => client.shutdown());

  it('a folder added later is indexed (FLAG-06 clears), and removing it brings FLAG-06 back', async () => {
    const uri = pathToFileURL(path.join(a, 'forward.fcs.yaml')).toString();
    client.open(uri, SPEC);
    await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'FLAG-06'), 20_000);
    const folder = { uri: pathToFileURL(b).toString(), name: 'b' };
    client.clearPublished(uri);
    void client.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
    await client.diagnostics(uri, (x) => !x.diagnostics.some((d) => d.code === 'FLAG-06'), 20_000);
    client.clearPublished(uri);
    void client.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
    const back = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'FLAG-06'), 20_000).then(() => true, () => false);
    assert.ok(back, 'FLAG-06 is reported again once the folder defining the flag is removed');
  });
});
