// WorkspaceIndex (incremental), cross-file checks (FLAG-06, FLAG-07, linked specs) and the hover table.
import assert from 'node:assert/strict';
import { createLintEnvironment, lintDocument } from '../../../server/src/engine/lint';
import { WorkspaceIndex } from '../../../server/src/engine/workspace/index';
import { flagExposureTable } from '../../../server/src/engine/formats/hover';
import { assertFiresAt, assertSilent, byRule, posOf, TEST_NOW } from '../../helpers/lintText';
import { fixture } from './helpers';

const spec = (killKey: string, mitigation = '') => `spec_version: 1
feature:
  id: chat-forwarding-v2
  name: Forwarding v2
  lifecycle_stage: development
  functions: [fn.messaging]
markets:
  - country: SDN
  - country: AFG
kill_switch:
  flag_key: ${killKey}
${mitigation}`;

describe('WorkspaceIndex and cross-file flag checks', () => {
  const env = createLintEnvironment({ now: TEST_NOW });
  const build = (specText: string) => {
    const ws = new WorkspaceIndex(env);
    ws.update('file:///ws/flags.goff.yaml', fixture('flags.goff.yaml'));
    ws.update('file:///ws/features.yml', fixture('features.yml'));
    ws.update('file:///ws/specs/forward.fcs.yaml', specText);
    return ws;
  };

  it('indexes specs and flags per file and updates incrementally', () => {
    const ws = build(spec('msg.forward_v2'));
    assert.equal(ws.specs().length, 1);
    assert.equal(ws.flagFileCount(), 2);
    assert.equal(ws.flags('msg.forward_v2').length, 1);
    assert.deepEqual(ws.linksTo('msg.forward_v2').map((l) => l.role), ['kill_switch']);
    const v = ws.version;
    ws.remove('file:///ws/flags.goff.yaml');
    assert.equal(ws.flags('msg.forward_v2').length, 0);
    assert.ok(ws.version > v);
    assert.equal(ws.update('file:///ws/readme.md', '# hi'), 'unknown');
  });

  it('FLAG-06: the kill switch names a flag no flag file defines', () => {
    const text = spec('msg.forward_v3');
    const ws = build(text);
    const f = lintDocument('file:///ws/specs/forward.fcs.yaml', text, { ...env, workspace: ws }).findings;
    assertFiresAt(f, 'FLAG-06', posOf(text, 'msg.forward_v3'));
    // without a workspace the cross-file rules do not run
    assertSilent(lintDocument('file:///ws/specs/forward.fcs.yaml', text, env).findings, 'FLAG-06');
  });

  it('FLAG-07: a kill switch whose off state still serves the feature (Flipt BOOLEAN) in the spec\'s conflict markets', () => {
    const text = spec('live_location');
    const f = lintDocument('file:///ws/specs/forward.fcs.yaml', text, { ...env, workspace: build(text) }).findings;
    const hit = assertFiresAt(f, 'FLAG-07', posOf(text, 'live_location'));
    assert.equal(hit.severity, 'blocker');
    assert.match(hit.message, /Sudan/);
    assert.match(hit.message, /World Bank FCS FY26/);
  });

  it('FLAG-07: a mitigation flag served to only part of the users; silent for a working kill switch', () => {
    const text = spec('msg.forward_v2', 'mitigations:\n  - id: cap\n    flag_key: msg.forward_v2\n');
    const f = lintDocument('file:///ws/specs/forward.fcs.yaml', text, { ...env, workspace: build(text) }).findings;
    const hits = byRule(f, 'FLAG-07');
    assert.equal(hits.length, 1, hits.map((h) => h.message).join('\n'));
    assert.deepEqual({ line: hits[0]!.range.start.line + 1, column: hits[0]!.range.start.character + 1 }, posOf(text, 'msg.forward_v2', 'id: cap'));
    assert.match(hits[0]!.message, /nobody for certain in Sudan|only 45% in Afghanistan/);
  });

  it('a flag named by a spec takes its functions from the spec (link, not inference)', () => {
    const text = spec('msg.forward_v2');
    const ws = build(text);
    const f = lintDocument('file:///ws/flags.goff.yaml', fixture('flags.goff.yaml'), { ...env, workspace: ws }).findings;
    const r2 = byRule(f, 'FLAG-02').find((x) => x.message.startsWith('msg.forward_v2'));
    // the linked spec has open blockers of its own, so FLAG-02 still fires, now naming the spec
    if (r2) assert.match(r2.message, /linked to spec chat-forwarding-v2/);
    const r3 = byRule(f, 'FLAG-03');
    assert.ok(r3.length >= 1);
  });
});

describe('flagExposureTable (hover data)', () => {
  const env = createLintEnvironment({ now: TEST_NOW, orgMarkets: { KEN: { category: 'fragility', reason: 'election violence' } } });
  it('returns the exposure rows of the flag under the cursor', () => {
    const text = fixture('launchdarkly-flags.json');
    const p = posOf(text, '"maps-heatmap"');
    const t = flagExposureTable('file:///ws/ld.json', text, env, { line: p.line - 1, character: p.column + 2 });
    assert.ok(t);
    assert.equal(t.key, 'maps-heatmap');
    assert.equal(t.edition, 'World Bank FCS FY26');
    const eth = t.rows.filter((r) => r.alpha3 === 'ETH');
    assert.deepEqual(eth.map((r) => [r.variant, r.share]), [['0', '60%'], ['1', '40%']]);
    const ken = t.rows.filter((r) => r.alpha3 === 'KEN');
    assert.equal(ken[0]?.category, 'fragility');
    assert.deepEqual(ken.find((r) => r.variant === '1')?.share, '40%');
    assert.equal(t.rows.find((r) => r.alpha3 === 'SDN' && r.variant === '1'), undefined);
  });
  it('returns undefined outside any flag and for non-flag files', () => {
    const text = fixture('launchdarkly-flags.json');
    assert.equal(flagExposureTable('file:///ws/ld.json', text, env, { line: 0, character: 0 }), undefined);
    assert.equal(flagExposureTable('file:///ws/f.yml', fixture('not-flags-features.yml'), env, { line: 2, character: 2 }), undefined);
  });
});

describe('detection', () => {
  it('leaves a MetaMask-style features.yml alone', () => {
    const r = lintDocument('file:///ws/features.yml', fixture('not-flags-features.yml'), createLintEnvironment({ now: TEST_NOW }));
    assert.equal(r.kind, 'unknown');
    assert.equal(r.findings.length, 0);
  });
});
