// Parse YAML (and JSON, which the same parser reads) once into a syntax tree with offsets,
// and answer "where is this JSON pointer?" from the tree. Never searches the text.
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Node as YamlNode,
  type Pair,
} from 'yaml';
import type { Pointer, Position, Range } from '../types';

export interface ParseProblem {
  message: string;
  range: Range;
  code: string;
}

export interface YamlSource {
  text: string;
  lineCounter: LineCounter;
  /** The first YAML document; specs are single-document files. */
  doc: Document.Parsed;
  /** Every document in the stream (flag files may hold several). */
  docs: Document.Parsed[];
  errors: ParseProblem[];
  warnings: ParseProblem[];
  /** Set when an incremental re-parse took this source's tree over (parse `text` again to use it). */
  consumed?: boolean;
  /** The first document as plain data, once converted (see sourceData); kept up to date by incremental re-parses. */
  data?: { value: unknown };
  /**
   * Pointers located so far (locatePointer), by document, part and pointer, when the owner of a
   * long-lived source asks for it (the server's per-document cache sets an empty map).
   * Incremental re-parses carry the entries over that the edit cannot have moved.
   */
  locations?: Map<string, PointerLocation>;
}

/** Text to syntax tree: parseYamlSource, or a caller's cache or incremental parser giving the same result. */
export type YamlParser = (text: string) => YamlSource;

/** Upper bound on alias expansion (guards against "billion laughs" documents). */
const MAX_ALIAS_COUNT = 1000;

export function parseYamlSource(text: string): YamlSource {
  // Line starts come from the text itself, not from the parser: the parser only reports the
  // newlines it lexes, which misses some (e.g. inside an unterminated quoted scalar).
  const lineCounter = lineCounterFor(text);
  const docs = parseAllDocuments(text, {
    prettyErrors: false,
    uniqueKeys: true,
    // Collected in doc.warnings; never printed to the process's stderr.
    logLevel: 'error',
    keepSourceTokens: false,
  });
  const list = Array.isArray(docs) ? docs : [];
  const doc = list[0] ?? (new Document(null) as unknown as Document.Parsed);
  const errors: ParseProblem[] = [];
  const warnings: ParseProblem[] = [];
  const toProblem = (e: { message: string; pos: [number, number]; code: string }): ParseProblem => ({
    message: firstLine(e.message),
    code: e.code,
    range: offsetsToRange(lineCounter, text, e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)),
  });
  for (const d of list) {
    for (const e of d.errors) errors.push(toProblem(e));
    for (const w of d.warnings) warnings.push(toProblem(w));
  }
  return { text, lineCounter, doc, docs: list, errors, warnings };
}

/** A LineCounter (yaml's API: lineStarts, linePos) filled from every newline in the text. */
export function lineCounterFor(text: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  return lc;
}

/** Convert a document to plain data, bounding alias expansion. */
export function toData(doc: Document.Parsed): unknown {
  return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
}

/**
 * The first document of a source as plain data, converted once per source. The result is
 * shared (with the next version's, after an incremental re-parse): callers must not change it.
 */
export function sourceData(src: YamlSource): unknown {
  if (src.data) return src.data.value;
  const value = toData(src.doc);
  src.data = { value };
  return value;
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return i < 0 ? s : s.slice(0, i);
}

export function offsetToPosition(lc: LineCounter, offset: number): Position {
  const p = lc.linePos(offset);
  return { line: Math.max(0, p.line - 1), character: Math.max(0, p.col - 1) };
}

export function offsetsToRange(lc: LineCounter, text: string, start: number, end: number): Range {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return { start: offsetToPosition(lc, s), end: offsetToPosition(lc, e) };
}

