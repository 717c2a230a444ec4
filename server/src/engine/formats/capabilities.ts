// What a flag does. An explicit link wins (flag metadata naming a spec, or a spec naming the
// flag in kill_switch / mitigations); otherwise it is inferred from the key, description and
// variant names, matching whole words or key segments only ("msg.forward_v2" → forward,
// "nearby-people" → nearby; never "forwarder" or "snapshot" → "maps").
import type { FlagDef } from './model';

export interface CapabilityTerm {
  /** The word that matched. */
  term: string;
  /** Where it was found: key, description or variant. */
  source: 'key' | 'description' | 'variant';
  fn: string;
  label: string;
}

const TERMS: { words: string[]; fn: string; label: string }[] = [
  { words: ['location', 'locations', 'geolocation', 'gps', 'nearby', 'near', 'proximity', 'checkin', 'geotag', 'geotags', 'geotagging', 'whereabouts', 'tracking', 'live_location', 'share_location'], fn: 'fn.location', label: 'location' },
  { words: ['map', 'maps', 'heatmap', 'heatmaps', 'basemap', 'traffic', 'crowd', 'density'], fn: 'fn.maps', label: 'maps' },
  { words: ['contacts', 'contact', 'addressbook', 'phonebook', 'pymk', 'friends', 'friend', 'followers', 'follow', 'suggestions'], fn: 'fn.social_graph', label: 'contacts / social graph' },
  { words: ['forward', 'forwarding', 'forwards', 'broadcast', 'broadcasts', 'reshare', 'channel', 'channels', 'messaging', 'message', 'messages', 'msg', 'chat', 'dm', 'groupchat', 'voicenote'], fn: 'fn.messaging', label: 'messaging / forwarding' },
  { words: ['live', 'livestream', 'livestreaming', 'streaming', 'golive'], fn: 'fn.messaging', label: 'live broadcast' },
  { words: ['realname', 'real_name', 'kyc', 'verification', 'verified', 'identity', 'idcard', 'passport'], fn: 'fn.identity', label: 'real name / identity' },
  { words: ['biometric', 'biometrics', 'face', 'faceid', 'facial', 'fingerprint', 'iris', 'liveness'], fn: 'fn.identity', label: 'biometrics' },
  { words: ['payment', 'payments', 'pay', 'wallet', 'wallets', 'payout', 'payouts', 'transfer', 'transfers', 'remittance', 'momo', 'mobile_money'], fn: 'fn.payments', label: 'payments' },
  { words: ['recommendation', 'recommendations', 'recommend', 'recommended', 'recs', 'feed', 'trending', 'ranking', 'foryou', 'discover', 'ads', 'adtargeting'], fn: 'fn.ranking', label: 'recommendations / ranking' },
  { words: ['moderation', 'report', 'reporting', 'takedown', 'classifier'], fn: 'fn.moderation', label: 'moderation / reporting' },
  { words: ['geoblock', 'geo_block', 'geofence', 'geofencing', 'sanctions', 'sanctioned', 'embargo', 'blocked_countries', 'country_block'], fn: 'geo_block', label: 'geo-block' },
];

const WORD_INDEX = new Map<string, { fn: string; label: string }>();
for (const t of TERMS) for (const w of t.words) WORD_INDEX.set(w, { fn: t.fn, label: t.label });

/** Split a key into segments: dots, dashes, underscores, slashes, colons and camelCase. */
export function keySegments(key: string): string[] {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  return spaced
    .split(/[^A-Za-z0-9]+/)
    .map((s) => s.toLowerCase())
    .filter((s) => s && !/^v?\d+$/.test(s));
}

function scan(text: string, source: CapabilityTerm['source'], out: CapabilityTerm[]): void {
  const segs = keySegments(text);
  // Two-segment terms (live_location, real_name) before single ones.
  for (let i = 0; i + 1 < segs.length; i++) {
    const two = `${segs[i]}_${segs[i + 1]}`;
    const hit = WORD_INDEX.get(two);
    if (hit && !out.some((o) => o.term === two)) out.push({ term: two, source, ...hit });
  }
  const inPair = new Set(out.filter((o) => o.term.includes('_')).flatMap((o) => o.term.split('_')));
  for (const s of segs) {
    if (inPair.has(s)) continue;
    const hit = WORD_INDEX.get(s);
    if (hit && !out.some((o) => o.fn === hit.fn && o.label === hit.label)) out.push({ term: s, source, ...hit });
  }
}

export function inferCapabilities(flag: Pick<FlagDef, 'key' | 'name' | 'description' | 'variants'>): CapabilityTerm[] {
  const out: CapabilityTerm[] = [];
  scan(flag.key, 'key', out);
  if (flag.name && flag.name !== flag.key) scan(flag.name, 'key', out);
  if (flag.description) scan(flag.description, 'description', out);
  for (const v of flag.variants) if (!/^\d+$/.test(v.name)) scan(v.name, 'variant', out);
  // "report" alone in a description is too common; keep moderation only from keys.
  return out.filter((t) => !(t.fn === 'fn.moderation' && t.source !== 'key') && !(t.term === 'near' && t.source !== 'key') && !(t.term === 'live' && t.source === 'description'));
}

/** "inferred from key segment 'nearby' (location)" */
export function describeInference(terms: CapabilityTerm[]): string {
  return terms.map((t) => `${t.source === 'key' ? 'key segment' : t.source === 'variant' ? 'variant' : 'description word'} '${t.term}' → ${t.label}`).join('; ');
}
