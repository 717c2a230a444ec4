// ISO 3166-1 countries (alpha-2 and alpha-3), with Kosovo's user-assigned codes (XK/XKX)
// that the World Bank uses. Names are English short names.
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json';
import { closest } from '../util/didYouMean';

countries.registerLocale(en as Parameters<typeof countries.registerLocale>[0]);

export interface Country {
  alpha2: string;
  alpha3: string;
  name: string;
}

const EXTRA: Country[] = [{ alpha2: 'XK', alpha3: 'XKX', name: 'Kosovo' }];

let byAlpha3: Map<string, Country> | undefined;
let byAlpha2: Map<string, Country> | undefined;

function tables(): { a3: Map<string, Country>; a2: Map<string, Country> } {
  if (!byAlpha3 || !byAlpha2) {
    byAlpha3 = new Map();
    byAlpha2 = new Map();
    for (const [a3, a2] of Object.entries(countries.getAlpha3Codes())) {
      const c: Country = { alpha2: a2, alpha3: a3, name: countries.getName(a2, 'en') ?? a3 };
      byAlpha3.set(a3, c);
      byAlpha2.set(a2, c);
    }
    for (const c of EXTRA) {
      byAlpha3.set(c.alpha3, c);
      byAlpha2.set(c.alpha2, c);
    }
  }
  return { a3: byAlpha3, a2: byAlpha2 };
}

/** Look up an alpha-2 or alpha-3 code (any case). */
export function findCountry(code: string): Country | undefined {
  const c = code.trim().toUpperCase();
  const t = tables();
  if (c.length === 3) return t.a3.get(c);
  if (c.length === 2) return t.a2.get(c);
  return undefined;
}

export function allCountries(): Country[] {
  return [...tables().a3.values()];
}

/** The most likely intended country for an unknown code or a country name. */
export function suggestCountry(input: string): Country | undefined {
  const s = input.trim();
  const t = tables();
  if (s.length > 3) {
    const names = new Map(allCountries().map((c) => [c.name.toLowerCase(), c]));
    const exact = names.get(s.toLowerCase());
    if (exact) return exact;
    const n = closest(s.toLowerCase(), names.keys());
    return n ? names.get(n) : undefined;
  }
  const pool = s.length === 3 ? t.a3 : t.a2;
  const code = closest(s.toUpperCase(), pool.keys());
  return code ? pool.get(code) : undefined;
}
