// Deterministic (seeded) generator of a realistic benchmark corpus: *.fcs.yaml specs, flag files
// in each supported format, and Markdown PRDs. Same seed, same bytes.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type R = () => number;
const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const some = <T>(r: R, xs: readonly T[], min: number, max: number): T[] => {
  const n = min + Math.floor(r() * (max - min + 1));
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0] as T);
  return out;
};

const MARKETS: [string, string[]][] = [
  ['ETH', ['am', 'om', 'ti']], ['SDN', ['ar']], ['MMR', ['my']], ['KEN', ['en', 'sw']], ['NGA', ['en', 'ha', 'yo']],
  ['UKR', ['uk', 'ru']], ['COL', ['es']], ['ZWE', ['en', 'sn']], ['IND', ['hi', 'en']], ['FRA', ['fr']],
  ['LBN', ['ar', 'fr']], ['HTI', ['fr', 'ht']], ['SSD', ['en', 'ar']], ['BRA', ['pt']], ['PSE', ['ar']],
];
const FUNCTIONS = ['fn.messaging', 'fn.social_graph', 'fn.location', 'fn.identity', 'fn.payments', 'fn.ranking', 'fn.moderation', 'fn.maps', 'fn.data_collection'];
const GROUPS = ['ug.general', 'ug.minority_ethnic', 'ug.journalists', 'ug.lgbtq', 'ug.displaced', 'ug.women_girls', 'ug.first_time_online', 'ug.rural'];
const DATA = ['content', 'contacts', 'communications_metadata', 'location_precise', 'location_coarse', 'device_identifiers', 'financial_transactions', 'photos_media', 'government_id'];
const HARMS = ['h.physical_violence', 'h.surveillance_targeting', 'h.polarization_hate', 'h.mis_disinformation', 'h.exclusion_discrimination', 'h.economic'];
const STAGES = ['design', 'development', 'pilot', 'deployment'];
const date = (r: R) => `2026-${String(1 + Math.floor(r() * 10)).padStart(2, '0')}-${String(1 + Math.floor(r() * 27)).padStart(2, '0')}`;

export function specText(r: R, i: number): string {
  const markets = some(r, MARKETS, 1, 4);
  const fns = some(r, FUNCTIONS, 1, 4);
  const langs = [...new Set(markets.flatMap(([, l]) => l))];
  const L: string[] = [];
  L.push('# Generated benchmark spec', 'spec_version: 1', 'feature:', `  id: bench-feature-${i}`, `  name: Benchmark feature ${i}`);
  L.push(`  summary: A feature generated for benchmarking, number ${i}.`, `  owner: team-${pick(r, ['growth', 'messaging', 'payments', 'maps'])}`);
  L.push(`  lifecycle_stage: ${pick(r, STAGES)}`, `  functions: [${fns.join(', ')}]`);
  L.push('  amplification:', `    max_forward_fanout: ${pick(r, [5, 10, 20, 'null'])}`, `    forwarded_label: ${r() > 0.3}`);
  L.push(`  ui_languages: [${some(r, langs, 1, langs.length).join(', ')}]`, `  consent_languages: [${some(r, langs, 1, langs.length).join(', ')}]`);
  L.push(`  offline_mode: ${r() > 0.5}`, `  low_bandwidth_mode: ${r() > 0.5}`, `  shared_device_considered: ${r() > 0.5}`);
  L.push('markets:');
  for (const [c, l] of markets) {
    L.push(`  - country: ${c}`, `    setting: ${pick(r, ['urban', 'rural', 'mixed', 'camp'])}`, `    languages: [${l.join(', ')}]`);
    L.push(`    connectivity: {shutdown_history: ${r() > 0.5}, low_bandwidth: ${r() > 0.5}}`, `    authority_risk: ${pick(r, ['low', 'medium', 'high'])}`);
    if (r() > 0.6) L.push('    upcoming_events:', `      - {type: election, date: ${date(r)}}`);
  }
  L.push(`user_groups: [${some(r, GROUPS, 1, 4).join(', ')}]`, 'data:');
  const nData = 2 + Math.floor(r() * 6);
  for (let d = 0; d < nData; d++) {
    L.push(`  - name: field_${d}`, `    category: ${pick(r, DATA)}`, `    sensitivity: ${pick(r, ['low', 'medium', 'high', 'special'])}`);
    L.push(`    retention_days: ${pick(r, [7, 30, 90, 365, 'null'])}`, `    encrypted_at_rest: ${r() > 0.2}`, `    visibility: ${pick(r, ['self', 'contacts', 'internal'])}`);
    L.push(`    deletion_on_emergency: ${r() > 0.5}`);
  }
  if (r() > 0.3) {
    L.push('conflict_analysis:', `  ref: docs/ca/analysis-${i}.md`, `  date: ${date(r)}`, '  reviewed_by: [human_rights_team, local_expert]');
    L.push('  dividers: ["land", "identity narratives"]', '  connectors: ["markets", "festivals"]', '  actors: ["armed groups", "local officials"]', '  repurposing_notes: "voice notes forwarded as screenshots"');
  }
  const nEng = Math.floor(r() * 4);
  if (nEng) L.push('engagements:');
  for (let e = 0; e < nEng; e++) {
    const [c] = pick(r, markets);
    L.push(`  - id: eng-${e}`, '    stakeholder_type: sh.cso_local', `    represents: [${pick(r, GROUPS)}]`, `    country: ${c}`, `    date: ${date(r)}`);
    L.push(`    lifecycle_stage: ${pick(r, STAGES)}`, '    method: focus_group', '    safety_precautions: [pseudonymised, secure_channel]', `    changed: [mit-${e}]`);
  }
  const nHarm = Math.floor(r() * 5);
  if (nHarm) L.push('harms:');
  for (let h = 0; h < nHarm; h++) {
    L.push(`  - id: hm-${h}`, `    user_group: ${pick(r, GROUPS)}`, `    function: ${pick(r, fns)}`, `    harm: ${pick(r, HARMS)}`);
    L.push('    mechanism: "rumour forwarded to many groups"', `    likelihood: ${1 + Math.floor(r() * 4)}`, `    scale: ${1 + Math.floor(r() * 4)}`);
    L.push(`    scope: ${1 + Math.floor(r() * 4)}`, `    irremediable: ${1 + Math.floor(r() * 4)}`, `    residual: ${pick(r, ['low', 'medium', 'high'])}`);
  }
  L.push('mitigations:');
  for (let m = 0; m < 3; m++) L.push(`  - {id: mit-${m}, description: "mitigation ${m}", flag_key: bench.mit_${i}_${m}, status: ${pick(r, ['planned', 'implemented'])}}`);
  L.push('moderation:', '  user_generated_content: true', `  languages_human_review: [${some(r, langs, 0, langs.length).join(', ')}]`, '  reporting_channels: [in_app, trusted_partner]');
  L.push('  notice: true', '  appeal: true', '  crisis_protocol: {exists: true, sla_hours_threat_to_life: 2, local_experts: 2}');
  L.push('grievance:', '  channels: [in_app, sms]', `  languages: [${langs.slice(0, 2).join(', ')}]`, '  anonymous_option: true', '  response_sla_days: 7', '  appeal: true');
  L.push('kill_switch:', `  flag_key: bench.kill_${i}`, `  scope: [${pick(r, ['global', 'global, country', 'global, country, subnational'])}]`, `  last_tested: ${date(r)}`, '  runbook: runbooks/kill.md');
  L.push('escalation_contacts:', '  - {role: human_rights_lead, tz: Africa/Nairobi, reachable_24x7: true}');
  L.push('lifecycle:', '  review_cadence_days: 90', '  early_warning_signals: [shutdown, election_window]');
  if (r() > 0.5) L.push('dd_answers:', `  CTX-04: {answer: "localisation planned", by: pm, date: ${date(r)}}`);
  return L.join('\n') + '\n';
}

