// What fcs-lint knows about a country or region code: its FCS category in the edition in use,
// where that comes from, and what the organisation's configuration adds.
import { findCountry } from '../engine/contexts/countries';
import { categoryIn, categoryLabel, editionLabel } from '../engine/contexts/fcsList';
import type { LintEnvironment } from '../engine/lint';

export function countryCard(env: LintEnvironment, code: string): string | undefined {
  const region = /^([A-Za-z]{2})-([A-Za-z0-9]{1,3})$/.exec(code.trim());
  const c = findCountry(region ? region[1]! : code);
  if (!c) return undefined;
  const e = env.edition;
  const listed = categoryIn(e, c.alpha3);
  const org = env.orgMarkets[c.alpha3];
  const lines = [`**${c.name}** (${c.alpha3} / ${c.alpha2})${region ? ` — region ${code.toUpperCase()}` : ''}`, ''];
  lines.push(`- **${editionLabel(e)}:** ${categoryLabel(listed)}`);
  if (org?.category) lines.push(`- **Organisation override:** ${categoryLabel(org.category)}${org.reason ? ` — ${org.reason}` : ''}${org.date ? ` (${org.date})` : ''}`);
  const sub = region ? org?.subnational?.[code.toUpperCase()] : undefined;
  if (sub) lines.push(`- **Organisation, region ${code.toUpperCase()}:** ${categoryLabel(sub.category)}${sub.reason ? ` — ${sub.reason}` : ''}`);
  else if (!region && org?.subnational && Object.keys(org.subnational).length) {
    lines.push(`- **Organisation hotspots:** ${Object.entries(org.subnational).map(([r, s]) => `${r} (${s.category})`).join(', ')}`);
  }
  if (org?.risk_signals?.length) lines.push(`- **Risk signals:** ${org.risk_signals.join(', ')}`);
  if (org?.upcoming_events?.length) lines.push(`- **Upcoming:** ${org.upcoming_events.map((u) => `${u.type} ${u.date}`).join(', ')}`);
  if (org?.shutdown_history) lines.push('- **Shutdown history** (organisation data)');
  lines.push('', `_Source: ${e.sourceUrl} (published ${e.published}, retrieved ${e.retrieved}). Not being listed never means safe._`);
  return lines.join('\n');
}

/** One line for a code lens or completion detail. */
export function countryLine(env: LintEnvironment, code: string): string | undefined {
  const c = findCountry(code);
  if (!c) return undefined;
  const org = env.orgMarkets[c.alpha3];
  const cat = org?.category ?? categoryIn(env.edition, c.alpha3);
  return `${c.name}: ${categoryLabel(cat)}${org?.category ? ' (organisation)' : ` (${editionLabel(env.edition)})`}`;
}
