// Identity (ID-01..02) and social-graph (GRAPH-01..03) rules.
import { describeRule } from './ruleCase';

const spec = (caps: string, o: { country?: string; functions?: string; groups?: string; stage?: string; extra?: string } = {}) => `spec_version: 1
feature:
  id: f
  name: F
  lifecycle_stage: ${o.stage ?? 'development'}
  functions: [${o.functions ?? 'fn.identity'}]
  ui_languages: [ar]
  consent_languages: [ar]
markets:
  - country: ${o.country ?? 'SDN'}
    languages: [ar]
user_groups: [${o.groups ?? 'ug.general'}]
capabilities:
${caps}${o.extra ?? ''}`;

describeRule({
  id: 'ID-01',
  fires: { name: 'legal names required', text: spec('  identity:\n    name_policy: legal\n'), severity: 'high', at: 'legal', message: /legal name/ },
  also: [{ name: 'activists in scope in FCS', text: spec('  identity:\n    name_policy: authentic\n', { groups: 'ug.hrds_activists' }), severity: 'blocker', at: 'authentic' }],
  silent: [{ name: 'pseudonyms allowed', text: spec('  identity:\n    name_policy: pseudonym\n') }],
});

describeRule({
  id: 'ID-02',
  fires: { name: 'ID gate with rural users', text: spec('  identity:\n    government_id_required: true\n', { groups: 'ug.rural', country: 'KEN' }), severity: 'high', at: 'true', message: /rural users are in scope/ },
  also: [{ name: 'displaced people in an FCS market', text: spec('  identity:\n    government_id_required: true\n', { groups: 'ug.displaced' }), severity: 'blocker', at: 'true' }],
  silent: [{ name: 'no ID gate', text: spec('  identity:\n    government_id_required: false\n', { groups: 'ug.displaced' }) }],
});

const graph = (lines: string, o: Parameters<typeof spec>[1] = {}) => spec(`  social_graph:\n${lines}`, { functions: 'fn.social_graph', ...o });
const lockdown = '    lockdown_mode: {exists: true, flag_key: graph.lockdown}\n';
describeRule({
  id: 'GRAPH-01',
  fires: { name: 'suggestions on by default in FCS', text: graph('    suggestions_default: "on"\n    suggestion_signals: [contacts, location]\n'), severity: 'high', at: '"on"', message: /driven by contacts, location/ },
  also: [{ name: 'unlisted market with journalists', text: graph('    suggestions_default: "on"\n', { country: 'FRA', groups: 'ug.journalists' }), severity: 'high', at: '"on"' }],
  silent: [
    { name: 'opt-in discovery', text: graph('    suggestions_default: "off"\n') },
    { name: 'unlisted market, general public', text: graph('    suggestions_default: "on"\n', { country: 'FRA' }) },
  ],
});

describeRule({
  id: 'GRAPH-02',
  fires: { name: 'public friend lists', text: graph('    network_visibility: public\n'), severity: 'high', at: 'public', message: /Friend and follower lists are public/ },
  also: [
    { name: 'public memberships', text: graph('    membership_visibility: public\n'), severity: 'high', at: 'public' },
    // Each cause lands on its own key, even when the other key is present and harmless.
    { name: 'public friend lists after private memberships', text: graph('    membership_visibility: self\n    network_visibility: public\n'), severity: 'high', at: ['public', 'network_visibility:'] },
    { name: 'public memberships after private friend lists', text: graph('    network_visibility: contacts\n    membership_visibility: public\n'), severity: 'high', at: ['public', 'membership_visibility:'], message: /group memberships are public/i },
  ],
  silent: [{ name: 'contacts only', text: graph('    network_visibility: contacts\n    membership_visibility: self\n') }],
});

describeRule({
  id: 'GRAPH-03',
  fires: { name: 'no lockdown mode (conflict)', text: graph('    network_visibility: self\n'), severity: 'high', at: 'social_graph:' },
  also: [
    { name: 'lockdown without a country flag (fragility)', text: graph('    lockdown_mode: {exists: true}\n', { country: 'ZWE' }), severity: 'medium', at: 'lockdown_mode', message: /per country/ },
  ],
  silent: [{ name: 'lockdown behind a flag', text: graph(lockdown) }],
});
