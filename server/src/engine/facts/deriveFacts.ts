// Derived facts the checklist reads: computed once per document, in one place, so every rule
// agrees on what "in an FCS market" or "special data" means.
import type { ModelObject, ModelValue } from '../model/normalise';
import type { ResolvedMarket } from '../contexts/markets';
import { stageIndex } from '../types';
import { editionByName } from '../contexts/fcsList';

export const SPECIAL_DATA_CATEGORIES = [
  'biometrics',
  'government_id',
  'ethnicity',
  'religion',
  'political_opinion',
  'sexual_orientation_gender_identity',
  'health',
  'group_membership',
  'immigration_status',
  'inferred_attributes',
];

export const AT_RISK_GROUPS = [
  'ug.minority_ethnic',
  'ug.minority_religious',
  'ug.minority_linguistic',
  'ug.lgbtq',
  'ug.journalists',
  'ug.hrds_activists',
  'ug.displaced',
  'ug.women_girls',
  'ug.children_youth',
  'ug.diaspora',
  'ug.criminalised_groups',
  'ug.political_actors',
];

export const HIGH_RISK_FUNCTIONS = [
  'fn.messaging',
  'fn.social_graph',
  'fn.location',
  'fn.identity',
  'fn.payments',
  'fn.ranking',
  'fn.moderation',
  'fn.maps',
  'fn.ml_classification',
  'fn.public_data',
];

export interface Facts {
  in_fcs: boolean;
  in_conflict: boolean;
  fcs_markets: string[];
  conflict_markets: string[];
  market_languages: string[];
  functions: string[];
  high_risk_fns: string[];
  groups: string[];
  at_risk_groups: string[];
  data_categories: string[];
  /** Where each data category is first declared: its `category` value (e.g. /data/2/category), for `at: $facts.data_category_at.X`. */
  data_category_at: Record<string, string>;
  special_data: boolean;
  special_data_categories: string[];
  stage: string;
  stage_index: number;
  sections: string[];
  edition: string;
  /** Publication date (YYYY-MM-DD) of the FCS list edition in use, or null when unknown. */
  edition_published: string | null;
  /** Alpha-3 codes of every market in scope (listed or not). */
  market_codes: string[];
  /** Alpha-3 codes of markets whose authority_risk is high. */
  high_authority_markets: string[];
  /** "ug.x × fn.y" pairs (user group × high-risk function) without a harms row. */
  missing_harm_pairs: string[];
  /** Ids of harms rows (not dismissed) that lack a score or affected stakeholders. */
  incomplete_harm_rows: string[];
}

const strs = (v: ModelValue | undefined): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

const objs = (v: ModelValue | undefined): ModelObject[] =>
  Array.isArray(v) ? v.filter((x): x is ModelObject => typeof x === 'object' && x !== null && !Array.isArray(x)) : [];

/** The pointer of the first `category` of each category in the data list (by the list's own positions). */
function categoryPlaces(data: ModelValue | undefined): Record<string, string> {
  const at: Record<string, string> = {};
  if (!Array.isArray(data)) return at;
  data.forEach((d, i) => {
    const c = d && typeof d === 'object' && !Array.isArray(d) ? d['category'] : undefined;
    if (typeof c === 'string' && !Object.prototype.hasOwnProperty.call(at, c)) at[c] = `/data/${i}/category`;
  });
  return at;
}

export function deriveFacts(spec: ModelObject, markets: ResolvedMarket[], rawKeys: string[], edition: string): Facts {
  const feature = (spec['feature'] as ModelObject) ?? {};
  const functions = strs(feature['functions']);
  const groups = objs(spec['user_groups']).map((g) => String(g['id'] ?? '')).filter(Boolean);
  const data = objs(spec['data']);
  const categories = data.map((d) => d['category']).filter((c): c is string => typeof c === 'string');
  const specialCats = [
    ...new Set(
      data
        .filter((d) => d['sensitivity'] === 'special' || SPECIAL_DATA_CATEGORIES.includes(String(d['category'])))
        .map((d) => String(d['category'] ?? 'special')),
    ),
  ];
  const stage = typeof feature['lifecycle_stage'] === 'string' ? feature['lifecycle_stage'] : 'design';
  const fcs = markets.filter((m) => m.in_fcs);
  const marketModels = objs(spec['markets']);
  const harms = objs(spec['harms']);
  const highFns = functions.filter((f) => HIGH_RISK_FUNCTIONS.includes(f));
  const missingPairs = groups.flatMap((g) =>
    highFns.filter((f) => !harms.some((h) => h['user_group'] === g && h['function'] === f)).map((f) => `${g} × ${f}`),
  );
  const incompleteRows = harms
    .filter((h) => h['status'] !== 'dismissed')
    .filter((h) => {
      const scores = ['likelihood', 'scale', 'scope', 'irremediable'].some((k) => typeof h[k] !== 'number');
      const st = h['stakeholders'] as ModelObject | null;
      return scores || strs(st?.['affected']).length === 0;
    })
    .map((h) => String(h['id'] ?? '?'));
  return {
    in_fcs: fcs.length > 0,
    in_conflict: markets.some((m) => m.category === 'conflict'),
    fcs_markets: fcs.map((m) => m.alpha3),
    conflict_markets: markets.filter((m) => m.category === 'conflict').map((m) => m.alpha3),
    market_languages: [...new Set(objs(spec['markets']).flatMap((m) => strs(m['languages'])))],
    functions,
    high_risk_fns: highFns,
    groups,
    at_risk_groups: groups.filter((g) => AT_RISK_GROUPS.includes(g)),
    data_categories: [...new Set(categories)],
    data_category_at: categoryPlaces(spec['data']),
    special_data: specialCats.length > 0,
    special_data_categories: specialCats,
    stage,
    stage_index: Math.max(0, stageIndex(stage)),
    sections: rawKeys,
    edition,
    edition_published: editionByName(edition)?.published ?? null,
    market_codes: markets.map((m) => m.alpha3),
    high_authority_markets: markets.filter((_m, i) => marketModels[i]?.['authority_risk'] === 'high').map((m) => m.alpha3),
    missing_harm_pairs: missingPairs,
    incomplete_harm_rows: incompleteRows,
  };
}
