// FLAG rules on the fixtures: which rule fires, where (1-based line:column), and with what text.
import assert from 'node:assert/strict';
import { assertFiresAt, assertSilent, byRule, posOf } from '../../helpers/lintText';
import { fixture, lintFlags } from './helpers';

describe('FLAG rules on flag files', () => {
  it('flagd: FLAG-02 on the key of a location flag reaching conflict markets, with the inference in the message', () => {
    const text = fixture('nearby.flagd.json');
    const f = lintFlags('nearby.flagd.json', text);
    const hit = assertFiresAt(f, 'FLAG-02', posOf(text, '"nearby-people"'));
    assert.equal(hit.severity, 'blocker');
    assert.match(hit.message, /key segment 'nearby' → location/);
    assert.match(hit.message, /World Bank FCS FY26/);
    assert.ok(hit.prompts.length > 0 && hit.basis.length > 0);
  });

  it('flagd: FLAG-03 on the fractional split that serves 30% in Sudan, Somalia and Mali', () => {
    const text = fixture('nearby.flagd.json');
    const hit = assertFiresAt(lintFlags('nearby.flagd.json', text), 'FLAG-03', posOf(text, '"fractional"'));
    assert.match(hit.message, /Sudan \(conflict\) 30%/);
  });

  it('flagd: no nagging — snapshot-cache (not "maps") and the DISABLED live-location (code default) stay silent', () => {
    const f = lintFlags('nearby.flagd.json');
    assert.ok(!f.some((x) => /snapshot-cache|live-location/.test(x.message)), f.map((x) => x.message).join('\n'));
    assertSilent(f, 'FLAG-04');
  });

  it('Flipt: FLAG-04 on `enabled: false` of a BOOLEAN flag whose threshold rollout still serves true', () => {
    const text = fixture('features.yml');
    const hit = assertFiresAt(lintFlags('features.yml', text), 'FLAG-04', posOf(text, 'false', 'key: live_location'));
    assert.equal(hit.severity, 'blocker');
    assert.match(hit.message, /rollouts/);
  });

  it('Flipt: FLAG-03 on the distributions of the country-segment rule; FLAG-01 on the ethnicity constraint', () => {
    const text = fixture('features.yml');
    const f = lintFlags('features.yml', text);
    const r3 = assertFiresAt(f, 'FLAG-03', posOf(text, 'distributions:', 'segment: conflict-markets'));
    assert.match(r3.message, /Afghanistan \(conflict\) 50%/);
    assert.match(r3.message, /Syrian Arab Republic \(conflict\) 50%/);
    const r1 = assertFiresAt(f, 'FLAG-01', posOf(text, 'type: STRING_COMPARISON_TYPE', 'key: by-ethnicity'));
    assert.equal(r1.severity, 'blocker');
  });

  it('GO Feature Flag: FLAG-02 on msg.forward_v2 (45% at the test clock), FLAG-01 on the ar-SY locale query, FLAG-03 on the Ukraine percentage', () => {
    const text = fixture('flags.goff.yaml');
    const f = lintFlags('flags.goff.yaml', text);
    const r2 = byRule(f, 'FLAG-02').find((x) => x.message.startsWith('msg.forward_v2'));
    assert.ok(r2);
    assert.deepEqual({ line: r2.range.start.line + 1, column: r2.range.start.character + 1 }, posOf(text, 'msg.forward_v2:'));
    assert.match(r2.message, /key segment 'msg'/);
    assert.match(r2.message, /Afghanistan \(conflict\) 45%/);
    assert.doesNotMatch(r2.message, /Sudan/);
    const r1 = assertFiresAt(f, 'FLAG-01', posOf(text, 'locale eq "ar-SY"'));
    assert.match(r1.message, /SYR/);
    assertFiresAt(f, 'FLAG-03', posOf(text, 'percentage:', '["UA"]'));
  });

  it('Unleash: FLAG-03 on the rollout parameter of the country-constrained flexibleRollout', () => {
    const text = fixture('unleash-features.json');
    const hit = assertFiresAt(lintFlags('unleash-features.json', text), 'FLAG-03', posOf(text, '"25"'));
    assert.match(hit.message, /South Sudan \(conflict\) 25%/);
  });

  it('LaunchDarkly: FLAG-04 on offVariation when "off" serves true; FLAG-03 on a 40000/100000 segment rollout', () => {
    const text = fixture('launchdarkly-flags.json');
    const f = lintFlags('launchdarkly-flags.json', text);
    assertFiresAt(f, 'FLAG-04', posOf(text, '1', '"offVariation": '));
    const r3 = assertFiresAt(f, 'FLAG-03', posOf(text, '"variations": [{ "variation": 1, "weight": 40000'));
    assert.match(r3.message, /Ethiopia \(conflict\) 40%/);
  });

  it('FLAG-03 stays silent at 5% in a conflict market (the threshold) and when the rollout is not geo-targeted', () => {
    const text = fixture('launchdarkly-flags.json').replace('"on": false', '"on": true').replace('"offVariation": 1', '"offVariation": 0');
    const f = lintFlags('launchdarkly-flags.json', text).filter((x) => x.message.includes('contacts-sync'));
    assertSilent(f, 'FLAG-03');
    assertSilent(f, 'FLAG-04');
  });

  it('FLAG-05: a geo-block flag without notice, export and appeal; silent once metadata records them', () => {
    const base = (meta: string) => `{"flags": {"sanctions-geoblock": {"state": "ENABLED", "variants": {"on": true, "off": false}, "defaultVariant": "off",
  "targeting": {"if": [{"in": [{"var": "country"}, ["IR"]]}, "on", "off"]}${meta}}}}`;
    const text = base('');
    const hit = assertFiresAt(lintFlags('geo.flagd.json', text), 'FLAG-05', posOf(text, '"sanctions-geoblock"'));
    assert.match(hit.message, /reason, user_notice, data_export, appeal/);
    const ok = base(', "metadata": {"geo_block": {"reason": "sanctions", "user_notice": true, "data_export": true, "appeal": true}}');
    assertSilent(lintFlags('geo.flagd.json', ok), 'FLAG-05');
  });

  it('FLAG-10 reports targeting it could not evaluate, on the node', () => {
    const text = `{"flags": {"x": {"state": "ENABLED", "variants": {"a": 1, "b": 2}, "defaultVariant": "a", "targeting": {"if": [{"$ref": "missing"}, "b", "a"]}}}}`;
    const hit = assertFiresAt(lintFlags('x.flagd.json', text), 'FLAG-10', posOf(text, '{"$ref"'));
    assert.match(hit.message, /missing/);
    assert.equal(hit.severity, 'info');
  });

  it('multi-document YAML: findings land in the right document (Kubernetes FeatureFlag)', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata: {name: other}
---
apiVersion: core.openfeature.dev/v1beta1
kind: FeatureFlag
metadata: {name: flags}
spec:
  flagSpec:
    flags:
      nearby-people:
        state: ENABLED
        variants: {"on": true, "off": false}
        defaultVariant: "off"
        targeting:
          if:
            - in: [{var: country}, [SD]]
            - fractional: [["on", 50], ["off", 50]]
            - "off"
`;
    const f = lintFlags('features.yaml', text);
    assertFiresAt(f, 'FLAG-03', posOf(text, 'fractional'));
    assertFiresAt(f, 'FLAG-02', posOf(text, 'nearby-people'));
  });
});