export function prdText(r: R, i: number): string {
  const [c, l] = pick(r, MARKETS);
  const L = ['---', 'title: Benchmark PRD ' + i, 'fcs:', '  spec_version: 1', '  feature:', `    id: prd-${i}`, `    name: PRD feature ${i}`, `    lifecycle_stage: ${pick(r, STAGES)}`, `    functions: [${some(r, FUNCTIONS, 1, 3).join(', ')}]`, `    ui_languages: [${l.join(', ')}]`, '  markets:', `    - {country: ${c}, languages: [${l.join(', ')}]}`, '---', '', `# PRD ${i}: a generated product requirements document`, ''];
  const paras = [
    'Users can share a post with several groups at once; shared posts are labelled.',
    'The map shows nearby stores and their opening hours, not people.',
    'We will not upload the address book; matching happens on the device.',
    'Recommendations come from the editorial board, reviewed weekly.',
    'Payments use the existing mobile money partner in the pilot region.',
    'The onboarding flow asks for a display name; legal names are never shown.',
  ];
  for (const h of ['Problem', 'Goals', 'Non-goals', 'Design', 'Conflict analysis', 'Community engagement', 'Harms', 'Mitigations', 'Kill switch', 'Grievance']) {
    L.push(`## ${h}`, '');
    for (let p = 0; p < 2 + Math.floor(r() * 3); p++) L.push(pick(r, paras), '');
    if (r() > 0.7) L.push('- item one', '- item two', '');
  }
  return L.join('\n');
}

const FLAG_KINDS = ['flagd', 'flipt', 'goff', 'unleash', 'launchdarkly'] as const;

