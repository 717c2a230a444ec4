// Authorities rules (AUTH-01..03).
import { describeRule } from './ruleCase';

const spec = (extra: string, o: { country?: string; market?: string } = {}) => `spec_version: 1
feature:
  id: f
  name: F
  lifecycle_stage: development
  ui_languages: [ar]
  consent_languages: [ar]
markets:
  - country: ${o.country ?? 'SDN'}
    languages: [ar]
${o.market ?? ''}${extra}`;
const good = 'authorities:\n  demands_process_ref: policy/demands.md\n  narrow_interpretation: true\n  human_rights_review: true\n';

describeRule({
  id: 'AUTH-01',
  fires: { name: 'no demands policy (conflict)', text: spec(''), severity: 'blocker', at: 'markets:', message: /No policy for government demands/ },
  also: [{ name: 'no human-rights review (fragility)', text: spec(good.replace('human_rights_review: true', 'human_rights_review: false'), { country: 'ZWE' }), severity: 'high', at: 'policy/demands.md', message: /not reviewed for human-rights impact/ }],
  silent: [{ name: 'policy, narrow reading, review', text: spec(good) }],
});

describeRule({
  id: 'AUTH-02',
  fires: {
    name: 'data stored in a high-risk country',
    text: spec('data:\n  - name: chats\n    category: content\n    storage_region: SDN\n', { market: '    authority_risk: high\n' }),
    severity: 'high',
    at: 'high',
    message: /stored in Sudan, where authorities can compel or seize it \(chats\)/,
  },
  also: [{ name: 'local staff without a safety plan', text: spec(good + '  local_entity_or_staff: true\n'), severity: 'high', at: 'SDN', message: /no safety and demand-resistance plan/ }],
  silent: [
    { name: 'stored outside the country', text: spec('data:\n  - name: chats\n    category: content\n    storage_region: EU\n', { market: '    authority_risk: high\n' }) },
    { name: 'local staff with a plan', text: spec(good + '  local_entity_or_staff: true\n  staff_safety_plan: sec/staff.md\n') },
  ],
});

describeRule({
  id: 'AUTH-03',
  fires: { name: 'state partnership', text: spec(good + '  state_partnership: true\n', { country: 'FRA' }), severity: 'high', at: ['true', 'state_partnership:'], message: /partnership with the state/ },
  also: [
    {
      name: 'badges for security forces in a conflict market',
      text: spec('capabilities:\n  identity:\n    official_badges_for: [security_forces]\n'),
      severity: 'blocker',
      at: 'official_badges_for',
      message: /official status is given to security_forces/i,
    },
  ],
  silent: [{ name: 'no partnership, badges for media only', text: spec(good + '  state_partnership: false\ncapabilities:\n  identity:\n    official_badges_for: [media]\n') }],
});
