// Configuration in the editor, through the protocol: a change to .fcs-lint.yaml (reported as a
// watched-file event) re-lints open documents without a restart; a deleted config stops applying
// even while an editor tab still shows it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../helpers/lspClient';

const SPEC = `spec_version: 1
feature:
  id: f
  name: F
  lifecycle_stage: design
  ui_languages: [en]
  consent_languages: [en]
markets:
  - country: KEN
    languages: [en, sw]
`;

describe('language server: configuration changes without a restart', function () {
  this.timeout(30_000);
  let client: LspTestClient;
  let dir: string;
  const has = (ds: { code?: unknown }[], code: string) => ds.some((d) => d.code === code);

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fcs-cfg-'));
    fs.writeFileSync(path.join(dir, '.fcs-lint.yaml'), 'root: true\nrules:\n  CTX-04: off\n');
    fs.writeFileSync(path.join(dir, 'a.fcs.yaml'), SPEC);
    client = new LspTestClient();
    await client.initialize({ rootUri: pathToFileURL(dir).toString(), capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
  });
  after(() => client.shutdown());

  const specUri = () => pathToFileURL(path.join(dir, 'a.fcs.yaml')).toString();
  const cfgUri = () => pathToFileURL(path.join(dir, '.fcs-lint.yaml')).toString();
  const watched = (uri: string, type: 1 | 2 | 3) => void client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type }] });

  it('applies the folder configuration (CTX-04 off)', async () => {
    client.open(specUri(), SPEC);
    const p = await client.diagnostics(specUri(), (x) => x.diagnostics.length > 0 || x.version === 1);
    assert.ok(!has(p.diagnostics, 'CTX-04'));
  });

  it('a changed config on disk takes effect at once: CTX-04 becomes a low finding', async () => {
    fs.writeFileSync(path.join(dir, '.fcs-lint.yaml'), 'root: true\nrules:\n  CTX-04: low\n');
    client.clearPublished(specUri());
    watched(cfgUri(), 2);
    const p = await client.diagnostics(specUri(), (x) => has(x.diagnostics, 'CTX-04'));
    const d = p.diagnostics.find((x) => x.code === 'CTX-04')!;
    assert.equal(d.severity, 3, 'low maps to Information');
  });

  it('a config deleted on disk stops applying even while it is open in the editor', async () => {
    client.open(cfgUri(), fs.readFileSync(path.join(dir, '.fcs-lint.yaml'), 'utf8'));
    fs.rmSync(path.join(dir, '.fcs-lint.yaml'));
    client.clearPublished(specUri());
    watched(cfgUri(), 3);
    const p = await client.diagnostics(specUri(), (x) => has(x.diagnostics, 'CTX-04') && x.diagnostics.find((d) => d.code === 'CTX-04')!.severity === 1);
    assert.ok(p);
  });
});
