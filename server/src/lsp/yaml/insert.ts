// Minimal edits that add a value at a path of a YAML document, computed from the syntax tree
// (`yaml` nodes with offsets): only the new text is inserted, everything else — comments,
// quoting, key order, flow or block style — stays as the user wrote it.
import { isMap, isScalar, isSeq, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { YamlSource } from '../../engine/parse/yamlSource';
import { render, type KeyComments, type RenderStyle } from './render';

/** A change to the text by offsets, with the same change as snippet text. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
  snippet: string;
}

/** A path of map keys and sequence indexes; `-` appends to a sequence. */
export type YamlPath = (string | number)[];

export function detectStyle(src: YamlSource): RenderStyle {
  let indent = 0;
  let indentSeq: boolean | undefined;
  const col = (offset: number) => src.lineCounter.linePos(offset).col - 1;
  const walk = (node: unknown, keyCol: number, depth: number): void => {
    if (depth > 6 || (indent && indentSeq !== undefined)) return;
    if (isMap(node) && !node.flow) {
      for (const p of node.items) {
        const k = p.key as YamlNode | null;
        if (!k?.range) continue;
        const kc = col(k.range[0]);
        if (keyCol >= 0 && !indent && kc > keyCol) indent = kc - keyCol;
        const v = p.value as YamlNode | null;
        if (isSeq(v) && !v.flow && v.range && indentSeq === undefined) indentSeq = col(v.range[0]) > kc;
        walk(v, kc, depth + 1);
      }
    } else if (isSeq(node) && !node.flow) {
      for (const it of node.items) walk(it, -1, depth + 1);
    }
  };
  walk(src.doc.contents, -1, 0);
  return { indent: indent || 2, indentSeq: indentSeq ?? true };
}

function build(tokens: YamlPath, value: unknown): unknown {
  let v = value;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    v = t === '-' ? [v] : { [String(t)]: v };
  }
  return v;
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
}

function indentLines(s: string, n: number): string {
  const pad = ' '.repeat(n);
  return s
    .split('\n')
    .map((l) => (l.length ? pad + l : l))
    .join('\n');
}

/** Offset just after the line on which `offset` lies (or the text end). */
function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const n = text.indexOf('\n', offset);
  return n < 0 ? text.length : n + 1;
}

/**
 * The edit that makes `path` hold `value`, adding only what is missing. Returns undefined when
 * the path already exists or goes through a scalar that is not null.
 */
export function insertAt(src: YamlSource, path: YamlPath, value: unknown, comments: KeyComments = {}): TextChange | undefined {
  const style = detectStyle(src);
  const col = (offset: number) => src.lineCounter.linePos(offset).col - 1;
  let node = src.doc.contents as YamlNode | null;
  const emptyRoot = node === null || (isScalar(node) && (node.value === null || node.value === undefined) && (!node.range || node.range[0] === node.range[1]));
  if (emptyRoot && path.length > 0) return appendTopLevel(src, build(path, value), style, comments);
  /** Column of the key that holds `node` (-indent for the root). */
  let ownerCol = -style.indent;
  let inFlow = false;
  for (let i = 0; i < path.length; i++) {
    const tok = path[i]!;
    const rest = path.slice(i);
    if (node === null || (isScalar(node) && (node.value === null || node.value === undefined))) {
      return replaceNull(src, node, ownerCol, build(rest, value), style, comments, undefined, base(path, i));
    }
    if (isMap(node)) {
      if (tok === '-' || typeof tok === 'number') return undefined;
      const pair = findPair(node, tok);
      if (!pair) return addToMap(src, node, ownerCol, build(rest, value), style, comments, inFlow, base(path, i));
      ownerCol = isScalar(pair.key) && pair.key.range ? col(pair.key.range[0]) : ownerCol;
      inFlow ||= !!node.flow;
      node = (pair.value as YamlNode | null) ?? null;
      if (node === null) return replaceNull(src, null, ownerCol, build(path.slice(i + 1), value), style, comments, pair, base(path, i + 1));
      continue;
    }
    if (isSeq(node)) {
      if (tok === '-') return appendToSeq(src, node, ownerCol, build(path.slice(i + 1), value), style, comments, inFlow, base(path, i));
      if (typeof tok !== 'number' || !node.items[tok]) return undefined;
      inFlow ||= !!node.flow;
      const item = node.items[tok] as YamlNode;
      // Keys of a map item start after "- ": their owner is one level left of them.
      if (isMap(item) && item.range) ownerCol = col(item.range[0]) - style.indent;
      node = item;
      continue;
    }
    return undefined;
  }
  if (node === null || (isScalar(node) && (node.value === null || node.value === undefined))) {
    return replaceNull(src, node, ownerCol, value, style, comments, undefined, base(path, path.length));
  }
  // The map exists: add the keys of `value` it lacks.
  if (isMap(node) && value && typeof value === 'object' && !Array.isArray(value)) {
    const map = node;
    const missing = Object.entries(value).filter(([k]) => !findPair(map, k));
    if (missing.length === 0) return undefined;
    return addToMap(src, map, ownerCol, Object.fromEntries(missing), style, comments, inFlow, base(path, path.length));
  }
  return undefined;
}

function base(path: YamlPath, n: number): string[] {
  return path.slice(0, n).map(String);
}

function block(value: unknown, style: RenderStyle, comments: KeyComments, column: number, base: string[] = []) {
  const r = render(value, style, comments, base);
  return { text: indentLines(r.text.replace(/\n$/, ''), column), snippet: indentLines(r.snippet.replace(/\n$/, ''), column) };
}

