// The targeting-attribute vocabulary (flag-formats.md §4.3, domain.md §5.5) and the three-valued
// evaluation of conditions for one place: a country, or an ISO 3166-2 region in it.
import { findCountry } from '../contexts/countries';
import type { AttributeKind, Cond } from './model';

/** The place exposure is computed for. An otherwise unknown user in that place. */
export interface Place {
  alpha2: string;
  alpha3: string;
  name: string;
  /** ISO 3166-2 region code (e.g. ET-TI) when the place is a region. */
  region?: string;
}

export type Tri = 'yes' | 'no' | 'maybe';

const last = (attr: string): string => {
  const parts = attr.split(/[./]/).filter(Boolean);
  return (parts[parts.length - 1] ?? attr).toLowerCase().replace(/[-\s]/g, '_');
};

const COUNTRY = /^(country|countrycode|country_code|countryiso|country_iso|country_iso_code|iso_country|geo_country|geocountry|ip_country|store_country|storefront|user_country|country_id)$/;
const REGION = /^(region|subdivision|region_code|regioncode|state|province|district|governorate|oblast|subnational|admin1|admin_1|city|postal_code|postalcode|zip|zipcode)$/;
const LOCALE = /^(locale|language|lang|device_locale|ui_language|accept_language|languages)$/;
const GEO_PROXY = /^(geo|location|lat|latitude|lng|lon|longitude|geohash|h3|ip|ip_address|ipaddress|remoteaddress|remote_address|x_forwarded_for|timezone|tz|currency|mcc|mnc|phone_prefix|dial_code|dialcode|carrier|continent|market)$/;
const SENSITIVE = /^(ethnicity|ethnic_group|race|religion|religious_affiliation|tribe|clan|tribe_clan|caste|nationality|citizenship|immigration_status|refugee|refugee_status|asylum|asylum_status|idp|displacement|displaced|political|political_affiliation|political_party|political_opinion|party|gender|gender_identity|sex|sexual_orientation|orientation|health|health_status|disability|precise_location|live_location|biometric|biometrics)$/;
const PROXY = /^(name_origin|surname_origin|dialect|mother_tongue|home_region|birthplace|place_of_birth)$/;
const IDENTITY = /^(key|targetingkey|targeting_key|userid|user_id|id|email|username|login|sessionid|session_id|anonymous|organization|org|domain|environment|env|appname|app_name|version|beta|plan|tier|role)$/;

const kinds = new Map<string, AttributeKind>();

/** What an attribute name stands for (memoised: a flag's attributes are classified once per name, not per place). */
export function attributeKind(attribute: string): AttributeKind {
  let kind = kinds.get(attribute);
  if (kind === undefined) {
    kind = classify(attribute);
    if (kinds.size > 10_000) kinds.clear();
    kinds.set(attribute, kind);
  }
  return kind;
}

function classify(attribute: string): AttributeKind {
  const a = last(attribute);
  if (COUNTRY.test(a) || /country/.test(a)) return 'country';
  if (REGION.test(a)) return 'region';
  if (LOCALE.test(a)) return 'locale';
  if (SENSITIVE.test(a) || /^political_/.test(a)) return 'sensitive';
  if (GEO_PROXY.test(a)) return 'geo-proxy';
  if (PROXY.test(a)) return 'proxy';
  if (IDENTITY.test(a)) return 'identity';
  return 'other';
}

/** Countries a condition value names: ISO codes, region codes (ET-TI), locale tags (ar-SY). */
export function countriesIn(kind: AttributeKind, values: string[]): string[] {
  const out = new Set<string>();
  for (const raw of values) {
    const v = raw.trim();
    let c;
    if (kind === 'country') c = findCountry(v);
    else if (kind === 'region') c = /^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$/.test(v) ? findCountry(v.slice(0, 2)) : undefined;
    else if (kind === 'locale') {
      const m = /^[a-z]{2,3}[-_]([A-Za-z]{2})$/.exec(v);
      c = m ? findCountry(m[1]!) : undefined;
    }
    if (c) out.add(c.alpha3);
  }
  return [...out];
}

/** A country condition's values, read once per condition (not once per place it is asked about). */
interface CountryValues {
  /** Every value, trimmed and upper-cased. */
  upper: Set<string>;
  /** The values that are not country codes, trimmed and upper-cased. */
  unreadable: string[];
}

const countryValues = new WeakMap<Cond, CountryValues>();

function countryValuesOf(c: Extract<Cond, { k: 'attr' }>): CountryValues {
  let v = countryValues.get(c);
  if (!v) {
    const upper = c.values.map((x) => x.trim().toUpperCase());
    v = { upper: new Set(upper), unreadable: upper.filter((_v, i) => !findCountry(c.values[i]!)) };
    countryValues.set(c, v);
  }
  return v;
}

