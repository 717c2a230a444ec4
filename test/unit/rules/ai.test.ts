// AI / ML rules (AI-01..03).
import { describeRule } from './ruleCase';

const spec = (caps: string, o: { country?: string; functions?: string } = {}) => `spec_version: 1
feature:
  id: f
  name: F
  lifecycle_stage: development
  functions: [${o.functions ?? 'fn.ml_classification'}]
  ui_languages: [ar]
  consent_languages: [ar]
markets:
  - country: ${o.country ?? 'SDN'}
    languages: [ar]
capabilities:
${caps}`;
const evals = '    evaluations: [{language: ar, population: SDN, date: 2026-09-01, precision: 0.9, recall: 0.8}]\n    drift_monitoring: true\n';

describeRule({
  id: 'AI-01',
  fires: { name: 'risk scores about people (conflict)', text: spec('  ml:\n    person_level_outputs: [risk_score]\n'), severity: 'blocker', at: 'person_level_outputs', message: /person-level risk_score/ },
  also: [{ name: 'face recognition (fragility)', text: spec('  ml:\n    face_recognition: true\n', { country: 'ZWE' }), severity: 'high', at: 'true', message: /face recognition/ }],
  silent: [{ name: 'content-level model only', text: spec('  ml:\n    face_recognition: false\n') }],
});

describeRule({
  id: 'AI-02',
  fires: { name: 'no evaluation for ar', text: spec('  ml:\n    evaluations: []\n    drift_monitoring: true\n', { country: 'FRA' }), severity: 'high', at: 'evaluations', message: /no evaluation for ar/ },
  also: [{ name: 'no drift monitoring', text: spec('  ml:\n' + evals.replace('drift_monitoring: true', 'drift_monitoring: false')), severity: 'high', at: 'evaluations', message: /drift is not monitored/i }],
  silent: [{ name: 'evaluated per language, drift monitored', text: spec('  ml:\n' + evals) }],
});

describeRule({
  id: 'AI-03',
  fires: { name: 'API without use restrictions', text: spec('  distribution:\n    third_party_access: api\n'), severity: 'high', at: 'api', message: /no end-use restrictions, no due diligence on customers/ },
  also: [{ name: 'maps for enterprise, no customer checks', text: spec('  distribution:\n    third_party_access: enterprise\n    use_restrictions: true\n', { functions: 'fn.maps' }), severity: 'high', at: 'enterprise' }],
  silent: [
    { name: 'restricted with customer due diligence', text: spec('  distribution:\n    third_party_access: both\n    use_restrictions: true\n    customer_due_diligence: true\n') },
    { name: 'not offered to third parties', text: spec('  distribution:\n    third_party_access: none\n') },
  ],
});
