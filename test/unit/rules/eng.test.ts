// Engagement rules (ENG-01..05): fire, escalate, land on the exact node, stay silent when compliant.
import { describeRule } from './ruleCase';

const spec = (stage: string, engagements: string, country = 'SDN', extra = '') => `spec_version: 1
feature:
  id: f
  name: F
  lifecycle_stage: ${stage}
  ui_languages: [ar]
  consent_languages: [ar]
markets:
  - country: ${country}
    languages: [ar]
user_groups: [ug.general, ug.journalists]
${engagements}${extra}`;

const eng = (fields: string) => `engagements:\n  - id: eng-01\n    stakeholder_type: sh.cso_local\n    country: SD\n${fields}`;
const good = '    represents: [ug.journalists]\n    lifecycle_stage: design\n    safety_precautions: [pseudonymised, secure_channel]\n    findings_ref: vault://eng-01\n    changed: [mit-01]\n';

describeRule({
  id: 'ENG-01',
  fires: { name: 'conflict market without engagement', text: spec('design', ''), severity: 'blocker', at: 'SDN' },
  also: [{ name: 'fragility market', text: spec('design', '', 'ZWE'), severity: 'high', at: 'ZWE' }],
  silent: [{ name: 'engagement recorded (alpha-2 code)', text: spec('design', eng(good)) }],
});

describeRule({
  id: 'ENG-02',
  fires: {
    name: 'design stage, only a development session',
    text: spec('design', eng(good.replace('lifecycle_stage: design', 'lifecycle_stage: development'))),
    severity: 'high',
    at: ['design', 'lifecycle_stage: '],
    message: /at the design stage/,
  },
  also: [{ name: 'in operation, never engaged while building', text: spec('operation', eng(good.replace('lifecycle_stage: design', 'lifecycle_stage: operation'))), severity: 'high', at: ['operation', 'lifecycle_stage: '] }],
  silent: [{ name: 'engaged at this stage', text: spec('design', eng(good)) }],
});

describeRule({
  id: 'ENG-03',
  fires: {
    name: 'journalists in scope but not represented (conflict)',
    text: spec('design', eng(good.replace('[ug.journalists]', '[ug.general]'))),
    severity: 'high',
    at: 'engagements:',
    message: /no one represents ug\.journalists/,
  },
  also: [
    { name: 'fragility market', text: spec('design', eng(good.replace('[ug.journalists]', '[ug.general]')).replace('SD\n', 'ZW\n'), 'ZWE'), severity: 'medium', at: 'engagements:' },
    {
      name: 'one side of the divide only',
      text: spec('design', eng(good + '    side_or_community: north\n'), 'SDN', 'conflict_analysis:\n  ref: x\n  sides: [north, south]\n'),
      severity: 'high',
      at: 'engagements:',
      message: /no one from south/,
    },
  ],
  silent: [{ name: 'at-risk group represented', text: spec('design', eng(good)) }],
});

describeRule({
  id: 'ENG-04',
  fires: {
    name: 'organisation named in a conflict market',
    text: spec('design', eng(good + '    organisation_name: Sudan Peace Network\n')),
    severity: 'high',
    at: 'Sudan Peace Network',
    message: /names the organisation/,
  },
  also: [
    { name: 'no precautions', text: spec('design', eng(good.replace('[pseudonymised, secure_channel]', '[]'))), severity: 'high', at: 'safety_precautions', message: /no safety precautions/ },
    { name: 'findings in a plain repo path', text: spec('design', eng(good.replace('vault://eng-01', 'docs/eng-01.md'))), severity: 'high', at: 'docs/eng-01.md', message: /plain path/ },
  ],
  silent: [{ name: 'pseudonymised, vaulted, precautions listed', text: spec('design', eng(good)) }],
});

describeRule({
  id: 'ENG-05',
  fires: { name: 'nothing changed or reported back (conflict)', text: spec('development', eng(good.replace('    changed: [mit-01]\n', ''))), severity: 'high', at: 'engagements:' },
  also: [{ name: 'fragility market', text: spec('development', eng(good.replace('    changed: [mit-01]\n', '')).replace('SD\n', 'ZW\n'), 'ZWE'), severity: 'medium', at: 'engagements:' }],
  silent: [
    { name: 'engagement changed a mitigation', text: spec('development', eng(good)) },
    { name: 'results reported back', text: spec('development', eng(good.replace('    changed: [mit-01]\n', '    reported_back: 2026-10-01\n'))) },
  ],
});
