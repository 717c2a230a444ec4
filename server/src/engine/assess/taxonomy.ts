// The taxonomy the assessment speaks (functions, user groups, harm types, stakeholders,
// conflict-interaction tags, data categories, stages), read from the spec schema so there is
// one list of ids, plus short human labels for reports and the guided flow.
import specSchema from '../../../../schemas/fcs-spec.schema.json';

type Schema = { properties?: Record<string, Schema>; items?: Schema; enum?: string[]; oneOf?: Schema[] };
const root = specSchema as unknown as Schema;

function enumAt(...path: string[]): string[] {
  let s: Schema | undefined = root;
  for (const p of path) {
    if (!s) return [];
    if (p === '[]') s = s.items ?? s.oneOf?.[0];
    else s = s.properties?.[p];
  }
  return [...(s?.enum ?? [])];
}

export const FUNCTIONS = enumAt('feature', 'functions', '[]');
export const USER_GROUPS = enumAt('user_groups', '[]');
export const HARMS = enumAt('harms', '[]', 'harm');
export const STAKEHOLDERS = enumAt('engagements', '[]', 'stakeholder_type');
export const CI_TAGS = enumAt('harms', '[]', 'conflict_interaction', '[]');
export const DATA_CATEGORIES = enumAt('data', '[]', 'category');
export const STAGES = enumAt('feature', 'lifecycle_stage');

export const FUNCTION_LABELS: Record<string, string> = {
  'fn.data_collection': 'Data collection',
  'fn.messaging': 'Messaging',
  'fn.social_graph': 'Social graph',
  'fn.location': 'Location',
  'fn.identity': 'Identity / verification',
  'fn.payments': 'Payments',
  'fn.ranking': 'Ranking / recommendation',
  'fn.moderation': 'Moderation / reporting',
  'fn.maps': 'Maps',
  'fn.ml_classification': 'AI/ML classification of people',
  'fn.connectivity': 'Connectivity',
  'fn.public_data': 'Data publication',
};

export const GROUP_LABELS: Record<string, string> = {
  'ug.general': 'General public',
  'ug.first_time_online': 'First-time internet users',
  'ug.low_literacy': 'People with low literacy',
  'ug.rural': 'Rural users',
  'ug.low_connectivity': 'Low-connectivity users',
  'ug.minority_ethnic': 'Ethnic minorities',
  'ug.minority_religious': 'Religious minorities',
  'ug.minority_linguistic': 'Linguistic minorities',
  'ug.women_girls': 'Women and girls',
  'ug.lgbtq': 'LGBTQ+ people',
  'ug.children_youth': 'Children and youth',
  'ug.persons_with_disabilities': 'Persons with disabilities',
  'ug.displaced': 'Displaced people',
  'ug.diaspora': 'Diaspora',
  'ug.journalists': 'Journalists',
  'ug.hrds_activists': 'Human-rights defenders and activists',
  'ug.humanitarian_workers': 'Humanitarian workers',
  'ug.political_actors': 'Political actors',
  'ug.criminalised_groups': 'Criminalised groups',
  'ug.combatants': 'Combatants',
  'ug.authorities': 'Authorities',
};

export const HARM_LABELS: Record<string, string> = {
  'h.physical_violence': 'Physical violence',
  'h.surveillance_targeting': 'Surveillance and targeting',
  'h.polarization_hate': 'Polarisation and hate',
  'h.mis_disinformation': 'Mis- and disinformation',
  'h.exclusion_discrimination': 'Exclusion and discrimination',
  'h.economic': 'Economic harm',
  'h.displacement': 'Displacement',
  'h.trust_erosion': 'Erosion of trust',
  'h.legal_exposure': 'Legal exposure',
  'h.psychological': 'Psychological harm',
  'h.information_access': 'Loss of information access',
};

export const STAGE_LABELS: Record<string, string> = {
  ideation: 'Ideation',
  design: 'Design',
  development: 'Development',
  pilot: 'Pilot (limited rollout)',
  deployment: 'Deployment (scale)',
  operation: 'Operation (monitoring)',
  crisis: 'Crisis (escalation)',
  exit: 'Exit (sunset or withdrawal)',
};

export const STAKEHOLDER_LABELS: Record<string, string> = {
  'sh.users': 'Users',
  'sh.non_users_affected': 'Affected non-users',
  'sh.at_risk_groups': 'At-risk groups',
  'sh.cso_local': 'Local civil society',
  'sh.hrd': 'Human-rights defenders',
  'sh.peacebuilders': 'Peacebuilders',
  'sh.womens_orgs': "Women's organisations",
  'sh.local_media': 'Local media',
  'sh.fact_checkers': 'Fact-checkers',
  'sh.trusted_flaggers': 'Trusted flaggers',
  'sh.digital_rights_orgs': 'Digital-rights organisations',
  'sh.community_religious_leaders': 'Community and religious leaders',
  'sh.national_gov': 'National government',
  'sh.regulator': 'Regulator',
  'sh.local_authority': 'Local authority',
  'sh.security_forces': 'Security forces',
  'sh.judiciary': 'Judiciary',
  'sh.state_armed_forces': 'State armed forces',
  'sh.non_state_armed_groups': 'Non-state armed groups',
  'sh.political_mobilisers': 'Political mobilisers',
  'sh.telco_isp': 'Telcos and ISPs',
  'sh.payment_provider': 'Payment providers',
  'sh.app_store': 'App stores',
  'sh.advertisers': 'Advertisers',
  'sh.local_partners_resellers': 'Local partners and resellers',
  'sh.moderation_vendors': 'Moderation vendors',
  'sh.un_agencies': 'UN agencies',
  'sh.humanitarian_orgs': 'Humanitarian organisations',
  'sh.donors': 'Donors',
  'sh.researchers': 'Researchers',
  'sh.product': 'Product team',
  'sh.trust_safety': 'Trust and safety',
  'sh.legal': 'Legal',
  'sh.human_rights_team': 'Human-rights team',
  'sh.security': 'Security team',
  'sh.local_staff': 'Local staff',
  'sh.exec_signoff': 'Executive sign-off',
  human_rights_lead: 'Human-rights lead',
  product_owner: 'Product owner',
  legal: 'Legal',
  exec: 'Executive',
};

/** A readable label for any taxonomy id (falls back to the id without its prefix). */
export function label(id: string): string {
  return (
    FUNCTION_LABELS[id] ??
    GROUP_LABELS[id] ??
    HARM_LABELS[id] ??
    STAGE_LABELS[id] ??
    STAKEHOLDER_LABELS[id] ??
    id.replace(/^[a-z]+\./, '').replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase())
  );
}
