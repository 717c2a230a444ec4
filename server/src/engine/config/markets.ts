// The organisation's market knowledge from configuration (`markets:`) -> OrgMarkets (keyed by
// ISO alpha-3), which the engine applies to every spec, plus the dated risk signals the early
// warning reads. Codes are checked here so a typo is a config error, not silent non-coverage.
import { findCountry, suggestCountry } from '../contexts/countries';
import type { OrgMarketKnowledge, OrgMarkets } from '../contexts/markets';
import { joinPointer } from '../parse/yamlSource';
import type { RawMarket } from './configFile';

export interface DatedSignal {
  signal: string;
  since?: string;
  note?: string;
}

/** Dated risk signals per market (alpha-3), with the config file they came from. */
export type MarketSignals = Record<string, DatedSignal[]>;

export interface MarketProblem {
  pointer: string;
  part: 'key' | 'value';
  message: string;
}

export function convertMarkets(raw: Record<string, RawMarket>): { markets: OrgMarkets; signals: MarketSignals; problems: MarketProblem[] } {
  const markets: OrgMarkets = {};
  const signals: MarketSignals = {};
  const problems: MarketProblem[] = [];
  for (const [code, m] of Object.entries(raw)) {
    const c = findCountry(code);
    const at = joinPointer('/markets', code);
    if (!c) {
      const s = suggestCountry(code);
      problems.push({ pointer: at, part: 'key', message: `Unknown country code '${code}' in markets.` + (s ? ` Did you mean ${s.alpha3} (${s.name})?` : ' Use an ISO 3166-1 alpha-3 or alpha-2 code.') });
      continue;
    }
    const k: OrgMarketKnowledge = {};
    if (m.category) k.category = m.category;
    if (m.reason) k.reason = m.reason;
    if (m.date) k.date = m.date;
    if (m.shutdown_history !== undefined) k.shutdown_history = m.shutdown_history;
    if (m.upcoming_events) k.upcoming_events = m.upcoming_events.map((e) => ({ ...e }));
    if (m.risk_signals) {
      k.risk_signals = m.risk_signals.map((s) => (typeof s === 'string' ? s : s.signal));
      signals[c.alpha3] = m.risk_signals.map((s) => (typeof s === 'string' ? { signal: s } : { ...s }));
    }
    if (m.subnational) {
      k.subnational = {};
      for (const [region, sub] of Object.entries(m.subnational)) {
        const r = region.toUpperCase();
        if (r.slice(0, 2) !== c.alpha2) {
          problems.push({ pointer: joinPointer(at, 'subnational', region), part: 'key', message: `Region '${region}' is not in ${c.name}: its ISO 3166-2 code starts with ${c.alpha2}-.` });
          continue;
        }
        k.subnational[r] = { ...sub };
      }
    }
    markets[c.alpha3] = k;
  }
  return { markets, signals, problems };
}

/** Merge market knowledge: `near` wins field by field; regions, signals and events combine. */
export function mergeMarkets(far: OrgMarkets, near: OrgMarkets): OrgMarkets {
  const out: OrgMarkets = { ...far };
  for (const [code, n] of Object.entries(near)) {
    const f = out[code];
    if (!f) {
      out[code] = n;
      continue;
    }
    out[code] = {
      ...f,
      ...n,
      subnational: f.subnational || n.subnational ? { ...(f.subnational ?? {}), ...(n.subnational ?? {}) } : undefined,
      risk_signals: f.risk_signals || n.risk_signals ? [...new Set([...(f.risk_signals ?? []), ...(n.risk_signals ?? [])])] : undefined,
      upcoming_events: f.upcoming_events || n.upcoming_events ? [...(f.upcoming_events ?? []), ...(n.upcoming_events ?? [])] : undefined,
    };
  }
  return out;
}

export function mergeSignals(far: MarketSignals, near: MarketSignals): MarketSignals {
  const out: MarketSignals = { ...far };
  for (const [code, list] of Object.entries(near)) out[code] = [...(out[code] ?? []), ...list];
  return out;
}
