// Content-aware fingerprints for baselines. A finding is identified by its rule, its
// structural path (array positions replaced by the item's identity: its id, key, name or
// country, else its normalised content) and the normalised value it points at. Moving lines
// or reordering items keeps the fingerprint; the file is added by the baseline itself, so a
// finding in another file is never absorbed.
import { parsePointer } from '../parse/yamlSource';
import type { Finding } from '../types';

const IDENTITY_KEYS = ['id', 'key', 'flag_key', 'name', 'country', 'rule', 'ref'];

function canonical(v: unknown, depth = 0): string {
  if (depth > 32) return '…';
  if (Array.isArray(v)) return '[' + v.map((x) => canonical(x, depth + 1)).join(',') + ']';
  if (v && typeof v === 'object') {
    return '{' + Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + canonical((v as Record<string, unknown>)[k], depth + 1)).join(',') + '}';
  }
  if (typeof v === 'string') return JSON.stringify(v.trim().replace(/\s+/g, ' '));
  return JSON.stringify(v ?? null);
}

function identity(item: unknown): string {
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    for (const k of IDENTITY_KEYS) {
      const v = (item as Record<string, unknown>)[k];
      if (typeof v === 'string' || typeof v === 'number') return `${k}=${String(v).trim()}`;
    }
  }
  return '#' + hash(canonical(item));
}

/** The structural path and scalar content of a pointer in the document data. */
export function contentKey(data: unknown, pointer: string): string {
  let v: unknown = data;
  const parts: string[] = [];
  for (const t of parsePointer(pointer)) {
    if (Array.isArray(v)) {
      const item = v[Number(t)];
      parts.push(`[${identity(item)}]`);
      v = item;
    } else if (v && typeof v === 'object') {
      parts.push(t);
      v = (v as Record<string, unknown>)[t];
    } else {
      parts.push(t);
      v = undefined;
    }
  }
  const value = v === undefined || (v !== null && typeof v === 'object') ? '' : canonical(v);
  return parts.join('/') + '=' + value;
}

export function findingFingerprint(f: Finding, data: unknown): string {
  return hash(`${f.ruleId}|${contentKey(data, f.pointer)}`);
}

/** 53-bit string hash (cyrb53), as 14 hex digits: no Node crypto needed in the engine. */
export function hash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
