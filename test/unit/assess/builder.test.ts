// The Assess-feature builder on the fixture and the examples: matrix cells, priorities,
// ordering, suggestions, redaction and the summary line.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildAssessment, compareScores, scoreRow, severityOf, tierOf } from '../../../server/src/engine/assess';
import { createLintEnvironment } from '../../../server/src/engine/lint';
import { TEST_NOW } from '../../helpers/lintText';

const ROOT = path.join(__dirname, '..', '..', '..');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'assess', 'assessed.fcs.yaml');
const env = createLintEnvironment({ now: TEST_NOW });
const assessFile = (file: string, includeEngagements = false) =>
  buildAssessment(`file://${file}`, fs.readFileSync(file, 'utf8'), env, { includeEngagements, file: path.basename(file) });

describe('assess: scoring', () => {
  it('takes the worst factor as severity, and the top of the scale when two factors are 4', () => {
    assert.equal(severityOf(3, 2, 1), 3);
    assert.equal(severityOf(4, 1, 1), 4);
    assert.equal(severityOf(4, 2, 4), 5);
    assert.equal(severityOf(4, 4, 4), 5);
  });
  it('bands severity × likelihood into tiers and raises one tier for conflict likelihood ≥ 3', () => {
    assert.deepEqual([1, 3, 4, 7, 8, 11, 12, 20].map(tierOf), ['low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
    const base = { likelihood: 2, scale: 2, scope: 2, irremediable: 2, conflict_likelihood: 2 };
    assert.equal(scoreRow(base)?.tier, 'medium');
    assert.equal(scoreRow({ ...base, conflict_likelihood: 3 })?.tier, 'high');
    assert.equal(scoreRow({ ...base, scale: 4, scope: 4, likelihood: 4, conflict_likelihood: 4 })?.tier, 'critical', 'never above critical');
    assert.equal(scoreRow({ ...base, likelihood: null }), null, 'unscored without likelihood');
  });
  it('puts irremediable harms first, even ahead of a higher score', () => {
    const irremediable = scoreRow({ likelihood: 1, scale: 1, scope: 1, irremediable: 4, conflict_likelihood: 1 });
    const frequent = scoreRow({ likelihood: 4, scale: 3, scope: 3, irremediable: 3, conflict_likelihood: 1 });
    assert.ok(compareScores(irremediable, frequent) < 0);
  });
});

describe('assess: matrix on the assessed fixture', () => {
  const a = assessFile(FIXTURE);
  const cell = (group: string, harm: string) => {
    const c = a.matrix.cells.find((x) => x.group === group && x.harm === harm);
    assert.ok(c, `no cell ${group} × ${harm}; cells: ${a.matrix.cells.map((x) => x.key).join(', ')}`);
    return c;
  };

  it('ranks the irremediable, conflict-raised violence cell first', () => {
    const c = a.matrix.cells[0]!;
    assert.equal(c.key, 'ug.minority_ethnic|h.physical_violence');
    assert.equal(c.rank, 1);
    assert.equal(c.status, 'confirmed');
    assert.equal(c.score?.severity, 5, 'scale 4 and irremediable 4: top of the severity scale');
    assert.equal(c.score?.score, 15);
    assert.equal(c.score?.tier, 'critical');
    assert.equal(c.score?.raisedForConflict, true);
    assert.deepEqual(c.stakeholders, { affected: ['sh.users', 'sh.non_users_affected'], misusers: ['sh.political_mobilisers'], dutyBearers: ['sh.security_forces'], engaged: ['E1'] });
    assert.deepEqual(c.mitigations.map((m) => [m.id, m.flagKey, m.status]), [['mit-01', 'msg.forward_cap_fcs', 'implemented'], ['mit-02', null, 'planned']]);
    assert.equal(c.residual, 'high');
    assert.deepEqual(c.conflictInteraction, ['ci.divider_amplified']);
    assert.equal(c.location.range.start.line + 1, fs.readFileSync(FIXTURE, 'utf8').split('\n').findIndex((l) => l.includes('id: hm-violence')) + 1);
  });

  it('orders the rest by tier and score, unscored suggestions after scored cells, dismissed last', () => {
    assert.deepEqual(a.matrix.cells.slice(0, 3).map((c) => [c.key, c.tier]), [
      ['ug.minority_ethnic|h.physical_violence', 'critical'],
      ['ug.journalists|h.surveillance_targeting', 'critical'],
      ['ug.minority_ethnic|h.mis_disinformation', 'high'],
    ]);
    const last = a.matrix.cells[a.matrix.cells.length - 1]!;
    assert.equal(last.key, 'ug.lgbtq|h.legal_exposure');
    assert.equal(last.status, 'dismissed');
    assert.match(last.dismissalReasons[0]!, /never shares location/);
    const firstUnscored = a.matrix.cells.findIndex((c) => !c.score);
    assert.ok(a.matrix.cells.slice(firstUnscored).every((c) => !c.score), 'no scored cell after an unscored one');
    assert.deepEqual(a.matrix.cells.map((c) => c.rank), a.matrix.cells.map((_, i) => i + 1));
  });

  it('keeps a team row marked suggested as a suggestion, with its score and the conflict raise', () => {
    const c = cell('ug.minority_ethnic', 'h.mis_disinformation');
    assert.equal(c.status, 'suggested');
    assert.equal(c.score?.baseTier, 'medium');
    assert.equal(c.tier, 'high');
  });

  it('seeds suggestions from the functions for exposed groups in scope, pointing at the function', () => {
    const c = cell('ug.lgbtq', 'h.physical_violence');
    assert.equal(c.status, 'suggested');
    assert.deepEqual(c.functions, ['fn.location']);
    assert.equal(c.entries[0]!.source, 'seed');
    assert.equal(c.location.pointer, '/feature/functions/1');
    assert.equal(c.score, null);
    // The dismissed row covers its seed: no second, suggested entry for lgbtq × legal exposure.
    assert.deepEqual(cell('ug.lgbtq', 'h.legal_exposure').entries.map((e) => e.source), ['spec']);
    // ug.general is not among the seed's exposed groups for messaging or location.
    assert.ok(!a.matrix.cells.some((x) => x.group === 'ug.general'));
  });

  it('lays out rows in spec order and only the harm columns that have cells', () => {
    assert.deepEqual(a.matrix.groups.map((g) => g.id), ['ug.general', 'ug.minority_ethnic', 'ug.journalists', 'ug.lgbtq']);
    assert.deepEqual(a.matrix.harms.map((h) => h.id), ['h.physical_violence', 'h.surveillance_targeting', 'h.mis_disinformation', 'h.legal_exposure']);
    assert.deepEqual(a.matrix.counts, { cells: 9, confirmed: 2, suggested: 6, dismissed: 1, unscored: 5 });
  });
});

describe('assess: other sections', () => {
  const a = assessFile(FIXTURE);

  it('builds a context card with category, edition, source and language coverage', () => {
    const eth = a.markets[0]!;
    assert.equal(eth.alpha3, 'ETH');
    assert.equal(eth.category, 'conflict');
    assert.equal(eth.edition, env.edition.edition);
    assert.match(eth.sourceUrl, /^https:\/\//);
    assert.deepEqual(eth.languages.ui.missing, ['om']);
    assert.deepEqual(eth.languages.moderation.missing, ['om', 'ti']);
    assert.deepEqual(eth.riskSignals, ['recent_shutdown']);
    assert.equal(eth.upcomingEvents[0]?.type, 'election');
    assert.equal(eth.connectivity.shutdownHistory, true);
  });

  it('shows engagement coverage with gaps, redacted by default', () => {
    const e = a.engagement;
    assert.equal(e.redacted, true);
    assert.deepEqual(e.records.map((r) => r.id), ['E1']);
    assert.equal(e.records[0]!.details, undefined);
    assert.deepEqual(e.groupsMissing, ['ug.journalists', 'ug.lgbtq']);
    assert.deepEqual(e.stages.filter((s) => s.gap).map((s) => s.stage), ['ideation', 'development', 'pilot']);
    const json = JSON.stringify(a);
    assert.ok(!json.includes('eng-tigray'), 'engagement id leaked');
    assert.ok(!json.includes("Example Women's Union"), 'organisation name leaked');
  });

  it('includes engagement details only when asked', () => {
    const full = assessFile(FIXTURE, true);
    assert.equal(full.engagement.records[0]!.id, 'eng-tigray-womens-union');
    assert.equal(full.engagement.records[0]!.details?.organisationName, "Example Women's Union");
    assert.deepEqual(full.matrix.cells[0]!.stakeholders.engaged, ['eng-tigray-womens-union']);
  });

  it('lists findings by severity with prompts, levers, review dates, sign-offs and waivers', () => {
    assert.ok(a.findings.length > 0);
    for (let i = 1; i < a.findings.length; i++) {
      const order = ['blocker', 'high', 'medium', 'low', 'info'];
      assert.ok(order.indexOf(a.findings[i - 1]!.severity) <= order.indexOf(a.findings[i]!.severity), 'findings sorted by severity');
    }
    assert.ok(a.findings.every((f) => Array.isArray(f.prompts)));
    assert.equal(a.levers.killSwitch?.flagKey, 'msg.voice_forward');
    assert.deepEqual(a.levers.levers.map((l) => l.flagKey), ['msg.forward_cap_fcs', 'msg.strip_chain']);
    assert.deepEqual(a.levers.consequenceScan.map((b) => b.bucket), ['act', 'influence']);
    assert.equal(a.earlyWarning.nextReview, '2026-10-30');
    assert.equal(a.earlyWarning.overdue, true);
    assert.deepEqual(a.governance.missingSignoffs, ['human_rights_lead', 'legal']);
    assert.equal(a.governance.waivers[0]?.rule, 'GOV-08');
  });

  it('states what was evaluated with which data, and never calls the feature safe', () => {
    assert.match(a.summary, /Evaluated “Voice note forwarding” at stage pilot against \d+ rules with World Bank FCS FY\d+/);
    assert.match(a.summary, /9 cells \(2 confirmed, 6 suggested, 1 dismissed/);
    assert.doesNotMatch(a.summary, /\bsafe/i);
  });
});

describe('assess: every example', () => {
  const dir = path.join(ROOT, 'examples');
  for (const name of fs.readdirSync(dir).filter((f) => /\.fcs\.ya?ml$/.test(f))) {
    it(`${name}: builds, ranks and never says safe`, () => {
      const a = assessFile(path.join(dir, name));
      assert.equal(a.parseFailed, false);
      // The feature's own name may say "safety"; the tool's words must not call anything safe.
      assert.doesNotMatch(a.summary.replace(a.feature.name ?? '', ''), /\bsafe/i);
      assert.deepEqual(a.matrix.cells.map((c) => c.rank), a.matrix.cells.map((_, i) => i + 1));
      const firstDismissed = a.matrix.cells.findIndex((c) => c.status === 'dismissed');
      if (firstDismissed >= 0) assert.ok(a.matrix.cells.slice(firstDismissed).every((c) => c.status === 'dismissed'), 'dismissed cells last');
      for (const c of a.matrix.cells) {
        if (c.status === 'dismissed') assert.ok(c.dismissalReasons.length > 0 || c.entries.every((e) => e.source === 'spec'));
        if (c.entries.every((e) => e.source === 'seed')) assert.equal(c.status, 'suggested', `${c.key}: seeded cells stay suggestions`);
      }
      assert.ok(a.engagement.records.every((r) => r.details === undefined), 'redacted by default');
    });
  }

  it('messaging-conflict.fcs.yaml: no harms rows, so every cell is a suggestion seeded from messaging and ranking', () => {
    const a = assessFile(path.join(dir, 'messaging-conflict.fcs.yaml'));
    assert.equal(a.matrix.counts.confirmed, 0);
    assert.equal(a.matrix.counts.suggested, a.matrix.counts.cells);
    const keys = a.matrix.cells.map((c) => c.key);
    assert.ok(keys.includes('ug.minority_ethnic|h.mis_disinformation'));
    assert.ok(keys.includes('ug.general|h.polarization_hate'), 'ranking seeds the general public');
    assert.ok(keys.includes('ug.journalists|h.surveillance_targeting'), 'messaging metadata seeds journalists');
    const rumours = a.matrix.cells.find((c) => c.key === 'ug.minority_ethnic|h.physical_violence');
    assert.deepEqual(rumours?.functions, ['fn.messaging', 'fn.ranking']);
  });

  const assessed = path.join(dir, 'compliant-assessed.fcs.yaml');
  (fs.existsSync(assessed) ? it : it.skip)('compliant-assessed.fcs.yaml: confirmed rows are scored and ranked first', () => {
    const a = assessFile(assessed);
    assert.ok(a.matrix.counts.confirmed > 0);
    const first = a.matrix.cells[0]!;
    assert.notEqual(first.status, 'dismissed');
    assert.ok(first.score, 'the top cell is scored');
  });
});
