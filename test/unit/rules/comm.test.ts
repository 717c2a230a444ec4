// Communications (COMM-01) and ranking (RANK-01..03) rules.
import { describeRule } from './ruleCase';

const spec = (o: { country?: string; functions?: string; amp?: string; caps?: string; langs?: string } = {}) => `spec_version: 1
feature:
  id: f
  name: F
  lifecycle_stage: development
  functions: [${o.functions ?? 'fn.messaging'}]
  amplification:
${o.amp ?? '    max_forward_fanout: 5\n    forwarded_label: true\n    broadcast_max_members: 256\n    rate_limits: true\n'}  ui_languages: [ar, en]
  consent_languages: [ar, en]
markets:
  - country: ${o.country ?? 'SDN'}
    languages: [${o.langs ?? 'ar'}]
capabilities:
${o.caps ?? '  ranking:\n    crisis_levers: [{lever: reshare cap, flag_key: rank.crisis}]\n'}`;

describeRule({
  id: 'COMM-01',
  fires: {
    name: 'forward cap 20 in an FCS market',
    text: spec({ amp: '    max_forward_fanout: 20\n    forwarded_label: true\n    rate_limits: true\n' }),
    severity: 'high',
    at: '20',
    message: /forward cap is 20 \(at most 5 in FCS markets\)/,
  },
  also: [{ name: 'no label, outside FCS', text: spec({ country: 'FRA', amp: '    max_forward_fanout: 50\n    forwarded_label: false\n    rate_limits: true\n' }), severity: 'high', at: '50', message: /not labelled/ }],
  silent: [
    { name: 'cap 5, labelled, rate-limited', text: spec() },
    { name: 'high cap outside FCS', text: spec({ country: 'FRA', amp: '    max_forward_fanout: 50\n    forwarded_label: true\n    rate_limits: true\n' }) },
  ],
});

const ranking = (lines: string, o: Parameters<typeof spec>[0] = {}) =>
  spec({ functions: 'fn.ranking', caps: `  ranking:\n    crisis_levers: [{lever: pause recs, flag_key: rank.crisis}]\n${lines}`, ...o });
describeRule({
  id: 'RANK-01',
  fires: { name: 'no integrity classifier for ar (conflict)', text: ranking('    objective: engagement\n    borderline_demotion: true\n'), severity: 'blocker', at: ['languages:', 'country:'], message: /no evaluated integrity classifier for ar/ },
  also: [{ name: 'no demotion (fragility)', text: ranking('    integrity_classifier_languages: [ar]\n', { country: 'ZWE' }), severity: 'high', at: ['languages:', 'country:'], message: /does not demote/ }],
  silent: [
    { name: 'evaluated and demoting', text: ranking('    integrity_classifier_languages: [ar]\n    borderline_demotion: true\n') },
    { name: 'chronological feed', text: ranking('    objective: chronological\n') },
  ],
});

describeRule({
  id: 'RANK-02',
  fires: { name: 'messaging without levers', text: spec({ caps: '  ranking:\n    crisis_levers: []\n' }), severity: 'high', at: 'crisis_levers' },
  also: [{ name: 'levers without flags', text: spec({ caps: '  ranking:\n    crisis_levers: [{lever: pause recs}]\n' }), severity: 'high', at: 'crisis_levers' }],
  silent: [{ name: 'lever behind a flag', text: spec() }],
});

describeRule({
  id: 'RANK-03',
  fires: { name: 'targeting by religion', text: ranking('    ad_targeting_attributes: [age, religion]\n', { country: 'FRA' }), severity: 'high', at: 'ad_targeting_attributes', message: /target by religion/ },
  also: [
    { name: 'language proxy and political ads in a conflict market', text: ranking('    ad_targeting_attributes: [language]\n    political_ads: true\n'), severity: 'blocker', at: 'ad_targeting_attributes', message: /political ads are allowed/ },
  ],
  silent: [
    { name: 'age only', text: ranking('    ad_targeting_attributes: [age]\n') },
    { name: 'language proxy outside conflict markets', text: ranking('    ad_targeting_attributes: [language]\n', { country: 'FRA' }) },
  ],
});
