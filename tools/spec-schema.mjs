// Source of schemas/fcs-spec.schema.json. Run `node tools/spec-schema.mjs` after editing;
// a unit test fails when the committed schema differs from this source.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const str = (description, extra = {}) => ({ type: 'string', description, ...extra });
const nstr = (description) => ({ type: ['string', 'null'], description });
const bool = (description) => ({ type: 'boolean', description });
const int = (description, extra = {}) => ({ type: ['integer', 'null'], description, ...extra });
const date = (description) => ({ type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
const list = (items, description) => ({ type: 'array', items, description });
const strs = (description) => list({ type: 'string' }, description);
const en = (values, description) => ({ type: 'string', enum: values, description });
const obj = (properties, description, required = []) => ({ type: 'object', description, additionalProperties: false, properties, ...(required.length ? { required } : {}) });
const lang = { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: 'BCP 47 language tag, e.g. am, ti, ar, pt-BR' };
const langs = (d) => list(lang, d);
const level = (d) => ({ type: ['integer', 'null'], minimum: 1, maximum: 4, description: d });
const country = { type: 'string', pattern: '^[A-Za-z]{2,3}$', description: 'ISO 3166-1 country code, alpha-3 (ETH) or alpha-2 (ET)' };

export const STAGES = ['ideation', 'design', 'development', 'pilot', 'deployment', 'operation', 'crisis', 'exit'];
export const FUNCTIONS = ['fn.data_collection', 'fn.messaging', 'fn.social_graph', 'fn.location', 'fn.identity', 'fn.payments', 'fn.ranking', 'fn.moderation', 'fn.maps', 'fn.ml_classification', 'fn.connectivity', 'fn.public_data'];
export const USER_GROUPS = ['ug.general', 'ug.first_time_online', 'ug.low_literacy', 'ug.rural', 'ug.low_connectivity', 'ug.minority_ethnic', 'ug.minority_religious', 'ug.minority_linguistic', 'ug.women_girls', 'ug.lgbtq', 'ug.children_youth', 'ug.persons_with_disabilities', 'ug.displaced', 'ug.diaspora', 'ug.journalists', 'ug.hrds_activists', 'ug.humanitarian_workers', 'ug.political_actors', 'ug.criminalised_groups', 'ug.combatants', 'ug.authorities'];
export const HARMS = ['h.physical_violence', 'h.surveillance_targeting', 'h.polarization_hate', 'h.mis_disinformation', 'h.exclusion_discrimination', 'h.economic', 'h.displacement', 'h.trust_erosion', 'h.legal_exposure', 'h.psychological', 'h.information_access'];
export const STAKEHOLDERS = ['sh.users', 'sh.non_users_affected', 'sh.at_risk_groups', 'sh.cso_local', 'sh.hrd', 'sh.peacebuilders', 'sh.womens_orgs', 'sh.local_media', 'sh.fact_checkers', 'sh.trusted_flaggers', 'sh.digital_rights_orgs', 'sh.community_religious_leaders', 'sh.national_gov', 'sh.regulator', 'sh.local_authority', 'sh.security_forces', 'sh.judiciary', 'sh.state_armed_forces', 'sh.non_state_armed_groups', 'sh.political_mobilisers', 'sh.telco_isp', 'sh.payment_provider', 'sh.app_store', 'sh.advertisers', 'sh.local_partners_resellers', 'sh.moderation_vendors', 'sh.un_agencies', 'sh.humanitarian_orgs', 'sh.donors', 'sh.researchers', 'sh.product', 'sh.trust_safety', 'sh.legal', 'sh.human_rights_team', 'sh.security', 'sh.local_staff', 'sh.exec_signoff'];
export const CI_TAGS = ['ci.divider_amplified', 'ci.connector_weakened', 'ci.connector_strengthened', 'ci.distribution_effect', 'ci.legitimisation', 'ci.capture_misuse', 'ci.market_effect', 'ci.implicit_message'];
export const DATA_CATEGORIES = ['content', 'contacts', 'communications_metadata', 'location_precise', 'location_coarse', 'device_identifiers', 'biometrics', 'government_id', 'financial_transactions', 'ethnicity', 'religion', 'political_opinion', 'sexual_orientation_gender_identity', 'health', 'group_membership', 'immigration_status', 'photos_media', 'inferred_attributes'];
export const SENSITIVE_ATTRIBUTES = ['ethnicity', 'tribe_clan', 'caste', 'religion', 'political_affiliation', 'sexual_orientation', 'gender_identity', 'immigration_status', 'health'];
export const PROXY_ATTRIBUTES = ['language', 'region', 'subnational', 'name_origin', 'device_locale'];
const ruleId = { type: 'string', pattern: '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$', description: 'Rule id, e.g. CTX-01' };

const userGroupRef = { type: 'string', enum: USER_GROUPS, description: 'A user group (ug.*)' };

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://fcs-lint.invalid/schemas/fcs-spec.schema.json',
  title: 'fcs-lint product spec (*.fcs.yaml), version 1',
  description: 'A product feature described for conflict-sensitive design review in fragile and conflict-affected settings.',
  type: 'object',
  additionalProperties: false,
  required: ['spec_version', 'feature'],
  properties: {
    $schema: str('Schema reference for editors'),
    spec_version: { const: 1, description: 'Spec format version; always 1' },
    feature: obj({
      id: str('Stable feature id', { pattern: '^[a-z0-9][a-z0-9._-]*$' }),
      name: str('Human-readable feature name'),
      summary: str('One or two sentences on what the feature does'),
      owner: str('Owning team'),
      lifecycle_stage: en(STAGES, 'Current lifecycle stage; rules apply from their stage onward'),
      functions: list({ type: 'string', enum: FUNCTIONS }, 'Product functions the feature has (fn.*)'),
      amplification: obj({
        max_forward_fanout: int('Most chats a message can be forwarded to at once; null = unlimited', { minimum: 0 }),
        forwarded_label: bool('Forwarded content is labelled as forwarded'),
        broadcast_max_members: int('Largest broadcast or channel audience; null = unlimited', { minimum: 0 }),
        rate_limits: bool('Forwarding and broadcast are rate-limited'),
      }, 'Reach and virality settings (messaging, ranking)'),
      ui_languages: langs('Languages of the UI, help and safety notices'),
      consent_languages: langs('Languages consent and privacy text is available in'),
      offline_mode: bool('Works offline or store-and-forward'),
      low_bandwidth_mode: bool('Has a low-bandwidth or lite mode'),
      shared_device_considered: bool('Shared handsets were considered (quick lock, discreet notifications)'),
      resilience_plan: nstr('Reference to the degraded-mode / shutdown plan'),
      zero_rating: bool('Access to the feature is zero-rated (free of data charges) through a telco deal'),
    }, 'The feature under review', ['id', 'name']),
    markets: list(obj({
      country,
      subnational: list({ type: 'string', pattern: '^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$', description: 'ISO 3166-2 subdivision code, e.g. ET-TI' }, 'Sub-national regions in scope'),
      setting: en(['urban', 'rural', 'mixed', 'camp'], 'Where users are'),
      languages: langs('Languages spoken by the users in this market'),
      connectivity: obj({
        shutdown_history: bool('Government-ordered shutdowns or throttling have happened here'),
        low_bandwidth: bool('Connectivity is mostly slow or expensive'),
      }, 'Connectivity conditions'),
      risk_signals: strs('Risk signals (recent_shutdown, violence_rising, closing_civic_space, …)'),
      upcoming_events: list(obj({ type: en(['election', 'referendum', 'anniversary', 'other'], 'Kind of event'), date: date('Date of the event'), note: str('Short note') }, 'A trigger event', ['type', 'date']), 'Upcoming trigger events'),
      authority_risk: en(['low', 'medium', 'high'], 'Can authorities or conflict parties compel or seize data here?'),
      sanctions: en(['none', 'partial', 'comprehensive'], 'Sanctions or embargo status (organisation-maintained)'),
      rollout: obj({
        regions: list({ type: 'string', pattern: '^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$', description: 'ISO 3166-2 subdivision code' }, 'Only these regions get the feature'),
        languages: langs('Only users of these languages get the feature'),
        groups: list(userGroupRef, 'Only these user groups get the feature'),
        reason: str('Why the rollout is partial'),
      }, 'A partial rollout within the market (omit when the whole market gets the feature)'),
      override: obj({
        category: en(['conflict', 'fragility', 'none'], 'Category to apply instead of the World Bank list'),
        reason: str('Why the override applies'),
        date: date('When the override was decided'),
      }, 'Organisation override of the FCS category for this market'),
    }, 'A target market', ['country']), 'Countries the feature launches in'),
    user_groups: list({
      oneOf: [
        userGroupRef,
        obj({ id: userGroupRef, criminalised_in: list(country, 'Markets where this group is criminalised'), note: str('Why this group is at risk here') }, 'A user group with context', ['id']),
      ],
    }, 'User groups in scope (ug.*)'),
    capabilities: obj({
      location: obj({
        proximity: bool('Shows distance or proximity to other users, or "people nearby"'),
        live_sharing: bool('Live or real-time location sharing'),
        sharing_default: en(['on', 'off'], 'Whether location sharing is on by default'),
        exif_stripped: bool('GPS metadata is removed from uploaded media'),
        public_geotags_default: bool('Posts are geotagged publicly by default'),
        region_flag_key: nstr('Flag that turns live location off per country or region'),
      }, 'Location capabilities'),
      social_graph: obj({
        contact_import: bool('Uploads or matches address books'),
        suggestions_default: en(['on', 'off', 'none'], '"People you may know" default'),
        suggestion_signals: list(en(['contacts', 'location', 'co_presence', 'mutual_friends', 'groups', 'other'], 'Signal'), 'Signals used for suggestions'),
        network_visibility: en(['self', 'contacts', 'public'], 'Default visibility of friend/follower lists'),
        membership_visibility: en(['self', 'contacts', 'public'], 'Default visibility of group membership'),
        lockdown_mode: obj({ exists: bool('A one-step profile lock exists'), flag_key: nstr('Flag that switches lockdown on per country') }, 'Emergency privacy mode'),
      }, 'Social-graph capabilities'),
      identity: obj({
        name_policy: en(['pseudonym', 'display', 'legal', 'authentic'], 'Naming policy'),
        government_id_required: bool('A government ID or KYC check gates use'),
        biometric_method: bool('Uses biometrics (face, fingerprint, iris) for identification'),
        official_badges_for: list(en(['security_forces', 'armed_groups', 'political_actors', 'government', 'media', 'other'], 'Actor type'), 'Actors who get badges or "official" status'),
      }, 'Identity and verification capabilities'),
      maps: obj({
        crowdsourced_layers: list(en(['police_military', 'checkpoints', 'protests', 'people', 'minorities', 'displaced', 'incidents', 'other'], 'Layer content'), 'User-contributed map layers'),
        heatmap: bool('Publishes heatmaps or density layers'),
        live_traffic: bool('Live traffic or crowd-density layer'),
        min_cell_size: int('Smallest count shown in an aggregate cell; null = no minimum', { minimum: 0 }),
        sparse_area_suppression: bool('Sparse areas are suppressed in aggregates'),
        disputed_names_reviewed: bool('Labels and boundaries in contested areas were reviewed'),
      }, 'Map capabilities'),
      ranking: obj({
        objective: en(['engagement', 'integrity_weighted', 'chronological', 'other'], 'What ranking optimises'),
        integrity_classifier_languages: langs('Languages with evaluated integrity/hate classifiers'),
        borderline_demotion: bool('Borderline or incitement content is demoted'),
        group_recommendations: bool('Groups or pages are recommended'),
        ad_targeting_attributes: strs('Attributes advertisers can target'),
        political_ads: bool('Political ads are allowed'),
        crisis_levers: list(obj({ lever: str('What it does'), flag_key: str('Flag key') }, 'A break-glass lever', ['lever']), 'Country-scoped crisis levers'),
      }, 'Ranking and recommendation capabilities'),
      ml: obj({
        person_level_outputs: list(en(['risk_score', 'identity', 'ethnicity', 'language_as_identity', 'face_match', 'other'], 'Output'), 'Person-level scores or labels produced'),
        face_recognition: bool('Uses face recognition'),
        evaluations: list(obj({ language: lang, population: str('Population or market'), date: date('Evaluation date'), precision: { type: 'number', minimum: 0, maximum: 1 }, recall: { type: 'number', minimum: 0, maximum: 1 } }, 'An evaluation record'), 'Evaluation records per language or population'),
        drift_monitoring: bool('Drift is monitored'),
      }, 'AI/ML classification capabilities'),
      distribution: obj({
        third_party_access: en(['none', 'api', 'enterprise', 'both'], 'Offered to third parties'),
        use_restrictions: bool('Acceptable-use / end-use restrictions apply'),
        customer_due_diligence: bool('Customers in FCS get due diligence'),
      }, 'How the capability is offered to others'),
    }, 'What the feature can do; rules read these to find high-risk behaviour'),
    data: list(obj({
      name: str('Field or dataset name'),
      category: en(DATA_CATEGORIES, 'Data category'),
      sensitivity: en(['low', 'medium', 'high', 'special'], 'Sensitivity'),
      source: en(['user_provided', 'observed', 'inferred', 'third_party'], 'How it is obtained'),
      purpose: str('Why it is collected'),
      retention_days: int('Days kept server-side (including backups); null = undefined', { minimum: 0 }),
      storage_region: str('Where it is stored (region or ISO country)'),
      encrypted_at_rest: bool('Encrypted at rest'),
      e2e: bool('End-to-end encrypted'),
      shared_with: list({ oneOf: [{ type: 'string' }, obj({ name: str('Recipient'), type: en(['processor', 'sdk', 'ad_network', 'data_broker', 'partner', 'authority'], 'Recipient type') }, 'A recipient', ['name'])] }, 'Who receives it'),
      visibility: en(['self', 'contacts', 'public', 'internal'], 'Who can see it'),
      deletion_on_emergency: bool('Can be purged in an emergency (crypto-shredding, remote wipe)'),
      emergency_runbook: nstr('Runbook for emergency deletion'),
    }, 'A data item', ['name', 'category']), 'Data collected or processed'),
    conflict_analysis: obj({
      ref: nstr('Where the analysis is kept'),
      date: date('When it was completed or last refreshed'),
      markets: list(country, 'Markets it covers (all markets when omitted)'),
      reviewed_by: strs('Roles who reviewed it'),
      drivers: strs('Drivers of conflict'),
      dividers: strs('What divides people'),
      connectors: strs('What connects people'),
      actors: strs('Actors and mobilisers'),
      sides: strs('Sides or communities of the divide'),
      repurposing_notes: nstr('How local users repurpose similar tools'),
    }, 'Context / conflict analysis (Do No Harm steps 1–5)'),
    engagements: list(obj({
      id: str('Pseudonymous id'),
      stakeholder_type: en(STAKEHOLDERS, 'Who was engaged (sh.*)'),
      represents: list(userGroupRef, 'User groups represented'),
      side_or_community: str('Side or community represented'),
      country,
      setting: en(['urban', 'rural', 'mixed', 'camp'], 'Setting'),
      date: date('Date'),
      lifecycle_stage: en(STAGES, 'Stage the engagement informed'),
      method: en(['interview', 'focus_group', 'workshop', 'survey', 'advisory_board', 'trusted_partner_channel'], 'Method'),
      safety_precautions: list(en(['pseudonymised', 'secure_channel', 'no_recording', 'informed_consent', 'offsite_storage', 'compensated'], 'Precaution'), 'Safety precautions taken'),
      organisation_name: str('Name of the organisation (avoid in high-risk markets)'),
      participant_names: strs('Names of participants (avoid; use pseudonyms)'),
      findings_ref: nstr('Where findings are kept (an access-controlled vault, not the repo)'),
      changed: strs('Mitigations or decisions this engagement produced'),
      reported_back: date('When results were reported back to participants'),
    }, 'An engagement record', ['id']), 'Community and civil-society engagement records'),
    harms: list(obj({
      id: str('Harm id'),
      user_group: userGroupRef,
      function: { type: 'string', enum: FUNCTIONS, description: 'Function involved' },
      harm: { type: 'string', enum: HARMS, description: 'Harm type (h.*)' },
      mechanism: str('How the harm happens'),
      conflict_interaction: list({ type: 'string', enum: CI_TAGS }, 'Do No Harm interaction tags'),
      stakeholders: obj({
        affected: strs('Affected stakeholders'),
        misusers: strs('Possible misusers'),
        duty_bearers: strs('Duty-bearers who must respond'),
        engaged: strs('Engagement ids that informed this row'),
      }, 'Stakeholders by role'),
      cause_type: en(['cause', 'contribute', 'linked'], 'UNGP 13 involvement'),
      likelihood: level('1–4'),
      scale: level('Gravity, 1–4'),
      scope: level('Number affected, 1–4'),
      irremediable: level('How hard to remedy, 1–4'),
      conflict_likelihood: level('Chance it creates or worsens conflict, 1–4'),
      mitigations: strs('Mitigation ids'),
      residual: en(['low', 'medium', 'high', 'critical'], 'Residual risk after mitigation'),
      accepted_by: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'null' }], description: 'Who accepted the residual risk' },
      status: en(['suggested', 'confirmed', 'dismissed'], 'Suggested rows come from the seed matrix until confirmed'),
      dismissal_reason: str('Why the row was dismissed'),
    }, 'A row of the users × harms matrix', ['id']), 'Harms (users × harms × risks × stakeholders)'),
    mitigations: list(obj({
      id: str('Mitigation id'),
      description: str('What it does'),
      flag_key: nstr('Feature flag that controls it'),
      status: en(['planned', 'implemented', 'verified'], 'Status'),
      type: en(['in_product', 'partner', 'policy', 'external'], 'Kind of mitigation'),
      markets: list(country, 'Markets where the mitigation is switched on (all markets when omitted)'),
    }, 'A mitigation', ['id']), 'Mitigations'),
    moderation: obj({
      user_generated_content: bool('Users can post content others see'),
      languages_human_review: langs('Languages with human reviewers'),
      classifier_languages: { type: 'object', description: 'Classifier evaluation per language', additionalProperties: obj({ precision: { type: 'number', minimum: 0, maximum: 1 }, recall: { type: 'number', minimum: 0, maximum: 1 }, evaluated: date('Evaluation date') }, 'Evaluation') },
      reporting_channels: list(en(['in_app', 'trusted_partner', 'trusted_flagger', 'sms', 'email', 'proactive_detection', 'other'], 'Channel'), 'How harmful content reaches review'),
      reporter_anonymous_to_reported: bool('The reported party cannot learn who reported'),
      brigading_detection: bool('Mass-reporting / brigading is detected'),
      notice: bool('Users get notice of enforcement'),
      appeal: bool('Users can appeal'),
      crisis_protocol: obj({
        exists: bool('A crisis protocol exists'),
        sla_hours_threat_to_life: int('Hours to act on threats to life or doxxing', { minimum: 0 }),
        local_experts: int('Local experts on the escalation path', { minimum: 0 }),
      }, 'Crisis escalation'),
    }, 'Content moderation and reporting'),
    grievance: obj({
      channels: list(en(['in_app', 'sms', 'ussd', 'partner_org', 'email', 'phone', 'web', 'in_person'], 'Channel'), 'Grievance channels'),
      languages: langs('Languages grievances are handled in'),
      anonymous_option: bool('Grievances can be raised anonymously'),
      response_sla_days: int('Days to respond', { minimum: 0 }),
      appeal: bool('Decisions can be appealed'),
      offline_access: bool('Reachable without data connectivity'),
      non_users: bool('Non-users can raise grievances'),
    }, 'Grievance and remedy mechanism'),
    kill_switch: obj({
      flag_key: nstr('Feature flag that turns the feature off'),
      scope: list(en(['global', 'country', 'subnational'], 'Scope'), 'Scopes it can be applied at'),
      owner: str('Who can use it'),
      last_tested: date('When it was last drilled'),
      time_to_disable_minutes: int('Minutes from decision to off', { minimum: 0 }),
      runbook: nstr('Runbook reference'),
      model_rollback: nstr('How to roll back a model (required with fn.ml_classification)'),
    }, 'How the feature is turned off'),
    escalation_contacts: list(obj({
      role: str('Role'),
      tz: str('IANA time zone, e.g. Africa/Addis_Ababa'),
      languages: langs('Languages'),
      markets: list(country, 'Markets covered'),
      reachable_24x7: bool('Reachable around the clock'),
    }, 'An escalation contact', ['role']), 'Who is paged when things go wrong'),
    authorities: obj({
      demands_process_ref: nstr('Policy for government demands (data, takedown, network orders)'),
      narrow_interpretation: bool('Demands are interpreted narrowly'),
      human_rights_review: bool('Demands get human-rights review'),
      transparency_reporting: bool('Demand numbers are published'),
      user_notification: en(['always', 'where_lawful', 'never'], 'Users are notified of demands'),
      local_entity_or_staff: bool('A local legal entity or staff exists'),
      staff_safety_plan: nstr('Staff-safety and demand-resistance plan'),
      state_partnership: bool('Partnership with state actors'),
      data_sharing_with: list(en(['security_forces', 'armed_groups', 'government', 'other'], 'Recipient'), 'Authorities data is shared with'),
    }, 'Handling of authorities and their demands'),
    legal: obj({ sanctions_review: nstr('Sanctions/export-control review reference') }, 'Legal reviews'),
    geo_block: obj({
      countries: list(country, 'Blocked countries'),
      reason: en(['sanctions', 'gov_order', 'other'], 'Why'),
      user_notice: bool('Blocked users are told why'),
      data_export: bool('Blocked users can export their data'),
      appeal: bool('Blocked users can appeal'),
    }, 'Geo-blocking'),
    lifecycle: obj({
      review_cadence_days: int('Days between reviews', { minimum: 1 }),
      early_warning_signals: list(en(['shutdown', 'election_window', 'violence_data', 'report_spike_language', 'cso_alert', 'fcs_list_change', 'doxxing_reports', 'government_demands', 'other'], 'Signal'), 'Signals that trigger re-review'),
      heightened_monitoring_plan: nstr('Plan for election or trigger-event windows'),
      exit_plan_ref: nstr('Responsible exit / withdrawal plan'),
      last_review: date('Date of the last review'),
    }, 'Lifecycle and early warning'),
    signoffs: list(obj({ role: en(['human_rights_lead', 'product_owner', 'legal', 'exec', 'other'], 'Role'), by: str('Who'), date: date('Date') }, 'A sign-off', ['role', 'by']), 'Sign-offs'),
    dd_answers: {
      type: 'object',
      description: 'Answers to due-diligence prompts, keyed by rule id',
      propertyNames: ruleId,
      additionalProperties: obj({
        answer: str('The answer'),
        by: str('Who answered'),
        date: date('When'),
        mitigations: strs('Mitigation ids that address the finding'),
      }, 'An answer', ['answer']),
    },
    dd_waivers: list(obj({
      rule: ruleId,
      reason: str('Why the finding is accepted for now'),
      approver: str('Named approver'),
      expires: date('Expiry date'),
      ticket: str('Tracking ticket'),
      at: str('JSON pointer of the one finding this waiver covers (all findings of the rule when omitted)'),
    }, 'A time-limited waiver', ['rule', 'reason', 'approver', 'expires']), 'Waivers: named, expiring acceptance of findings'),
  },
};

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'schemas', 'fcs-spec.schema.json');
export const SCHEMA_TEXT = JSON.stringify(schema, null, 2) + '\n';
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(out + '.tmp', SCHEMA_TEXT);
  fs.renameSync(out + '.tmp', out);
  console.log('wrote', path.relative(process.cwd(), out));
}
