// Data rules (DATA-01..09): fire, escalate, land on the exact node, stay silent when compliant.
import { describeRule } from './ruleCase';

const spec = (data: string, o: { country?: string; functions?: string; groups?: string; extra?: string } = {}) => `spec_version: 1
feature:
  id: f
  name: F
  lifecycle_stage: development
  functions: [${o.functions ?? 'fn.data_collection'}]
  ui_languages: [ar]
  consent_languages: [ar]
markets:
  - country: ${o.country ?? 'SDN'}
    languages: [ar]
user_groups: [${o.groups ?? 'ug.general'}]
data:
${data}${o.extra ?? ''}`;

const item = (name: string, category: string, more = '') => `  - name: ${name}\n    category: ${category}\n${more}`;
const safe = '    sensitivity: low\n    retention_days: 0\n    deletion_on_emergency: true\n    emergency_runbook: rb.md\n';

describeRule({
  id: 'DATA-01',
  fires: { name: 'ethnicity in a conflict market', text: spec(item('origin', 'ethnicity')), severity: 'blocker', at: 'ethnicity', message: /'origin' holds ethnicity data/ },
  also: [{ name: 'health data', text: spec(item('clinic', 'health')), severity: 'high', at: 'health' }],
  silent: [{ name: 'coarse location only', text: spec(item('city', 'location_coarse', safe)) }],
});

describeRule({
  id: 'DATA-02',
  fires: { name: 'biometrics in a conflict market', text: spec(item('face', 'biometrics')), severity: 'blocker', at: 'biometrics' },
  also: [{ name: 'fragility market', text: spec(item('face', 'biometrics'), { country: 'ZWE' }), severity: 'high', at: 'biometrics' }],
  silent: [{ name: 'no biometrics', text: spec(item('photo', 'photos_media', safe)) }],
});

describeRule({
  id: 'DATA-03',
  fires: { name: 'precise location kept 30 days', text: spec(item('gps', 'location_precise', '    retention_days: 30\n')), severity: 'high', at: 'location_precise', message: /kept for 30 days/ },
  also: [{ name: 'journalists in scope', text: spec(item('gps', 'location_precise', '    retention_days: 30\n'), { groups: 'ug.journalists' }), severity: 'blocker', at: 'location_precise' }],
  silent: [{ name: 'on-device only', text: spec(item('gps', 'location_precise', '    retention_days: 0\n    visibility: self\n')) }],
});

describeRule({
  id: 'DATA-04',
  fires: { name: 'high-sensitivity data kept a year (conflict)', text: spec(item('notes', 'content', '    sensitivity: high\n    retention_days: 365\n')), severity: 'high', at: '365' },
  also: [{ name: 'fragility market, no limit', text: spec(item('notes', 'content', '    sensitivity: special\n'), { country: 'ZWE' }), severity: 'medium', at: 'special' }],
  silent: [{ name: '30 days', text: spec(item('notes', 'content', '    sensitivity: high\n    retention_days: 30\n')) }],
});

describeRule({
  id: 'DATA-05',
  fires: {
    name: 'message metadata kept 90 days',
    text: spec(item('edges', 'communications_metadata', '    retention_days: 90\n'), { functions: 'fn.messaging' }),
    severity: 'high',
    at: '90',
    message: /kept 90 days \(at most 30\)/,
  },
  also: [
    { name: 'content not end-to-end encrypted', text: spec(item('msgs', 'content', '    e2e: false\n'), { functions: 'fn.messaging' }), severity: 'high', at: 'false' },
    // Each cause lands on its own key, not on the first key the item happens to have.
    { name: 'content not end-to-end encrypted, short retention', text: spec(item('msgs', 'content', '    retention_days: 7\n    e2e: false\n'), { functions: 'fn.messaging' }), severity: 'high', at: ['false', 'e2e:'], message: /not end-to-end encrypted/ },
    { name: 'metadata kept briefly but not encrypted at rest', text: spec(item('edges', 'communications_metadata', '    retention_days: 14\n    encrypted_at_rest: false\n'), { functions: 'fn.messaging' }), severity: 'high', at: ['false', 'encrypted_at_rest:'], message: /not encrypted at rest/ },
    { name: 'metadata kept without a limit', text: spec(item('edges', 'communications_metadata', '    e2e: true\n    encrypted_at_rest: true\n'), { functions: 'fn.messaging' }), severity: 'high', at: 'communications_metadata', message: /kept without a limit/ },
    { name: 'transactions kept 400 days', text: spec(item('ledger', 'financial_transactions', '    encrypted_at_rest: true\n    retention_days: 400\n'), { functions: 'fn.payments' }), severity: 'high', at: '400', message: /kept 400 days/ },
  ],
  silent: [{ name: 'short-lived, encrypted metadata', text: spec(item('edges', 'communications_metadata', '    retention_days: 14\n    encrypted_at_rest: true\n'), { functions: 'fn.messaging' }) }],
});

describeRule({
  id: 'DATA-06',
  fires: {
    name: 'address-book import',
    text: spec(item('x', 'content', safe), { extra: 'capabilities:\n  social_graph:\n    contact_import: true\n' }),
    severity: 'high',
    at: ['true', 'contact_import'],
  },
  also: [{ name: 'contacts data', text: spec(item('book', 'contacts', safe)), severity: 'high', at: 'data:' }],
  silent: [{ name: 'no contacts', text: spec(item('x', 'content', safe), { extra: 'capabilities:\n  social_graph:\n    contact_import: false\n' }) }],
});

const maps = (cap: string) => spec(item('x', 'content', safe), { functions: 'fn.maps', extra: `capabilities:\n  maps:\n    heatmap: true\n${cap}` });
describeRule({
  id: 'DATA-07',
  fires: { name: 'heatmap cells of 3', text: maps('    min_cell_size: 3\n'), severity: 'high', at: '3\n', message: /cells as small as 3 \(at least 10\)/ },
  also: [{ name: 'open data without a minimum', text: spec(item('x', 'content', safe), { functions: 'fn.public_data' }), severity: 'high', at: 'functions' }],
  silent: [
    { name: 'minimum cell size 20', text: maps('    min_cell_size: 20\n') },
    { name: 'sparse areas suppressed', text: maps('    sparse_area_suppression: true\n') },
  ],
});

describeRule({
  id: 'DATA-08',
  fires: { name: 'high-sensitivity data without purge', text: spec(item('notes', 'content', '    sensitivity: high\n    retention_days: 10\n')), severity: 'high', at: 'notes', message: /cannot be purged/ },
  also: [{ name: 'government ID in a conflict market', text: spec(item('ids', 'government_id', '    deletion_on_emergency: false\n')), severity: 'blocker', at: 'false' }],
  silent: [{ name: 'purgeable with a runbook', text: spec(item('notes', 'content', '    sensitivity: high\n    deletion_on_emergency: true\n    emergency_runbook: rb.md\n')) }],
});

const shared = (type: string, category = 'device_identifiers') => item('ids', category, `    shared_with:\n      - {name: adkit, type: ${type}}\n`);
describeRule({
  id: 'DATA-09',
  fires: { name: 'identifiers to an ad network (fragility)', text: spec(shared('ad_network'), { country: 'ZWE' }), severity: 'medium', at: 'shared_with', message: /adkit \(ad_network\)/ },
  also: [{ name: 'conflict market', text: spec(shared('sdk')), severity: 'high', at: 'shared_with' }],
  silent: [{ name: 'processor only', text: spec(shared('processor')) }],
});
