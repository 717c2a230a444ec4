// Derived facts the checklist reads: computed once per document, in one place, so every rule
// agrees on what "in an FCS market" or "special data" means.
import type { ModelObject, ModelValue } from '../model/normalise';
import type { ResolvedMarket } from '../contexts/markets';
import { stageIndex } from '../types';

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
  special_data: boolean;
  special_data_categories: string[];
  stage: string;
  stage_index: number;
  sections: string[];
  edition: string;
}

const strs = (v: ModelValue | undefined): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

const objs = (v: ModelValue | undefined): ModelObject[] =>
  Array.isArray(v) ? v.filter((x): x is ModelObject => typeof x === 'object' && x !== null && !Array.isArray(x)) : [];

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
  return {
    in_fcs: fcs.length > 0,
    in_conflict: markets.some((m) => m.category === 'conflict'),
    fcs_markets: fcs.map((m) => m.alpha3),
    conflict_markets: markets.filter((m) => m.category === 'conflict').map((m) => m.alpha3),
    market_languages: [...new Set(objs(spec['markets']).flatMap((m) => strs(m['languages'])))],
    functions,
    high_risk_fns: functions.filter((f) => HIGH_RISK_FUNCTIONS.includes(f)),
    groups,
    at_risk_groups: groups.filter((g) => AT_RISK_GROUPS.includes(g)),
    data_categories: [...new Set(categories)],
    special_data: specialCats.length > 0,
    special_data_categories: specialCats,
    stage,
    stage_index: Math.max(0, stageIndex(stage)),
    sections: rawKeys,
    edition,
  };
}
