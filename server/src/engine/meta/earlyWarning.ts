// Early warning for fragile markets (research/domain.md 5.9): an upcoming election or other
// trigger event, or a risk signal the organisation dated recently, within the configured
// window asks for a re-review of every spec with that market (finding EW-REVIEW). The spec's
// own upcoming_events count as well as the organisation's. Pure: the clock is an argument.
import type { OrgMarkets, ResolvedMarket } from '../contexts/markets';
import type { ModelObject } from '../model/normalise';
import { joinPointer } from '../parse/yamlSource';
import type { Pointer } from '../types';

export interface EarlyWarningSettings {
  windowDays: number;
  /** Dated risk signals per market (alpha-3), from the organisation's config. */
  signals: Record<string, { signal: string; since?: string; note?: string }[]>;
}

export const DEFAULT_WINDOW_DAYS = 90;

export interface EarlyWarningHit {
  pointer: Pointer;
  message: string;
}

const DAY = 86_400_000;

function dayNumber(date: string): number | undefined {
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) ? undefined : Math.floor(t / DAY);
}

export function earlyWarnings(markets: ResolvedMarket[], models: ModelObject[], org: OrgMarkets, settings: EarlyWarningSettings, now: Date): EarlyWarningHit[] {
  const today = Math.floor(now.getTime() / DAY);
  const w = settings.windowDays;
  const hits: EarlyWarningHit[] = [];
  markets.forEach((m, i) => {
    if (!m.known) return;
    const countryAt = joinPointer('/markets', i, 'country');
    const seen = new Set<string>();
    const event = (type: string, date: string, note: string | undefined, pointer: Pointer, whose: string) => {
      const d = dayNumber(date);
      if (d === undefined || d < today || d - today > w) return;
      const key = `${type}|${date}`;
      if (seen.has(key)) return;
      seen.add(key);
      const days = d - today;
      hits.push({
        pointer,
        message: `${m.name}: ${type} on ${date}${note ? ` (${note})` : ''}, ${days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`} — within the ${w}-day early-warning window (${whose}). Re-review this spec for the period around it: conflict analysis, crisis levers, moderation capacity and escalation contacts.`,
      });
    };
    const own = models[i]?.['upcoming_events'];
    if (Array.isArray(own)) {
      own.forEach((e, j) => {
        const o = e as ModelObject | null;
        if (o && typeof o['type'] === 'string' && typeof o['date'] === 'string') {
          event(o['type'], o['date'], typeof o['note'] === 'string' ? o['note'] : undefined, joinPointer('/markets', i, 'upcoming_events', j, 'date'), 'recorded in this spec');
        }
      });
    }
    for (const e of org[m.alpha3]?.upcoming_events ?? []) event(e.type, e.date, e.note, countryAt, "from the organisation's configuration");
    for (const s of settings.signals[m.alpha3] ?? []) {
      const d = s.since ? dayNumber(s.since) : undefined;
      if (d === undefined || d > today || today - d > w) continue;
      hits.push({
        pointer: countryAt,
        message: `${m.name}: new risk signal "${s.signal}" since ${s.since}${s.note ? ` (${s.note})` : ''}, within the ${w}-day early-warning window. Re-review this spec: does the conflict analysis still hold, and should crisis levers or a pause be prepared?`,
      });
    }
  });
  return hits;
}
