// Governance and lifecycle rules (GOV-01..09).
import { describeRule } from './ruleCase';

const spec = (extra: string, o: { country?: string; stage?: string; functions?: string; groups?: string; market?: string } = {}) => `spec_version: 1
feature:
  id: f
  name: F
  lifecycle_stage: ${o.stage ?? 'pilot'}
  functions: [${o.functions ?? 'fn.data_collection'}]
  ui_languages: [ar]
  consent_languages: [ar]
markets:
  - country: ${o.country ?? 'SDN'}
    languages: [ar]
${o.market ?? ''}user_groups: [${o.groups ?? 'ug.general'}]
${extra}`;
const ks = 'kill_switch:\n  flag_key: f.kill\n  scope: [global, country]\n  last_tested: 2026-11-01\n  time_to_disable_minutes: 10\n  runbook: rb/kill.md\n';

describeRule({
  id: 'GOV-01',
  fires: { name: 'no kill switch', text: spec(''), severity: 'blocker', at: 'functions' },
  also: [{ name: 'ML without model rollback', text: spec(ks, { functions: 'fn.ml_classification' }), severity: 'blocker', at: 'f.kill', message: /model rollback/ }],
  silent: [{ name: 'kill switch recorded', text: spec(ks) }],
});

describeRule({
  id: 'GOV-02',
  fires: { name: 'global-only and never tested', text: spec('kill_switch:\n  flag_key: f.kill\n  scope: [global]\n  runbook: rb.md\n'), severity: 'high', at: 'f.kill', message: /cannot be applied per country, it has never been tested/ },
  also: [{ name: 'slow', text: spec(ks.replace('time_to_disable_minutes: 10', 'time_to_disable_minutes: 240')), severity: 'high', at: 'f.kill', message: /takes 240 minutes/ }],
  silent: [
    { name: 'per country, drilled, fast', text: spec(ks) },
    { name: 'not checked before pilot', text: spec('kill_switch:\n  flag_key: f.kill\n', { stage: 'development' }) },
  ],
});

const contact = 'escalation_contacts:\n  - {role: hr_lead, languages: [ar], reachable_24x7: true}\n';
describeRule({
  id: 'GOV-03',
  fires: { name: 'no contacts', text: spec(''), severity: 'high', at: 'SDN', message: /No escalation contacts are recorded/ },
  also: [{ name: 'contact without the market language', text: spec(contact.replace('[ar]', '[en]')), severity: 'high', at: 'SDN', message: /covers Sudan or speaks ar/ }],
  silent: [{ name: '24/7 Arabic-speaking contact', text: spec(contact) }],
});

const grievance = 'grievance:\n  channels: [in_app, sms]\n  languages: [ar]\n  anonymous_option: true\n  response_sla_days: 7\n  appeal: true\n';
describeRule({
  id: 'GOV-04',
  fires: { name: 'grievance not in Arabic', text: spec(grievance.replace('languages: [ar]', 'languages: [en]')), severity: 'high', at: 'channels', message: /does not handle ar/ },
  also: [
    { name: 'no grievance at all', text: spec(''), severity: 'high', at: 'markets:', message: /no grievance channel/ },
    {
      name: 'rural market, app-only',
      text: spec(grievance.replace('[in_app, sms]', '[in_app]'), { market: '    setting: rural\n' }),
      severity: 'high',
      at: 'channels',
      message: /cannot be reached without data/,
    },
  ],
  silent: [{ name: 'multi-channel, anonymous, answered within a week', text: spec(grievance, { market: '    setting: rural\n' }) }],
});

const harm = (id: string, g: string, f: string, more = '') =>
  `  - {id: ${id}, user_group: ${g}, function: ${f}, harm: h.surveillance_targeting, likelihood: 2, scale: 3, scope: 2, irremediable: 3, stakeholders: {affected: [sh.users]}${more}}\n`;
describeRule({
  id: 'GOV-05',
  fires: {
    name: 'missing pair (conflict)',
    text: spec('harms:\n' + harm('hm-1', 'ug.general', 'fn.location'), { functions: 'fn.location, fn.payments', stage: 'design' }),
    severity: 'high',
    at: 'harms:',
    message: /ug\.general × fn\.payments/,
  },
  also: [
    {
      name: 'unscored row (fragility)',
      text: spec('harms:\n  - {id: hm-1, user_group: ug.general, function: fn.location, harm: h.economic}\n', { functions: 'fn.location', country: 'ZWE', stage: 'design' }),
      severity: 'medium',
      at: 'harms:',
      message: /rows hm-1 lack/i,
    },
  ],
  silent: [
    { name: 'every pair scored', text: spec('harms:\n' + harm('hm-1', 'ug.general', 'fn.location'), { functions: 'fn.location', stage: 'design' }) },
    { name: 'no high-risk function', text: spec('', { stage: 'design' }) },
  ],
});

