// Section 1 of the report: a context card per market.
import type { ResolvedMarket, OrgMarkets } from '../contexts/markets';
import type { FcsEdition } from '../contexts/fcsList';
import type { ModelObject } from '../model/normalise';
import { bool, daysFrom, langKey, obj, objs, str, strs, type Locate } from './model';
import type { ContextCard, LanguageCoverage } from './types';

export function coverage(needed: string[], offered: string[]): LanguageCoverage {
  const have = new Set(offered.map(langKey));
  const uniq = [...new Set(needed)];
  const covered = uniq.filter((l) => have.has(langKey(l)));
  const missing = uniq.filter((l) => !have.has(langKey(l)));
  return { needed: uniq, covered, missing, ratio: uniq.length === 0 ? 1 : covered.length / uniq.length };
}

export function contextCards(spec: ModelObject, markets: ResolvedMarket[], edition: FcsEdition, org: OrgMarkets, now: Date, at: Locate): ContextCard[] {
  const models = objs(spec['markets']);
  const feature = obj(spec['feature']);
  const ui = strs(feature['ui_languages']);
  const moderation = strs(obj(spec['moderation'])['languages_human_review']);
  const grievance = strs(obj(spec['grievance'])['languages']);
  return markets.map((m, i) => {
    const model = models[i] ?? {};
    const languages = strs(model['languages']);
    const ov = obj(model['override']);
    const hasOverride = str(ov['category']) !== null || str(ov['reason']) !== null;
    const conn = obj(model['connectivity']);
    const events = [
      ...objs(model['upcoming_events']).map((e) => ({ type: str(e['type']) ?? 'other', date: str(e['date']) ?? '', note: str(e['note']) })),
      ...(org[m.alpha3]?.upcoming_events ?? []).map((e) => ({ type: e.type, date: e.date, note: e.note ?? null })),
    ]
      .filter((e) => e.date)
      .map((e) => ({ ...e, daysAway: daysFrom(now, e.date) }))
      .sort((a, b) => a.date.localeCompare(b.date));
    return {
      code: m.code,
      alpha3: m.alpha3,
      name: m.name,
      known: m.known,
      category: m.category,
      categoryLabel: m.category_label,
      categorySource: m.category_source,
      categoryReason: m.category_reason,
      listedCategory: m.listed_category,
      edition: m.edition,
      editionLabel: m.edition_label,
      sourceUrl: edition.sourceUrl,
      subnational: strs(model['subnational']),
      override: hasOverride ? { category: str(ov['category']), reason: str(ov['reason']), date: str(ov['date']) } : null,
      riskSignals: m.signals,
      upcomingEvents: events,
      languages: { ui: coverage(languages, ui), moderation: coverage(languages, moderation), grievance: coverage(languages, grievance) },
      setting: str(model['setting']),
      connectivity: { shutdownHistory: m.shutdown_history, lowBandwidth: bool(conn['low_bandwidth']) },
      sanctions: str(model['sanctions']),
      authorityRisk: str(model['authority_risk']),
      location: at(`/markets/${i}`),
    };
  });
}
