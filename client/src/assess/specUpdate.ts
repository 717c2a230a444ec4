// Create or update a spec from the guided flow's answers, without overwriting anything the
// user wrote: only missing keys and missing list items are added, through the yaml Document
// API (comments, order and styles are kept). Pure: text in, text out; no VS Code here.
import { isMap, isScalar, isSeq, parseDocument, type Document, YAMLMap, YAMLSeq } from 'yaml';
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

const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const;

export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'feature';
}

export class SpecSyntaxError extends Error {}

function countryKey(c: unknown): string {
  const s = String(c ?? '');
  return findCountry(s)?.alpha3 ?? s.toUpperCase();
}

function scalarValues(seq: YAMLSeq, key?: string): string[] {
  return seq.items.map((it) => {
    if (isScalar(it)) return String(it.value);
    if (key && isMap(it)) return String(it.get(key) ?? '');
    return '';
  });
}

/** Append items a sequence lacks (compared by `same`). Returns how many were added. */
function addMissing(doc: Document, path: string[], wanted: unknown[], present: (seq: YAMLSeq) => string[], keyOf: (v: unknown) => string): number {
  const node = doc.getIn(path, true);
  if (node === undefined || node === null || (isScalar(node) && (node.value === null || node.value === undefined))) {
    if (wanted.length === 0) return 0;
    doc.setIn(path, doc.createNode(wanted));
    return wanted.length;
  }
  if (!isSeq(node)) return 0; // the user wrote something else there: leave it alone
  const have = new Set(present(node).map(keyOf));
  let added = 0;
  for (const w of wanted) {
    const k = keyOf(w);
    if (have.has(k)) continue;
    have.add(k);
    node.add(doc.createNode(w));
    added++;
  }
  return added;
}

function setIfMissing(doc: Document, path: string[], value: unknown): boolean {
  const cur = doc.getIn(path, true);
  if (cur !== undefined && !(isScalar(cur) && (cur.value === null || cur.value === ''))) return false;
  doc.setIn(path, value);
  return true;
}

/**
 * The spec text with the answers merged in. `existing` null or blank creates a new spec.
 * Throws SpecSyntaxError when the existing text cannot be parsed (nothing is changed then).
 */
export function updateSpecText(existing: string | null, a: AssessAnswers): string {
  const blank = existing === null || existing.trim() === '';
  const doc = blank ? parseDocument('spec_version: 1\n') : parseDocument(existing);
  if (doc.errors.length > 0) throw new SpecSyntaxError(`The spec has YAML errors (${doc.errors[0]!.message.split('\n')[0]}); fix them before running the assessment.`);
  if (!blank && doc.contents !== null && !isMap(doc.contents)) throw new SpecSyntaxError('The spec is not a YAML mapping; it cannot be updated.');
  if (doc.contents === null) (doc as Document).contents = new YAMLMap();
  const root = doc.contents as YAMLMap;
  if (!root.has('spec_version')) root.items.unshift(doc.createPair('spec_version', 1));
  const feature = doc.getIn(['feature'], true);
  if (feature === undefined || (isScalar(feature) && feature.value === null)) {
    doc.setIn(['feature'], doc.createNode({ id: slug(a.name), name: a.name }));
  }
  if (isMap(doc.getIn(['feature'], true))) {
    setIfMissing(doc, ['feature', 'id'], slug(a.name));
    if (a.name.trim()) setIfMissing(doc, ['feature', 'name'], a.name.trim());
    if (a.stage) setIfMissing(doc, ['feature', 'lifecycle_stage'], a.stage);
    const fns = doc.getIn(['feature', 'functions'], true);
    addMissing(doc, ['feature', 'functions'], a.functions, (s) => scalarValues(s), String);
    const after = doc.getIn(['feature', 'functions'], true);
    if (fns === undefined && isSeq(after)) after.flow = true;
  }
  addMissing(
    doc,
    ['markets'],
    a.markets.map((c) => ({ country: countryKey(c) })),
    (s) => scalarValues(s, 'country'),
    (v) => countryKey(typeof v === 'object' && v ? (v as { country: string }).country : v),
  );
  const groupsBefore = doc.getIn(['user_groups'], true);
  addMissing(doc, ['user_groups'], a.userGroups, (s) => scalarValues(s, 'id'), String);
  const groupsAfter = doc.getIn(['user_groups'], true);
  if (groupsBefore === undefined && isSeq(groupsAfter)) groupsAfter.flow = true;
  addMissing(
    doc,
    ['data'],
    a.dataCategories.map((c) => ({ name: c, category: c })),
    (s) => scalarValues(s, 'category'),
    (v) => (typeof v === 'object' && v ? String((v as { category: string }).category) : String(v)),
  );
  return doc.toString(TO_STRING);
}

/**
 * The smallest single replacement turning `before` into `after`: offsets into `before` and
 * the text to put there (so an editor edit touches only what changed).
 */
export function minimalEdit(before: string, after: string): { start: number; end: number; text: string } | null {
  if (before === after) return null;
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  return { start: p, end: before.length - s, text: after.slice(p, after.length - s) };
}
