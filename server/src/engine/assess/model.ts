// Small readers over the normalised spec model, and spec locations.
import type { ModelObject, ModelValue } from '../model/normalise';
import { locatePointer, type YamlSource } from '../parse/yamlSource';
import type { SpecLocation } from './types';

export const str = (v: ModelValue | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
export const num = (v: ModelValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
export const bool = (v: ModelValue | undefined): boolean | null => (typeof v === 'boolean' ? v : null);
export const strs = (v: ModelValue | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
export const obj = (v: ModelValue | undefined): ModelObject =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as ModelObject) : {};
export const objs = (v: ModelValue | undefined): ModelObject[] =>
  Array.isArray(v) ? v.filter((x): x is ModelObject => !!x && typeof x === 'object' && !Array.isArray(x)) : [];

/** A string or a list of strings (e.g. accepted_by). */
export const oneOrMany = (v: ModelValue | undefined): string[] => (typeof v === 'string' ? [v] : strs(v));

export type Locate = (pointer: string) => SpecLocation;

export function locator(src: YamlSource | null): Locate {
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return (pointer) => {
    if (!src) return { pointer, range: zero };
    const l = locatePointer(src, pointer);
    return { pointer: l.exact ? pointer : l.pointer, range: l.range };
  };
}

const DAY = 86_400_000;

/** Whole days from `now` to an ISO date (negative when past); null for a bad date. */
export function daysFrom(now: Date, date: string | null): number | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t)) return null;
  const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  return Math.round((t - today) / DAY);
}

export function addDays(date: string, days: number): string | null {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t)) return null;
  return new Date(t + days * DAY).toISOString().slice(0, 10);
}

/** Primary language subtag, lower case ("pt-BR" → "pt"). */
export const langKey = (l: string): string => l.toLowerCase().split('-')[0] ?? l.toLowerCase();
