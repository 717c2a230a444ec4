// Exposure numbers per evaluator: the percentage scales and "off" semantics of each format.
import assert from 'node:assert/strict';
import { CODE_DEFAULT } from '../../../server/src/engine/formats/model';
import { exposure, fixture, share } from './helpers';

describe('flag exposure per format', () => {
  describe('LaunchDarkly', () => {
    const ld = fixture('launchdarkly-flags.json');
    it('reads rollout weights in 1/100000: 5000 gives 5% in the targeted country', () => {
      const e = exposure(ld.replace('"on": false', '"on": true'), 'contacts-sync', 'AFG');
      assert.deepEqual(share(e, '1'), { min: 0.05, max: 0.05 });
      assert.deepEqual(share(e, '0'), { min: 0.95, max: 0.95 });
      assert.equal(e.onMax, 0.05);
      assert.equal(e.explicit, true);
    });
    it('serves the off variation when the flag is off — here the "true" value', () => {
      const e = exposure(ld, 'contacts-sync', 'SDN');
      assert.deepEqual(share(e, '1'), { min: 1, max: 1 });
      assert.equal(e.onMin, 1);
    });
    it('resolves segmentMatch to the segment rules (40% in Ethiopia, none in Sudan)', () => {
      assert.equal(exposure(ld, 'maps-heatmap', 'ETH').onMax, 0.4);
      assert.equal(exposure(ld, 'maps-heatmap', 'SDN').onMax, 0);
    });
  });

  describe('Flipt', () => {
    const flipt = fixture('features.yml');
    it('applies a threshold rollout of a BOOLEAN flag even when the flag is disabled', () => {
      const e = exposure(flipt, 'live_location', 'SYR');
      assert.deepEqual(share(e, 'true'), { min: 1, max: 1 });
    });
    it('serves a 50/50 distribution on a country segment (string-encoded isoneof list)', () => {
      const e = exposure(flipt, 'forward-many', 'AFG');
      assert.deepEqual(share(e, 'enabled'), { min: 0.5, max: 0.5 });
      assert.equal(e.decidingLabel, 'rule 1');
    });
    it('outside the segment, the ethnicity rule is unknown: disabled "may be served" and the reason is kept', () => {
      const e = exposure(flipt, 'forward-many', 'UKR');
      assert.equal(share(e, 'enabled').max, 0);
      // Conservative per variant: the unknown rule may take users first, so only the bound is sure.
      assert.equal(share(e, 'disabled').max, 1);
      assert.ok(e.unknowns.some((u) => /ethnicity/.test(u)));
    });
    it('a disabled VARIANT flag falls back to the code default', () => {
      const e = exposure(flipt.replace('    enabled: true\n    variants', '    enabled: false\n    variants'), 'forward-many', 'AFG');
      assert.deepEqual(share(e, CODE_DEFAULT), { min: 1, max: 1 });
    });
  });

  describe('flagd', () => {
    const flagd = fixture('nearby.flagd.json');
    it('splits fractional weights relatively (30/70) behind a $ref to $evaluators', () => {
      const e = exposure(flagd, 'nearby-people', 'SDN');
      assert.deepEqual(share(e, 'on'), { min: 0.3, max: 0.3 });
      assert.deepEqual(share(e, 'off'), { min: 0.7, max: 0.7 });
    });
    it('outside the listed countries, an unknown attribute makes "on" possible, not certain', () => {
      const e = exposure(flagd, 'nearby-people', 'ETH');
      assert.deepEqual(share(e, 'on'), { min: 0, max: 1 });
      assert.ok(e.unknowns.some((u) => /plan/.test(u)));
    });
    it('a DISABLED flag returns the code default, not defaultVariant', () => {
      const e = exposure(flagd, 'live-location', 'SDN');
      assert.deepEqual(share(e, CODE_DEFAULT), { min: 1, max: 1 });
      assert.equal(e.onMax, 0);
    });
  });

  describe('GO Feature Flag', () => {
    const goff = fixture('flags.goff.yaml');
    it('evaluates a progressive rollout at the clock: 27 of 60 days gives 45%', () => {
      const e = exposure(goff, 'msg.forward_v2', 'AFG');
      assert.equal(share(e, 'enabled').min, 0.45);
      assert.equal(share(e, 'disabled').min, 0.55);
    });
    it('the protective query rule serves disabled to everyone in Sudan', () => {
      const e = exposure(goff, 'msg.forward_v2', 'SDN');
      assert.deepEqual(share(e, 'disabled'), { min: 1, max: 1 });
    });
    it('reads percentages on a JsonLogic query (up to 10% ranked in Ukraine, after an unknown locale rule)', () => {
      const e = exposure(goff, 'feed-recommendations', 'UKR');
      assert.deepEqual(share(e, 'ranked'), { min: 0, max: 0.1 });
      assert.ok(e.unknowns.some((u) => /locale/.test(u)));
      const without = exposure(goff.replace('    - query: locale eq "ar-SY"\n      variation: chronological\n', ''), 'feed-recommendations', 'UKR');
      assert.deepEqual(share(without, 'ranked'), { min: 0.1, max: 0.1 });
    });
    it('disable: true returns the code default until a scheduled step re-enables it', () => {
      assert.equal(share(exposure(goff, 'old-banner', 'SDN'), CODE_DEFAULT).min, 1);
      const later = exposure(goff, 'old-banner', 'SDN', 'current', new Date('2027-04-01T00:00:00Z'));
      assert.equal(share(later, 'shown').min, 1);
    });
  });

  describe('Unleash', () => {
    const unleash = fixture('unleash-features.json');
    it('a flexibleRollout of "25" with a country constraint gives 25% in South Sudan', () => {
      const e = exposure(unleash, 'payments.wallet', 'SSD');
      assert.equal(share(e, 'enabled').min, 0.25);
      // the next strategy (a segment on email) may serve the rest
      assert.equal(share(e, 'enabled').max, 1);
    });
    it('outside the constraint only the segment strategy may serve', () => {
      const e = exposure(unleash, 'payments.wallet', 'SDN');
      assert.equal(share(e, 'enabled').min, 0);
      assert.equal(share(e, 'disabled').min, 0);
      assert.equal(share(e, 'disabled').max, 1);
    });
    it('a disabled flag is off', () => {
      assert.equal(exposure(unleash, 'dark-mode', 'SDN').onMax, 0);
    });
  });
});