describeRule({
  id: 'GOV-06',
  fires: { name: 'high residual, nobody accepted', text: spec('harms:\n' + harm('hm-1', 'ug.general', 'fn.location', ', residual: high')), severity: 'high', at: ['high', 'residual:'], message: /nobody has accepted it/ },
  also: [
    {
      name: 'critical, accepted without dual sign-off',
      text: spec('harms:\n' + harm('hm-1', 'ug.general', 'fn.location', ', residual: critical, accepted_by: pm-lead')),
      severity: 'blocker',
      at: 'pm-lead',
      message: /without both an executive and a human-rights lead/,
    },
  ],
  silent: [
    { name: 'high residual with named owner', text: spec('harms:\n' + harm('hm-1', 'ug.general', 'fn.location', ', residual: high, accepted_by: vp-product')) },
    {
      name: 'critical with exec and human-rights sign-off',
      text: spec('harms:\n' + harm('hm-1', 'ug.general', 'fn.location', ', residual: critical, accepted_by: [vp, hr-lead]') + 'signoffs:\n  - {role: exec, by: vp}\n  - {role: human_rights_lead, by: hr-lead}\n'),
    },
  ],
});

const lifecycle = 'lifecycle:\n  review_cadence_days: 90\n  early_warning_signals: [shutdown, cso_alert]\n  exit_plan_ref: docs/exit.md\n';
describeRule({
  id: 'GOV-07',
  fires: { name: 'no signals (conflict)', text: spec(lifecycle.replace('[shutdown, cso_alert]', '[]')), severity: 'high', at: 'early_warning_signals', message: /No early-warning signals/ },
  also: [
    {
      name: 'election within 90 days without a plan (fragility)',
      text: spec(lifecycle, { country: 'ZWE', market: '    upcoming_events: [{type: election, date: 2027-01-20}]\n' }),
      severity: 'high',
      at: 'early_warning_signals',
      message: /election or referendum is less than 90 days away/,
    },
    { name: 'no cadence (fragility)', text: spec(lifecycle.replace('  review_cadence_days: 90\n', ''), { country: 'ZWE' }), severity: 'medium', at: 'early_warning_signals' },
  ],
  silent: [
    { name: 'signals and cadence', text: spec(lifecycle) },
    { name: 'election with a monitoring plan', text: spec(lifecycle + '  heightened_monitoring_plan: docs/election.md\n', { country: 'ZWE', market: '    upcoming_events: [{type: election, date: 2027-01-20}]\n' }) },
  ],
});

describeRule({
  id: 'GOV-08',
  fires: { name: 'no exit plan at deployment (conflict)', text: spec('lifecycle:\n  review_cadence_days: 90\n', { stage: 'deployment' }), severity: 'high', at: 'lifecycle:' },
  also: [{ name: 'fragility market', text: spec('', { stage: 'deployment', country: 'ZWE' }), severity: 'medium', at: 'deployment' }],
  silent: [
    { name: 'exit plan recorded', text: spec(lifecycle, { stage: 'deployment' }) },
    { name: 'not yet at deployment', text: spec('', { stage: 'pilot' }) },
  ],
});

describeRule({
  id: 'GOV-09',
  fires: {
    name: 'rollout in one region of a conflict market',
    text: spec('', { market: '    rollout: {regions: [SD-KH], reason: capital first}\n' }),
    severity: 'high',
    at: 'rollout',
    message: /reaches only part of the market \(SD-KH\)/,
  },
  also: [
    {
      name: 'safety mitigation switched on elsewhere only (fragility)',
      text: spec('mitigations:\n  - {id: mit-1, description: forward cap, flag_key: cap, markets: [KEN]}\n', { country: 'ZWE' }),
      severity: 'medium',
      at: 'ZWE',
      message: /safety mitigations mit-1 are not switched on/,
    },
  ],
  silent: [{ name: 'whole market, mitigation everywhere', text: spec('mitigations:\n  - {id: mit-1, description: forward cap, flag_key: cap, markets: [SD]}\n') }],
});
