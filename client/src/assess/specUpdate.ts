// Create or update a spec from the guided flow's answers, without overwriting anything the
// user wrote: only missing keys and missing list items are added. The yaml Document API
// finds what is missing and where each collection sits; the additions are then made as text
// insertions at those places, so the rest of the file (comments, alignment, quoting) stays
// byte-for-byte as the user wrote it. Pure: text in, text out; no VS Code here.
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node as YamlNode, type YAMLMap, type YAMLSeq } from 'yaml';
import { findCountry } from '../../../server/src/engine/contexts/countries';

export interface AssessAnswers {
  name: string;
  functions: string[];
  /** ISO 3166-1 alpha-3 (or alpha-2) codes. */
  markets: string[];
  userGroups: string[];
  dataCategories: string[];
  stage: string;
}

export interface Insertion {
  offset: number;
  text: string;
}

export class SpecSyntaxError extends Error {}

export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'feature';
}

const countryKey = (c: unknown): string => {
  const s = String(c ?? '');
  return findCountry(s)?.alpha3 ?? s.toUpperCase();
};

const yamlOf = (v: unknown): string => stringify(v, { lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndAfter(text: string, offset: number): number {
  const nl = text.indexOf('\n', Math.max(0, offset - 1) === offset - 1 && text[offset - 1] === '\n' ? offset - 1 : offset);
  return nl < 0 ? text.length : nl + 1;
}

const isEmpty = (n: unknown): boolean => n === undefined || n === null || (isScalar(n) && (n.value === null || n.value === ''));

/** Text to append items to a sequence node. */
function appendToSeq(text: string, seq: YAMLSeq, items: unknown[]): Insertion | null {
  if (items.length === 0 || !seq.range) return null;
  if (seq.flow) {
    const close = text.lastIndexOf(']', seq.range[1]);
    if (close < seq.range[0]) return null;
    const rendered = items.map((i) => yamlOf(i).replace(/\n\s*/g, ' '));
    return { offset: close, text: (seq.items.length ? ', ' : '') + rendered.join(', ') };
  }
  const first = seq.items[0] as YamlNode | undefined;
  const last = seq.items[seq.items.length - 1] as YamlNode | undefined;
  if (!first?.range || !last?.range) return null;
  const ls = lineStart(text, first.range[0]);
  const dash = text.indexOf('-', ls);
  if (dash < 0 || dash > first.range[0]) return null;
  const indent = ' '.repeat(dash - ls);
  const at = lineEndAfter(text, last.range[1]);
  const body = items
    .map((i) => yamlOf(i).split('\n').map((l, k) => (k === 0 ? `${indent}- ${l}` : `${indent}  ${l}`)).join('\n'))
    .join('\n');
  const needsNl = at === text.length && !text.endsWith('\n');
  return { offset: at, text: `${needsNl ? '\n' : ''}${body}\n` };
}

/** Text to add pairs to a block map (before its first key, at the same indentation). */
function addToMap(text: string, map: YAMLMap, lines: string[]): Insertion | null {
  if (lines.length === 0) return null;
  const firstKey = map.items[0]?.key as YamlNode | undefined;
  if (map.flow || !firstKey?.range) return null;
  const ls = lineStart(text, firstKey.range[0]);
  const indent = ' '.repeat(firstKey.range[0] - ls);
  const body = lines.map((l) => indent + l).join('\n');
  return { offset: ls, text: body + '\n' };
}

function present(seq: YAMLSeq, key?: string): string[] {
  return seq.items.map((it) => (isScalar(it) ? String(it.value) : key && isMap(it) ? String(it.get(key) ?? '') : ''));
}

/**
 * Where and what to insert so the spec holds the answers. `existing` null or blank: one
 * insertion with a new spec. Throws SpecSyntaxError for text that cannot be parsed.
 */
export function specInsertions(existing: string | null, a: AssessAnswers): Insertion[] {
  const featureValues = (): Record<string, unknown> => ({
    id: slug(a.name),
    ...(a.name.trim() ? { name: a.name.trim() } : {}),
    ...(a.stage ? { lifecycle_stage: a.stage } : {}),
  });
  const flowList = (xs: string[]): string => `[${xs.join(', ')}]`;
  const topLevel = (present: (k: string) => boolean): string[] => {
    const parts: string[] = [];
    if (!present('spec_version')) parts.push('spec_version: 1');
    if (!present('feature')) {
      const f = yamlOf({ feature: featureValues() });
      parts.push(a.functions.length ? `${f}\n  functions: ${flowList(a.functions)}` : f);
    }
    if (!present('markets') && a.markets.length) parts.push(yamlOf({ markets: a.markets.map((c) => ({ country: countryKey(c) })) }));
    if (!present('user_groups') && a.userGroups.length) parts.push(`user_groups: ${flowList(a.userGroups)}`);
    if (!present('data') && a.dataCategories.length) parts.push(yamlOf({ data: a.dataCategories.map((c) => ({ name: c, category: c })) }));
    return parts;
  };
  if (existing === null || existing.trim() === '') {
    return [{ offset: existing?.length ?? 0, text: topLevel(() => false).join('\n') + '\n' }];
  }
  const doc: Document = parseDocument(existing);
  if (doc.errors.length > 0) throw new SpecSyntaxError(`The spec has YAML errors (${doc.errors[0]!.message.split('\n')[0]}); fix them before running the assessment.`);
  const root = doc.contents;
  if (!isMap(root)) throw new SpecSyntaxError('The spec is not a YAML mapping; it cannot be updated.');
  if (root.flow) throw new SpecSyntaxError('The spec is written as a single flow mapping ({…}); it cannot be updated in place.');
  const out: Insertion[] = [];
  const has = (k: string): boolean => !isEmpty(root.get(k, true));
  // Collections the user already has: add missing items in place.
  const feature = root.get('feature', true);
  if (isMap(feature)) {
    const missing: Record<string, unknown> = {};
    const fv = featureValues();
    for (const k of ['id', 'name', 'lifecycle_stage'] as const) if (isEmpty(feature.get(k, true)) && fv[k] !== undefined) missing[k] = fv[k];
    const fns = feature.get('functions', true);
    if (isSeq(fns)) {
      const have = new Set(present(fns));
      const add = a.functions.filter((f) => !have.has(f));
      const ins = appendToSeq(existing, fns, add);
      if (ins) out.push(ins);
    } else if ((fns === undefined || fns === null) && a.functions.length) {
      missing['functions'] = a.functions;
    }
    const lines = Object.entries(missing).map(([k, v]) => (Array.isArray(v) ? `${k}: ${flowList(v as string[])}` : yamlOf({ [k]: v })));
    const ins = addToMap(existing, feature, lines);
    if (ins) out.push(ins);
  }
  const seqAdd = (key: string, wanted: unknown[], keyOf: (v: unknown) => string, itemKey?: string) => {
    const node = root.get(key, true);
    if (!isSeq(node)) return;
    const have = new Set(present(node, itemKey).map(keyOf));
    const add = wanted.filter((w) => {
      const k = keyOf(w);
      if (have.has(k)) return false;
      have.add(k);
      return true;
    });
    const ins = appendToSeq(existing, node, add);
    if (ins) out.push(ins);
  };
  seqAdd('markets', a.markets.map((c) => ({ country: countryKey(c) })), (v) => countryKey(typeof v === 'object' && v ? (v as { country: string }).country : v), 'country');
  seqAdd('user_groups', a.userGroups, String, 'id');
  seqAdd('data', a.dataCategories.map((c) => ({ name: c, category: c })), (v) => (typeof v === 'object' && v ? String((v as { category: string }).category) : String(v)), 'category');
  // Sections the user has not written at all: appended at the end (spec_version at the top).
  const missingTop = topLevel(has).filter((p) => !p.startsWith('spec_version'));
  if (!has('spec_version')) out.push({ offset: 0, text: 'spec_version: 1\n' });
  // A section present but empty (e.g. `markets:` with no value) is left for the user to fill.
  const reallyMissing = missingTop.filter((p) => root.get(p.slice(0, p.indexOf(':')), true) === undefined);
  if (reallyMissing.length) out.push({ offset: existing.length, text: (existing.endsWith('\n') ? '' : '\n') + reallyMissing.join('\n') + '\n' });
  return out.sort((x, y) => x.offset - y.offset);
}

export function applyInsertions(text: string, ins: Insertion[]): string {
  let out = '';
  let pos = 0;
  for (const i of [...ins].sort((x, y) => x.offset - y.offset)) {
    out += text.slice(pos, i.offset) + i.text;
    pos = i.offset;
  }
  return out + text.slice(pos);
}

/** The spec text with the answers merged in (null or blank `existing` creates a new spec). */
export function updateSpecText(existing: string | null, a: AssessAnswers): string {
  return applyInsertions(existing ?? '', specInsertions(existing, a));
}
