// Context rules: fire, stay silent on a compliant spec, and land on the exact node.
import assert from 'node:assert/strict';
import { assertFiresAt, assertSilent, lintSpec, posOf } from '../../helpers/lintText';
import { describeRule } from './ruleCase';

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

// ---- CTX-03, CTX-05..08 (table-driven; see ruleCase.ts)
const ca = (extra: string) => `conflict_analysis:\n  ref: docs/ca.md\n  date: 2026-10-01\n${extra}`;
const fullCa = ca('  dividers: [land]\n  connectors: [markets]\n  actors: [militias]\n  repurposing_notes: voice notes replace text\n');

describeRule({
  id: 'CTX-03',
  fires: { name: 'dividers only, in a conflict market', text: base(ca('  dividers: [land]\n')), severity: 'high', at: 'conflict_analysis:', message: /connectors, actors, how people repurpose/ },
  also: [{ name: 'fragility market', text: base(ca('  dividers: [land]\n')).replace('SDN', 'ZWE'), severity: 'medium', at: 'conflict_analysis:' }],
  silent: [{ name: 'complete analysis', text: base(fullCa) }],
});

const rural = (t: string) => t.replace('  - country: KEN\n    languages: [en]', '  - country: KEN\n    setting: rural\n    languages: [en]');
describeRule({
  id: 'CTX-05',
  fires: { name: 'rural market, no lite mode', text: rural(base()), severity: 'medium', at: 'rural', message: /no offline or low-bandwidth mode/ },
  also: [{ name: 'camp setting in a conflict market', text: base().replace('  - country: SDN\n', '  - country: SDN\n    setting: camp\n'), severity: 'high', at: 'camp' }],
  silent: [{ name: 'offline mode and shared devices considered', text: rural(base()).replace('  lifecycle_stage', '  offline_mode: true\n  shared_device_considered: true\n  lifecycle_stage') }],
});

describeRule({
  id: 'CTX-06',
  fires: { name: 'conflict market without degraded mode', text: base(), severity: 'high', at: 'SDN' },
  also: [
    {
      name: 'unlisted market with shutdown history',
      text: base().replace('SDN', 'FRA').replace('    languages: [en]', '    languages: [en]\n    connectivity: {shutdown_history: true}'),
      severity: 'medium',
      at: 'true}',
    },
  ],
  silent: [{ name: 'resilience plan recorded', text: base().replace('  lifecycle_stage', '  resilience_plan: docs/offline.md\n  lifecycle_stage') }],
});

describeRule({
  id: 'CTX-07',
  fires: { name: 'sanctions without review', text: base().replace('    languages: [en]', '    languages: [en]\n    sanctions: partial'), severity: 'high', at: 'partial', message: /no sanctions review/ },
  also: [
    {
      name: 'geo-block without notice or appeal',
      text: base('legal: {sanctions_review: legal/ofac.md}\ngeo_block: {countries: [KE], reason: sanctions, user_notice: true}\n'),
      severity: 'high',
      at: 'KEN',
      message: /lack a data export, an appeal/,
    },
  ],
  silent: [
    {
      name: 'review, notice, export and appeal',
      text: base('legal: {sanctions_review: legal/ofac.md}\ngeo_block: {countries: [KEN], reason: sanctions, user_notice: true, data_export: true, appeal: true}\n').replace('    languages: [en]', '    languages: [en]\n    sanctions: partial'),
    },
  ],
});

const signals = base().replace('    languages: [en]', '    languages: [en]\n    risk_signals: [closing_civic_space]');
describeRule({
  id: 'CTX-08',
  fires: { name: 'unlisted market with risk signals', text: signals, severity: 'medium', at: 'risk_signals', message: /Kenya is not on the FCS list/ },
  also: [
    {
      name: 'only an election ahead',
      text: base().replace('    languages: [en]', '    languages: [en]\n    upcoming_events: [{type: election, date: 2027-08-10}]'),
      severity: 'info',
      at: 'upcoming_events',
    },
  ],
  silent: [
    { name: 'no signals', text: base() },
    { name: 'override decided with a reason', text: signals.replace('    risk_signals', '    override: {category: none, reason: reviewed with local partners}\n    risk_signals') },
  ],
});