function flow(value: unknown, style: RenderStyle) {
  const r = render(value, { ...style, flow: true });
  return { text: r.text.replace(/\n$/, ''), snippet: r.snippet.replace(/\n$/, '') };
}

function addToMap(src: YamlSource, map: YAMLMap, ownerCol: number, value: unknown, style: RenderStyle, comments: KeyComments, inFlow: boolean, basePath: string[]): TextChange | undefined {
  const text = src.text;
  const entries = Object.entries(value as Record<string, unknown>);
  if (map.flow || inFlow) return insertIntoFlow(src, map, flowPairs(entries, style), map.items.length === 0);
  const col = (offset: number) => src.lineCounter.linePos(offset).col - 1;
  const first = map.items[0]?.key as YamlNode | undefined;
  const keyCol = first?.range ? col(first.range[0]) : ownerCol + style.indent;
  const last = map.items[map.items.length - 1];
  const lastEnd = (last?.value as YamlNode | null)?.range?.[1] ?? (last?.key as YamlNode | null)?.range?.[1] ?? map.range?.[1] ?? text.length;
  const at = lineEndAfter(text, lastEnd);
  const b = block(value, style, comments, Math.max(0, keyCol), basePath);
  const topLevel = keyCol === 0;
  const needsNewline = at === text.length && text.length > 0 && !text.endsWith('\n');
  const lead = (needsNewline ? '\n' : '') + (topLevel && !/\n\s*\n$/.test(text.slice(0, at)) && at > 0 ? '\n' : '');
  return { start: at, end: at, text: lead + b.text + '\n', snippet: lead + b.snippet + '\n' };
}

function flowPairs(entries: [string, unknown][], style: RenderStyle): { text: string; snippet: string } {
  const r = flow(Object.fromEntries(entries), style);
  // "{ a: 1 }" or "{a: 1}" -> "a: 1"
  const strip = (s: string) => s.replace(/^\{\s*/, '').replace(/\s*\\?\}$/, '');
  return { text: strip(r.text), snippet: strip(r.snippet) };
}

function insertIntoFlow(src: YamlSource, coll: YAMLMap | YAMLSeq, piece: { text: string; snippet: string }, empty: boolean): TextChange | undefined {
  const end = coll.range?.[1];
  if (end === undefined) return undefined;
  const text = src.text;
  let p = end - 1; // the closing bracket
  if (text[p] !== '}' && text[p] !== ']') return undefined;
  while (p > 0 && /\s/.test(text[p - 1] ?? '')) p--;
  const sep = empty ? '' : ', ';
  return { start: p, end: p, text: sep + piece.text, snippet: sep + piece.snippet };
}

function appendToSeq(src: YamlSource, seq: YAMLSeq, ownerCol: number, value: unknown, style: RenderStyle, comments: KeyComments, inFlow: boolean, basePath: string[]): TextChange | undefined {
  const text = src.text;
  if (seq.flow || inFlow) return insertIntoFlow(src, seq, flow(value, style), seq.items.length === 0);
  const col = (offset: number) => src.lineCounter.linePos(offset).col - 1;
  const dashCol = seq.range ? col(seq.range[0]) : ownerCol + (style.indentSeq ? style.indent : 0);
  const last = seq.items[seq.items.length - 1] as YamlNode | undefined;
  const lastEnd = last?.range?.[1] ?? seq.range?.[1] ?? text.length;
  const at = lineEndAfter(text, lastEnd);
  const b = block([value], style, comments, dashCol, basePath);
  const lead = at === text.length && text.length > 0 && !text.endsWith('\n') ? '\n' : '';
  return { start: at, end: at, text: lead + b.text + '\n', snippet: lead + b.snippet + '\n' };
}

/** Replace an empty or null value (`key:` / `key: null` / `key: ~`) with a block. */
function replaceNull(src: YamlSource, node: YamlNode | null, ownerCol: number, value: unknown, style: RenderStyle, comments: KeyComments, pair: Pair | undefined, basePath: string[]): TextChange | undefined {
  const text = src.text;
  let start: number;
  let end: number;
  if (node?.range) {
    start = node.range[0];
    end = node.range[1];
  } else if (pair && isScalar(pair.key) && pair.key.range) {
    // `key:` with no value node: insert after the colon.
    start = end = text.indexOf(':', pair.key.range[1]) + 1;
    if (start <= 0) return undefined;
  } else {
    return undefined;
  }
  if (text.slice(start, end).trim() === '' || text.slice(start, end).trimStart().startsWith('#')) {
    // `key:` or `key: # comment`: the new block goes on the lines after it.
    start = end = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
  } else {
    while (start > 0 && text[start - 1] === ' ') start--;
  }
  const isCollection = typeof value === 'object' && value !== null;
  if (!isCollection) {
    const f = flow(value, style);
    return { start, end, text: ' ' + f.text, snippet: ' ' + f.snippet };
  }
  const column = Math.max(0, ownerCol + style.indent) - (Array.isArray(value) && !style.indentSeq ? style.indent : 0);
  const b = block(value, style, comments, Math.max(0, column), basePath);
  return { start, end, text: '\n' + b.text, snippet: '\n' + b.snippet };
}

/** A document with no content (only comments): the block goes at the end. */
function appendTopLevel(src: YamlSource, value: unknown, style: RenderStyle, comments: KeyComments): TextChange {
  const text = src.text;
  const b = block(value, style, comments, 0, []);
  const lead = text.length > 0 && !text.endsWith('\n') ? '\n' : '';
  return { start: text.length, end: text.length, text: lead + b.text + '\n', snippet: lead + b.snippet + '\n' };
}
