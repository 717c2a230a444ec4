// Moderation and reporting rules (MOD-01..05).
import { describeRule } from './ruleCase';

const good = `moderation:
  user_generated_content: true
  languages_human_review: [ar]
  classifier_languages: {ar: {precision: 0.9, recall: 0.8, evaluated: 2026-09-01}}
  reporting_channels: [in_app, trusted_partner]
  reporter_anonymous_to_reported: true
  brigading_detection: true
  notice: true
  appeal: true
  crisis_protocol: {exists: true, sla_hours_threat_to_life: 2, local_experts: 3}
`;
const spec = (mod: string, country = 'SDN') => `spec_version: 1
feature:
  id: f
  name: F
  lifecycle_stage: development
  functions: [fn.moderation]
  ui_languages: [ar]
  consent_languages: [ar]
markets:
  - country: ${country}
    languages: [ar]
${mod}`;

describeRule({
  id: 'MOD-01',
  fires: { name: 'no Arabic reviewers (conflict)', text: spec(good.replace('languages_human_review: [ar]', 'languages_human_review: [en]')), severity: 'blocker', at: ['languages:', 'country:'], message: /no human review in ar/ },
  also: [
    { name: 'weak classifier (fragility)', text: spec(good.replace('recall: 0.8', 'recall: 0.4'), 'ZWE'), severity: 'high', at: ['languages:', 'country:'], message: /classifiers for ar are unevaluated or below/ },
  ],
  silent: [
    { name: 'reviewed and evaluated', text: spec(good) },
    { name: 'no user content', text: spec(good.replace('user_generated_content: true', 'user_generated_content: false').replace('[ar]', '[en]')) },
  ],
});

describeRule({
  id: 'MOD-02',
  fires: { name: 'in-app reporting only', text: spec(good.replace('[in_app, trusted_partner]', '[in_app]')), severity: 'high', at: 'reporting_channels', message: /only through in_app/ },
  silent: [{ name: 'trusted partner channel', text: spec(good) }],
});

describeRule({
  id: 'MOD-03',
  fires: { name: 'no appeal (conflict)', text: spec(good.replace('appeal: true', 'appeal: false')), severity: 'high', at: ['false', 'appeal:'], message: /no appeal/ },
  also: [
    { name: 'no notice, outside conflict', text: spec(good.replace('notice: true', 'notice: false'), 'FRA'), severity: 'medium', at: 'false\n  appeal' },
    { name: 'notice not stated, appeal offered', text: spec(good.replace('  notice: true\n', '')), severity: 'high', at: ['true', 'user_generated_content:'], message: /no notice$|no notice\./ },
  ],
  silent: [{ name: 'notice and appeal', text: spec(good) }],
});

describeRule({
  id: 'MOD-04',
  fires: { name: '48-hour SLA for threats to life', text: spec(good.replace('sla_hours_threat_to_life: 2', 'sla_hours_threat_to_life: 48')), severity: 'high', at: 'crisis_protocol', message: /allows 48 hours/ },
  also: [{ name: 'no protocol', text: spec(good.replace('exists: true', 'exists: false')), severity: 'high', at: 'crisis_protocol', message: /no crisis protocol/ }],
  silent: [{ name: 'two-hour SLA with local experts', text: spec(good) }],
});

describeRule({
  id: 'MOD-05',
  fires: { name: 'reporters exposed (conflict)', text: spec(good.replace('reporter_anonymous_to_reported: true', 'reporter_anonymous_to_reported: false')), severity: 'high', at: 'false', message: /can learn who reported/ },
  also: [
    { name: 'no brigading detection, outside conflict', text: spec(good.replace('brigading_detection: true', 'brigading_detection: false'), 'FRA'), severity: 'medium', at: ['false', 'brigading_detection:'], message: /mass reporting is not detected/ },
    { name: 'brigading detection not stated, reporters anonymous', text: spec(good.replace('  brigading_detection: true\n', '')), severity: 'high', at: ['true', 'user_generated_content:'], message: /mass reporting is not detected/ },
    {
      name: 'reporters exposed, brigading not detected',
      text: spec(good.replace('reporter_anonymous_to_reported: true', 'reporter_anonymous_to_reported: false').replace('brigading_detection: true', 'brigading_detection: false')),
      severity: 'high',
      at: ['false', 'reporter_anonymous_to_reported:'],
    },
  ],
  silent: [{ name: 'anonymous reporters, brigading detected', text: spec(good) }],
});