const upperNames = new WeakMap<Place, string>();

function upperName(place: Place): string {
  let n = upperNames.get(place);
  if (n === undefined) upperNames.set(place, (n = place.name.toUpperCase()));
  return n;
}

function stringOp(op: string, written: string, actual: string): boolean {
  const w = written.toUpperCase();
  const a = actual.toUpperCase();
  if (op === 'startswith') return a.startsWith(w);
  if (op === 'endswith') return a.endsWith(w);
  if (op === 'contains') return a.includes(w);
  return a === w;
}

/** Does an attribute condition hold for every, no, or some users of the place? */
function evalAttr(c: Extract<Cond, { k: 'attr' }>, place: Place): Tri {
  const kind = attributeKind(c.attribute);
  if (c.op === 'other') return 'maybe';
  const positive = c.op !== 'notin';
  const sop = c.op === 'notin' ? 'in' : c.op;
  if (kind === 'country') {
    let any: boolean;
    if (sop === 'in') {
      const values = countryValuesOf(c);
      const name = upperName(place);
      any = values.upper.has(place.alpha2) || values.upper.has(place.alpha3) || values.upper.has(name);
      // A value that is not a country code (e.g. "EU") says nothing certain about this place.
      if (!any && values.unreadable.some((v) => v !== name)) return 'maybe';
    } else {
      const codes = [place.alpha2, place.alpha3, place.name];
      any = c.values.some((v) => codes.some((code) => stringOp(sop, v, code)));
    }
    return any === positive ? 'yes' : 'no';
  }
  if (kind === 'region') {
    const regionValues = c.values.filter((v) => /^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$/.test(v.trim()));
    if (regionValues.length !== c.values.length || sop !== 'in') return 'maybe';
    if (place.region) {
      const hit = regionValues.some((v) => v.trim().toUpperCase() === place.region!.toUpperCase());
      if (hit) return positive ? 'yes' : 'no';
      const sameCountry = regionValues.some((v) => v.trim().slice(0, 2).toUpperCase() === place.alpha2);
      return sameCountry || !hit ? (positive ? 'no' : 'yes') : 'maybe';
    }
    const inCountry = regionValues.some((v) => v.trim().slice(0, 2).toUpperCase() === place.alpha2);
    if (inCountry) return 'maybe';
    return positive ? 'no' : 'yes';
  }
  return 'maybe';
}

export function evalCond(c: Cond, place: Place): Tri {
  switch (c.k) {
    case 'const':
      return c.value ? 'yes' : 'no';
    case 'unknown':
      return 'maybe';
    case 'attr':
      return evalAttr(c, place);
    case 'not': {
      const r = evalCond(c.of, place);
      return r === 'yes' ? 'no' : r === 'no' ? 'yes' : 'maybe';
    }
    case 'and': {
      let res: Tri = 'yes';
      for (const x of c.of) {
        const r = evalCond(x, place);
        if (r === 'no') return 'no';
        if (r === 'maybe') res = 'maybe';
      }
      return res;
    }
    case 'or': {
      let res: Tri = 'no';
      for (const x of c.of) {
        const r = evalCond(x, place);
        if (r === 'yes') return 'yes';
        if (r === 'maybe') res = 'maybe';
      }
      return res;
    }
  }
}

/** Every attribute condition and unknown in a condition tree, in order. */
export function condLeaves(c: Cond, out: Cond[] = []): Cond[] {
  if (c.k === 'attr' || c.k === 'unknown') out.push(c);
  else if (c.k === 'and' || c.k === 'or') for (const x of c.of) condLeaves(x, out);
  else if (c.k === 'not') condLeaves(c.of, out);
  return out;
}

/** Whether a condition mentions geography the linter evaluates. */
export function isGeoCond(c: Cond): boolean {
  return condLeaves(c).some((l) => l.k === 'attr' && ['country', 'region'].includes(attributeKind(l.attribute)));
}

/** Normalise an operator name from any format. */
export function normaliseOp(op: string): Extract<Cond, { k: 'attr' }>['op'] {
  const o = op.toLowerCase().replace(/[^a-z]/g, '');
  if (['in', 'eq', 'equals', 'isoneof', 'oneof', 'strequals', 'equalto', 'whitelist', ''].includes(o)) return 'in';
  if (['notin', 'neq', 'ne', 'notequals', 'isnotoneof', 'notoneof'].includes(o)) return 'notin';
  if (['startswith', 'prefix', 'strstartswith', 'sw'].includes(o)) return 'startswith';
  if (['endswith', 'suffix', 'strendswith', 'ew'].includes(o)) return 'endswith';
  if (['contains', 'strcontains', 'co'].includes(o)) return 'contains';
  return 'other';
}
