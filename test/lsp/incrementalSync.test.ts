// Incremental document sync through the real server: whatever path a change takes (the re-used
// syntax tree for an edit inside a value, or a full parse), the published diagnostics equal
// those of the same text opened fresh.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { createLintEnvironment, lintDocument } from '../../server/src/engine/lint';
import { LspTestClient } from '../helpers/lspClient';
import { applyTextEdits } from './support';

const EXAMPLE = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'messaging-conflict.fcs.yaml'), 'utf8');

interface Change {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

function pos(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** A change replacing `len` characters at the first occurrence of `needle` (+ `skip`). */
function at(text: string, needle: string, skip: number, len: number, insert: string): Change {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return { range: { start: pos(text, i + skip), end: pos(text, i + skip + len) }, text: insert };
}

const applyChange = (text: string, c: Change): string => applyTextEdits(text, [{ range: c.range, newText: c.text }]);

const view = (ds: Diagnostic[]) => ds.map((d) => ({ code: d.code, range: d.range, message: d.message, severity: d.severity })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('incremental sync: re-used syntax trees give the diagnostics of a fresh open', function () {
  this.timeout(30_000);
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(() => client.shutdown());

  let fresh = 0;
  async function freshDiagnostics(text: string, suffix = '.fcs.yaml'): Promise<Diagnostic[]> {
    const uri = `file:///ws/fresh-${fresh++}${suffix}`;
    client.open(uri, text);
    return (await client.diagnostics(uri)).diagnostics;
  }

  /**
   * The status of the lint a change started: the first status notification for that version of
   * the document (it follows the diagnostics of the same lint). Later ones for the same version
   * come from re-checks, e.g. when another open document changes the workspace index.
   */
  async function statusOf(uri: string, version: number): Promise<{ incremental?: boolean } | undefined> {
    const find = () =>
      client.notifications
        .filter((n) => n.method === 'fcsLint/status')
        .map((n) => n.params as { uri: string; version: number; incremental?: boolean })
        .find((s) => s.uri === uri && s.version === version);
    for (let waited = 0; !find() && waited < 2000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    return find();
  }

  it('value edits take the incremental path; structural edits parse in full; both match a fresh open', async () => {
    const uri = 'file:///ws/typing.fcs.yaml';
    let text = EXAMPLE;
    client.open(uri, text);
    await client.diagnostics(uri, (p) => p.version === 1);
    // [change builder, expected path]
    const steps: [(t: string) => Change[], boolean][] = [
      [(t) => [at(t, 'country: ETH', 9, 3, 'SDN')], true], // a country: findings move to another market
      [(t) => [at(t, 'country: SDN', 9, 3, 'FRA')], true], // out of the FCS list
      [(t) => [at(t, 'country: FRA', 9, 3, 'ETH')], true],
      [(t) => [at(t, 'retention_days: ', 16, 1, '9')], true],
      [(t) => [at(t, '\nmarkets:', 1, 0, '# a comment line\n')], false], // a new line
      [(t) => [at(t, 'country: ETH', 0, 0, 'x')], false], // inside a key
      [(t) => [at(t, 'xcountry: ETH', 0, 1, '')], false],
      [(t) => { const a = at(t, 'country: ETH', 9, 1, 'S'); const b = at(applyChange(t, a), 'country: STH', 10, 2, 'DN'); return [a, b]; }, true], // two changes in one notification
    ];
    let version = 1;
    for (const [build, incremental] of steps) {
      const changes = build(text);
      for (const c of changes) text = applyChange(text, c);
      version++;
      client.change(uri, version, changes);
      const got = await client.diagnostics(uri, (p) => p.version === version);
      assert.equal((await statusOf(uri, version))?.incremental, incremental, `step ${version}: ${JSON.stringify(changes)}`);
      assert.deepEqual(view(got.diagnostics), view(await freshDiagnostics(text)), `step ${version}`);
    }
    assert.ok(text.includes('country: SDN'));
    // A full-text change (no range) breaks the chain of edits: full parse, then incremental again.
    text = text.replace('country: SDN', 'country: SSD');
    version++;
    client.change(uri, version, [{ text }]);
    await client.diagnostics(uri, (p) => p.version === version);
    assert.equal((await statusOf(uri, version))?.incremental, false, 'after a full-text change');
    const c = at(text, 'country: SSD', 9, 3, 'SOM');
    text = applyChange(text, c);
    version++;
    client.change(uri, version, [c]);
    const got = await client.diagnostics(uri, (p) => p.version === version);
    assert.equal((await statusOf(uri, version))?.incremental, true, 'a value edit after it');
    assert.deepEqual(view(got.diagnostics), view(await freshDiagnostics(text)));
  });

  it('a large spec (remembered per-item results and models) gives the diagnostics of a fresh open after each edit', async () => {
    // 200 more data items: past the size from which the server keeps results between lints.
    const items = Array.from({ length: 200 }, (_x, i) => `  - name: field_${i}\n    category: ${['contact', 'location_precise', 'photos_media', 'biometrics'][i % 4]}\n    retention_days: ${i * 7}\n    shared_with: []\n`).join('');
    let text = EXAMPLE.replace('    shared_with: []\n', '    shared_with: []\n' + items);
    assert.ok(text.length >= 16_384, `large enough (${text.length} characters)`);
    const uri = 'file:///ws/large.fcs.yaml';
    client.open(uri, text);
    await client.diagnostics(uri, (p) => p.version === 1);
    const edits: [string, string][] = [['retention_days: 14', '0'], ['category: biometrics', 'contact'], ['retention_days: 0', '400'], ['country: ETH', 'FRA']];
    for (const [i, [needle, value]] of edits.entries()) {
      const skip = needle.indexOf(': ') + 2;
      const c = at(text, needle, skip, needle.length - skip, value);
      text = applyChange(text, c);
      const version = i + 2;
      client.change(uri, version, [c]);
      const got = await client.diagnostics(uri, (p) => p.version === version);
      assert.equal((await statusOf(uri, version))?.incremental, true, `edit ${version}: ${needle} -> ${value}`);
      // A fresh open of the same size takes the remembering path too: compare with the engine
      // linting the text from scratch as well.
      const scratch = lintDocument('/ws/large.fcs.yaml', text, createLintEnvironment()).findings.map((f) => ({ code: f.ruleId, range: f.range }));
      const where = (xs: { code?: unknown; range: unknown }[]) => xs.map((x) => JSON.stringify([x.code, x.range])).sort();
      assert.deepEqual(where(got.diagnostics), where(scratch), `edit ${version}: ${needle} -> ${value} (from scratch)`);
      assert.deepEqual(view(got.diagnostics), view(await freshDiagnostics(text)), `edit ${version}: ${needle} -> ${value}`);
    }
  });

  it('flag files: detecting the format and linting share one parse, so value edits take the incremental path too', async () => {
    // Each edit replaces the two-digit share of the first rollout.
    const cases: [string, string, (t: string, v: number) => Change][] = [
      ['nearby.flagd.json', '.flagd.json', (t, v) => at(t, '["on", ', 7, 2, String(30 + v * 10))],
      ['flipt-ranked.features.yaml', '.features.yaml', (t, v) => at(t, 'rollout: ', 9, 2, String(30 + v * 10))],
    ];
    for (const [fixture, suffix, edit] of cases) {
      let text = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'flags', fixture), 'utf8');
      const uri = `file:///ws/typing-${fixture.replace(/\W/g, '-')}${suffix}`;
      client.open(uri, text);
      const first = await client.diagnostics(uri, (p) => p.version === 1);
      assert.ok(first.diagnostics.length > 0, `${fixture}: linted as a flag file`);
      for (let version = 2; version <= 3; version++) {
        const c = edit(text, version);
        text = applyChange(text, c);
        client.change(uri, version, [c]);
        const got = await client.diagnostics(uri, (p) => p.version === version);
        assert.equal((await statusOf(uri, version))?.incremental, true, `${fixture}, version ${version}`);
        assert.deepEqual(view(got.diagnostics), view(await freshDiagnostics(text, suffix)), `${fixture}, version ${version}`);
      }
    }
  });

  it('CRLF documents: ranges after an edited value stay exact', async () => {
    const uri = 'file:///ws/crlf.fcs.yaml';
    let text = EXAMPLE.replace(/\n/g, '\r\n');
    client.open(uri, text);
    await client.diagnostics(uri, (p) => p.version === 1);
    const i = text.indexOf('country: ETH') + 9;
    const change = { range: { start: pos(text, i), end: pos(text, i + 3) }, text: 'SSD' };
    text = text.slice(0, i) + 'SSD' + text.slice(i + 3);
    client.change(uri, 2, [change]);
    const got = await client.diagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(view(got.diagnostics), view(await freshDiagnostics(text)));
  });
});
