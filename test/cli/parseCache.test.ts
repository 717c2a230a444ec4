// The CLI's parse cache: one parse per text while it fits, never more text than its bound.
import assert from 'node:assert/strict';
import { ParseCache } from '../../server/src/cli/lint/parseCache';
import { parseYamlSource, toData, type YamlSource } from '../../server/src/engine/parse/yamlSource';
import { createLintEnvironment, lintDocument } from '../../server/src/engine/lint';
import { WorkspaceIndex } from '../../server/src/engine/workspace/index';

function counting(): { parse: (t: string) => YamlSource; calls: string[] } {
  const calls: string[] = [];
  return { calls, parse: (t) => (calls.push(t), parseYamlSource(t)) };
}

describe('CLI parse cache', () => {
  it('parses a text once and returns the same tree again', () => {
    const p = counting();
    const cache = new ParseCache(1000, p.parse);
    const a = cache.parse('a: 1\n');
    const b = cache.parse('a: 1\n');
    assert.equal(a, b);
    assert.equal(p.calls.length, 1);
    assert.deepEqual(toData(a.doc), { a: 1 });
    assert.deepEqual({ hits: cache.hits, misses: cache.misses }, { hits: 1, misses: 1 });
  });

  it('never holds more text than its bound: once full, new texts are parsed but not kept', () => {
    const p = counting();
    const cache = new ParseCache(30, p.parse);
    const texts = Array.from({ length: 10 }, (_, i) => `key${i}: ${'x'.repeat(5)}\n`); // 12 chars each
    for (const t of texts) cache.parse(t);
    assert.ok(cache.size <= 30, `size ${cache.size}`);
    assert.equal(cache.count, 2);
    for (const t of texts) cache.parse(t);
    // The first two stay cached (hits); the rest are parsed again every time.
    assert.equal(p.calls.length, 10 + 8);
    assert.equal(cache.hits, 2);
    cache.release(texts[0]!);
    assert.equal(cache.size, 12);
  });

  it('does not return a tree an incremental parse has taken over', () => {
    const p = counting();
    const cache = new ParseCache(1000, p.parse);
    const a = cache.parse('a: 1\n');
    a.consumed = true;
    const b = cache.parse('a: 1\n');
    assert.notEqual(a, b);
    assert.equal(p.calls.length, 2);
  });

  it('lets the workspace index and the lint share one parse per spec and flag file', () => {
    const p = counting();
    const cache = new ParseCache(1 << 20, p.parse);
    const env = { ...createLintEnvironment({ now: new Date('2026-03-01T00:00:00Z') }), parseYaml: cache.parse };
    const spec = 'spec_version: 1\nfeature:\n  id: f1\n  name: F1\n  lifecycle_stage: design\nmarkets:\n  - country: ETH\nkill_switch:\n  flag_key: f1.kill\n';
    const flags = JSON.stringify({ flags: { 'f1.kill': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' } } });
    const index = new WorkspaceIndex(env, { onParsed: (src) => cache.remember(src) });
    const specKind = index.update('/w/a.fcs.yaml', spec);
    const flagKind = index.update('/w/flags.flagd.json', flags);
    const withCache = [lintDocument('/w/flags.flagd.json', flags, { ...env, workspace: index }, flagKind), lintDocument('/w/a.fcs.yaml', spec, { ...env, workspace: index }, specKind)];
    // The spec is parsed once (summary, blocker count and lint); the flag file's tree comes from the index.
    assert.equal(p.calls.filter((t) => t === spec).length, 1);
    assert.equal(p.calls.filter((t) => t === flags).length, 0);
    // Same findings as without a cache.
    const plainEnv = createLintEnvironment({ now: new Date('2026-03-01T00:00:00Z') });
    const plain = new WorkspaceIndex(plainEnv);
    plain.update('/w/a.fcs.yaml', spec);
    plain.update('/w/flags.flagd.json', flags);
    const without = [lintDocument('/w/flags.flagd.json', flags, { ...plainEnv, workspace: plain }), lintDocument('/w/a.fcs.yaml', spec, { ...plainEnv, workspace: plain })];
    assert.deepEqual(withCache, without);
  });
});