export function escapePointerToken(t: string | number): string {
  return String(t).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function parsePointer(p: Pointer): string[] {
  if (p === '' || p === '/') return [];
  const tokens = (p.charCodeAt(0) === 47 ? p.slice(1) : p).split('/');
  return p.includes('~') ? tokens.map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')) : tokens;
}

export function joinPointer(base: Pointer, ...tokens: (string | number)[]): Pointer {
  return [base === '/' ? '' : base, ...tokens.map(escapePointerToken)].join('/');
}

interface Located {
  node: YamlNode | null;
  pair: Pair | null;
  /** How many pointer tokens were resolved. */
  depth: number;
}

function locate(root: YamlNode | null, tokens: string[]): Located {
  let node: YamlNode | null = root;
  let pair: Pair | null = null;
  let depth = 0;
  for (const t of tokens) {
    if (isMap(node)) {
      const found: Pair | undefined = node.items.find((it) => isScalar(it.key) && String(it.key.value) === t);
      if (!found) break;
      pair = found;
      node = (found.value as YamlNode | null) ?? null;
    } else if (isSeq(node)) {
      const i = Number(t);
      if (!Number.isInteger(i) || i < 0 || i >= node.items.length) break;
      pair = null;
      node = node.items[i] as YamlNode;
    } else {
      break;
    }
    depth++;
  }
  return { node, pair, depth };
}

export interface PointerLocation {
  range: Range;
  /** True when the exact pointer exists; false when an ancestor stands in for it. */
  exact: boolean;
  /** The pointer actually located. */
  pointer: Pointer;
}

export type RangePart = 'auto' | 'key' | 'value';

/**
 * Where a pointer is in the source. Scalars map to their value; collections and missing
 * values map to the key that holds them (or the first line of a sequence item), and a
 * missing pointer falls back to its closest existing ancestor.
 */
export function locatePointer(src: YamlSource, pointer: Pointer, part: RangePart = 'auto', docIndex = 0): PointerLocation {
  const memo = src.locations;
  if (!memo) return locateUncached(src, pointer, part, docIndex);
  const key = `${docIndex}\u0000${part}\u0000${pointer}`;
  const known = memo.get(key);
  if (known) return known;
  const found = locateUncached(src, pointer, part, docIndex);
  memo.set(key, found);
  return found;
}

function locateUncached(src: YamlSource, pointer: Pointer, part: RangePart, docIndex: number): PointerLocation {
  const tokens = parsePointer(pointer);
  const doc = src.docs[docIndex] ?? src.doc;
  const root = (doc.contents as YamlNode | null) ?? null;
  const loc = locate(root, tokens);
  const exact = loc.depth === tokens.length;
  // An exact '/…' pointer is its own located pointer (escaping the parsed tokens gives it back).
  const located = loc.depth === 0 ? '' : exact && pointer.charCodeAt(0) === 47 ? pointer : '/' + tokens.slice(0, loc.depth).map(escapePointerToken).join('/');
  return { range: rangeOf(src, loc, part), exact, pointer: located };
}

function rangeOf(src: YamlSource, loc: Located, part: RangePart): Range {
  const { lineCounter: lc, text } = src;
  const node = loc.node;
  const keyNode = loc.pair && isScalar(loc.pair.key) ? loc.pair.key : null;
  const wantKey = part === 'key' || (part === 'auto' && !(node && isScalar(node) && node.range));
  if (wantKey && keyNode?.range) {
    return offsetsToRange(lc, text, keyNode.range[0], keyNode.range[1]);
  }
  if (node?.range) {
    if (isScalar(node)) return offsetsToRange(lc, text, node.range[0], node.range[1]);
    return firstLineOf(src, node.range[0], node.range[1]);
  }
  if (keyNode?.range) return offsetsToRange(lc, text, keyNode.range[0], keyNode.range[1]);
  // Nothing located at all: the first non-empty line of the file.
  const m = /\S/.exec(text);
  const start = m ? m.index : 0;
  return firstLineOf(src, start, text.length);
}

function firstLineOf(src: YamlSource, start: number, end: number): Range {
  let e = src.text.indexOf('\n', start);
  if (e < 0 || e > end) e = end;
  let trimmed = e;
  while (trimmed > start && /\s/.test(src.text[trimmed - 1] ?? '')) trimmed--;
  if (trimmed <= start) trimmed = Math.min(src.text.length, start + 1);
  return offsetsToRange(src.lineCounter, src.text, start, trimmed);
}

/** The range of a map key (for "unknown key" findings). */
export function locateKey(src: YamlSource, parent: Pointer, key: string): Range {
  return locatePointer(src, joinPointer(parent, key), 'key').range;
}
