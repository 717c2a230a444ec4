// Resolve each market of a spec to its FCS context: the embedded list's category for the
// edition in use, then the organisation's knowledge, then the spec's own override.
import { findCountry } from './countries';
import { categoryIn, categoryLabel, editionLabel, type FcsCategory, type FcsEdition } from './fcsList';
import type { ModelObject, ModelValue } from '../model/normalise';

/** What an organisation knows about a market (from its config; see `.fcs-lint.yaml` markets:). */
export interface OrgMarketKnowledge {
  category?: FcsCategory;
  reason?: string;
  date?: string;
  risk_signals?: string[];
  upcoming_events?: { type: string; date: string; note?: string }[];
  shutdown_history?: boolean;
  /** Sub-national regions (ISO 3166-2) the organisation treats differently. */
  subnational?: Record<string, { category: FcsCategory; reason?: string; date?: string }>;
}

export type OrgMarkets = Record<string, OrgMarketKnowledge>;

export type CategorySource = 'list' | 'organisation' | 'spec-override' | 'organisation-subnational';

export interface ResolvedMarket {
  index: number;
  /** The code as written. */
  code: string;
  known: boolean;
  alpha2: string;
  alpha3: string;
  name: string;
  /** Category on the embedded list. */
  listed_category: FcsCategory;
  /** Category after organisation knowledge and the spec's override. */
  category: FcsCategory;
  category_label: string;
  category_source: CategorySource;
  category_reason: string | null;
  in_fcs: boolean;
  edition: string;
  edition_label: string;
  /** Risk signals from the spec and the organisation combined. */
  signals: string[];
  shutdown_history: boolean;
}

function str(v: ModelValue | undefined): string | null {
  return typeof v === 'string' ? v : null;
}

function strList(v: ModelValue | undefined): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

const RANK: Record<FcsCategory, number> = { none: 0, fragility: 1, conflict: 2 };

export function resolveMarket(m: ModelObject, index: number, edition: FcsEdition, org: OrgMarkets): ResolvedMarket {
  const code = str(m['country']) ?? '';
  const c = findCountry(code);
  const alpha3 = c?.alpha3 ?? code.toUpperCase();
  const listed = c ? categoryIn(edition, c.alpha3) : 'none';
  let category = listed;
  let source: CategorySource = 'list';
  let reason: string | null = null;
  const knowledge = org[alpha3];
  if (knowledge?.category) {
    category = knowledge.category;
    source = 'organisation';
    reason = knowledge.reason ?? null;
  }
  // A sub-national hotspot the organisation knows raises the market's category.
  for (const region of strList(m['subnational'])) {
    const sub = knowledge?.subnational?.[region.toUpperCase()];
    if (sub && RANK[sub.category] > RANK[category]) {
      category = sub.category;
      source = 'organisation-subnational';
      reason = `${region.toUpperCase()}: ${sub.reason ?? 'organisation classification'}`;
    }
  }
  const override = m['override'] as ModelObject | null;
  const oc = override ? str(override['category']) : null;
  if (oc === 'conflict' || oc === 'fragility' || oc === 'none') {
    category = oc;
    source = 'spec-override';
    reason = str(override?.['reason']);
  }
  const connectivity = (m['connectivity'] as ModelObject | null) ?? {};
  return {
    index,
    code,
    known: !!c,
    alpha2: c?.alpha2 ?? '',
    alpha3,
    name: c?.name ?? code,
    listed_category: listed,
    category,
    category_label: categoryLabel(category),
    category_source: source,
    category_reason: reason,
    in_fcs: category !== 'none',
    edition: edition.edition,
    edition_label: editionLabel(edition),
    signals: [...new Set([...strList(m['risk_signals']), ...(knowledge?.risk_signals ?? [])])],
    shutdown_history: connectivity['shutdown_history'] === true || knowledge?.shutdown_history === true,
  };
}
