// The embedded World Bank FCS list, by edition. Pure data access; the clock comes in as an argument.
import data from '../../../data/fcs-lists.json';

export type FcsCategory = 'conflict' | 'fragility' | 'none';

export interface FcsEdition {
  edition: string;
  fiscalYear: number;
  published: string;
  sourceUrl: string;
  retrieved: string;
  unverified: string[];
  conflict: string[];
  fragility: string[];
  decisions: string[];
}

export interface FcsLists {
  publisher: string;
  page: string;
  attribution: string;
  newEditionMonth: number;
  editions: FcsEdition[];
}

export const FCS_LISTS: FcsLists = data as FcsLists;

/** The newest embedded edition. */
export function currentEdition(lists: FcsLists = FCS_LISTS): FcsEdition {
  return [...lists.editions].sort((a, b) => b.fiscalYear - a.fiscalYear)[0] as FcsEdition;
}

export function editionByName(name: string, lists: FcsLists = FCS_LISTS): FcsEdition | undefined {
  return lists.editions.find((e) => e.edition.toUpperCase() === name.toUpperCase());
}

export function categoryIn(edition: FcsEdition, alpha3: string): FcsCategory {
  if (edition.conflict.includes(alpha3)) return 'conflict';
  if (edition.fragility.includes(alpha3)) return 'fragility';
  return 'none';
}

export function categoryLabel(c: FcsCategory): string {
  return c === 'conflict' ? 'conflict' : c === 'fragility' ? 'institutional and social fragility' : 'not listed';
}

/** "World Bank FCS FY26" */
export function editionLabel(e: FcsEdition): string {
  return `World Bank FCS ${e.edition}`;
}

/**
 * The fiscal year of the newest list that should exist at `now`: the World Bank publishes the
 * list for fiscal year N+1 every July of year N.
 */
export function expectedFiscalYear(now: Date, lists: FcsLists = FCS_LISTS): number {
  const month = now.getUTCMonth() + 1;
  return now.getUTCFullYear() + (month >= lists.newEditionMonth ? 1 : 0);
}

export function isStale(edition: FcsEdition, now: Date, lists: FcsLists = FCS_LISTS): boolean {
  return edition.fiscalYear < expectedFiscalYear(now, lists);
}