export function flagText(r: R, i: number): { name: string; text: string } {
  const kind = FLAG_KINDS[i % FLAG_KINDS.length]!;
  const keys = Array.from({ length: 4 + Math.floor(r() * 6) }, (_, k) => pick(r, ['msg.forward_v2', 'nearby-people', 'live-location', 'contact-upload', 'feed-ranking-v3', 'dark-mode', 'checkout-redesign', 'wallet-transfers']) + `-${i}-${k}`);
  const countries = () => some(r, MARKETS.map(([c]) => c), 1, 3);
  const pct = () => pick(r, [0, 5, 10, 25, 50, 100]);
  if (kind === 'flagd') {
    const flags: Record<string, unknown> = {};
    for (const k of keys) {
      flags[k] = {
        state: r() > 0.2 ? 'ENABLED' : 'DISABLED', variants: { on: true, off: false }, defaultVariant: pick(r, ['on', 'off']),
        targeting: { if: [{ in: [{ var: 'country' }, countries()] }, { fractional: [['on', pct()], ['off', 100 - pct()]] }, 'off'] },
      };
    }
    return { name: `flags-${i}.flagd.json`, text: JSON.stringify({ $schema: 'https://flagd.dev/schema/v0/flags.json', flags }, null, 2) + '\n' };
  }
  if (kind === 'flipt') {
    const L = ['version: "1.2"', 'namespace: default', 'flags:'];
    for (const k of keys) {
      L.push(`  - key: ${k}`, `    name: ${k}`, '    type: BOOLEAN_FLAG_TYPE', `    enabled: ${r() > 0.2}`, '    rollouts:', '      - segment:', `          key: seg-${k}`, '          value: true', '      - threshold:', `          percentage: ${pct()}`, '          value: true');
    }
    L.push('segments:');
    for (const k of keys) L.push(`  - key: seg-${k}`, `    name: seg-${k}`, '    match_type: ALL_MATCH_TYPE', '    constraints:', '      - type: STRING_COMPARISON_TYPE', '        property: country', '        operator: isoneof', `        value: '${JSON.stringify(countries())}'`);
    return { name: `features-${i}.flipt.yml`, text: L.join('\n') + '\n' };
  }
  if (kind === 'goff') {
    const L: string[] = [];
    for (const k of keys) {
      L.push(`${k}:`, '  variations:', '    enabled: true', '    disabled: false', '  targeting:', `    - query: country in ["${countries().join('","')}"]`, '      percentage:', `        enabled: ${pct()}`, `        disabled: ${100 - pct()}`, '  defaultRule:', '    variation: disabled');
    }
    return { name: `flags-${i}.goff.yaml`, text: L.join('\n') + '\n' };
  }
  if (kind === 'unleash') {
    const features = keys.map((k) => ({
      name: k, enabled: r() > 0.2, strategies: [{ name: 'flexibleRollout', parameters: { rollout: String(pct()), stickiness: 'default', groupId: k }, constraints: [{ contextName: 'country', operator: 'IN', values: countries() }] }],
    }));
    return { name: `unleash-${i}.json`, text: JSON.stringify({ version: 2, features }, null, 2) + '\n' };
  }
  const flags: Record<string, unknown> = {};
  for (const k of keys) {
    const w = pct() * 1000;
    flags[k] = {
      key: k, on: r() > 0.2, variations: [true, false], offVariation: 1, fallthrough: { variation: 1 },
      rules: [{ id: `r-${k}`, clauses: [{ attribute: 'country', op: 'in', values: countries(), negate: false }], rollout: { variations: [{ variation: 0, weight: w }, { variation: 1, weight: 100000 - w }] } }],
    };
  }
  return { name: `ld-${i}.json`, text: JSON.stringify({ flags, flagValues: {}, segments: {} }, null, 2) + '\n' };
}

export interface CorpusPaths {
  dir: string;
  specs: string[];
  flags: string[];
  prds: string[];
}

/** Write (or reuse) a corpus of `base * scale` files of each kind under dir. */
export function writeCorpus(dir: string, base: number, scale: number, seed = 42): CorpusPaths {
  const n = base * scale;
  const out: CorpusPaths = { dir, specs: [], flags: [], prds: [] };
  const marker = path.join(dir, `.complete-${n}-${seed}`);
  const complete = fs.existsSync(marker);
  for (const sub of ['specs', 'flags', 'prds']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const r = rng(seed);
  for (let i = 0; i < n; i++) {
    const s = path.join(dir, 'specs', `feature-${i}.fcs.yaml`);
    const st = specText(r, i);
    const f = flagText(r, i);
    const fp = path.join(dir, 'flags', f.name);
    const p = path.join(dir, 'prds', `prd-${i}.md`);
    const pt = prdText(r, i);
    if (!complete) {
      fs.writeFileSync(s, st);
      fs.writeFileSync(fp, f.text);
      fs.writeFileSync(p, pt);
    }
    out.specs.push(s);
    out.flags.push(fp);
    out.prds.push(p);
  }
  if (!complete) fs.writeFileSync(marker, '');
  return out;
}

/** A single large spec (for editor latency): `lines` lines or a little more. */
export function largeSpec(lines: number, seed = 7): string {
  const r = rng(seed);
  let text = specText(r, 0);
  const L = text.split('\n');
  const extra: string[] = [];
  let d = 100;
  while (L.length + extra.length < lines) {
    extra.push(`  - name: bulk_field_${d}`, `    category: ${pick(r, DATA)}`, `    sensitivity: ${pick(r, ['low', 'medium', 'high'])}`, `    retention_days: ${pick(r, [7, 30, 90])}`, `    encrypted_at_rest: true`);
    d++;
  }
  text = text.replace('\ndata:\n', '\ndata:\n' + extra.join('\n') + '\n');
  return text;
}
