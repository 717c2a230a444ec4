// Context rules: fire, stay silent on a compliant spec, and land on the exact node.
import assert from 'node:assert/strict';
import { assertFiresAt, assertSilent, lintSpec, posOf } from '../../helpers/lintText';

const base = (extra = '') => `spec_version: 1
feature:
  id: f
  name: F
  lifecycle_stage: development
  ui_languages: [ar, en]
  consent_languages: [ar, en]
markets:
  - country: SDN
    languages: [ar]
  - country: KEN
    languages: [en]
${extra}`;

describe('CTX-01 no conflict analysis for an FCS market', () => {
  it('fires on each FCS market without analysis, as a blocker for conflict markets, on the country value', () => {
    const text = base();
    const f = assertFiresAt(lintSpec(text), 'CTX-01', posOf(text, 'SDN'));
    assert.equal(f.severity, 'blocker');
    assert.match(f.message, /Sudan is listed as conflict/);
    assert.match(f.message, /World Bank FCS FY26/);
    assert.ok(f.prompts.length >= 2);
  });

  it('is high, not blocker, for a fragility market', () => {
    const text = base().replace('SDN', 'ZWE');
    const f = assertFiresAt(lintSpec(text), 'CTX-01', posOf(text, 'ZWE'));
    assert.equal(f.severity, 'high');
  });

  it('does not fire when an analysis covers the market', () => {
    assertSilent(lintSpec(base('conflict_analysis:\n  ref: docs/ca.md\n  date: 2026-10-01\n')), 'CTX-01');
  });

  it('fires for a market the analysis does not cover', () => {
    const text = base('conflict_analysis:\n  ref: docs/ca.md\n  date: 2026-10-01\n  markets: [KEN]\n');
    assertFiresAt(lintSpec(text), 'CTX-01', posOf(text, 'SDN'));
  });

  it('never fires for markets that are not listed (not listed is not safe, but this rule is about listed ones)', () => {
    assertSilent(lintSpec(base().replace('SDN', 'FRA')), 'CTX-01');
  });

  it('applies an organisation override that marks a non-listed market as conflict', () => {
    const text = base().replace('SDN', 'COL');
    const f = assertFiresAt(lintSpec(text, { orgMarkets: { COL: { category: 'conflict', reason: 'armed conflict in Cauca' } } }), 'CTX-01', posOf(text, 'COL'));
    assert.equal(f.severity, 'blocker');
  });
});

describe('CTX-02 conflict analysis is stale', () => {
  it('fires on the date when older than 180 days in a conflict market', () => {
    const text = base('conflict_analysis:\n  ref: docs/ca.md\n  date: 2026-01-15\n');
    const f = assertFiresAt(lintSpec(text), 'CTX-02', posOf(text, '2026-01-15'));
    assert.match(f.message, /317 days ago/);
  });
  it('is silent for a recent analysis', () => {
    assertSilent(lintSpec(base('conflict_analysis:\n  ref: docs/ca.md\n  date: 2026-09-01\n')), 'CTX-02');
  });
  it('is not evaluated before the development stage', () => {
    const text = base('conflict_analysis:\n  ref: docs/ca.md\n  date: 2025-01-15\n').replace('development', 'design');
    assertSilent(lintSpec(text), 'CTX-02');
  });
});

describe('CTX-04 UI or consent not in market languages', () => {
  it('fires on the languages of the market that lacks coverage', () => {
    const text = base().replace('languages: [en]', 'languages: [en, sw]');
    const f = assertFiresAt(lintSpec(text), 'CTX-04', posOf(text, 'languages: [en, sw]'));
    assert.match(f.message, /UI lacks sw/);
  });
  it('is silent when every market language is covered', () => {
    assertSilent(lintSpec(base()), 'CTX-04');
  });
});
