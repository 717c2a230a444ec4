// Re-use the previous version's syntax tree after a small edit, instead of parsing the whole text
// again. Covers the commonest keystroke: typing inside one scalar value that stays a one-line
// scalar of the same kind (a number, a word, a quoted string). Anything else — a key, a new
// line, an indicator character, a comment, an anchor or tag, a broken document — returns
// undefined and the caller parses in full. The result is what parseYamlSource would give for the
// new text (tested against it on random edits in test/unit/parse/incremental.test.ts).
import { isAlias, isCollection, isDocument, isNode, isPair, isScalar, parseDocument, Scalar, type Document, type Node as YamlNode } from 'yaml';
import { lineCounterFor, type PointerLocation, type YamlSource } from './yamlSource';

/** One text replacement, in offsets of the text it applies to (LSP incremental changes, in order). */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

type Range3 = [number, number, number];
type Parent = { kind: 'pair'; pair: { value: unknown } } | { kind: 'seq'; items: unknown[]; index: number } | { kind: 'doc'; doc: Document.Parsed };

interface Target {
  docIndex: number;
  node: Scalar;
  parent: Parent;
  /** Collections (and the document) whose span contains the scalar. */
  ancestors: Set<unknown>;
  /** Where the scalar is in the document's plain data (map keys and sequence indexes); undefined when a key is not a plain string. */
  path: (string | number)[] | undefined;
}

/** A plain scalar that means the same wherever it stands, with no indicator, comment or space at its ends. */
const SAFE_PLAIN = /^(?:[A-Za-z0-9_]|[.+-](?=[A-Za-z0-9_]))[A-Za-z0-9_.+\-/@ ]*(?<! )$/;
const DOC_MARKER = /^(?:---|\.\.\.)/;

/**
 * The new source for `edits` applied to `prev`, or undefined when the fast path does not apply.
 * `prev` is consumed when this returns a source or touches its tree: its tree now belongs to
 * the new source (`prev.consumed` is set), so parse `prev.text` again if it is still needed.
 */
export function reparseAfterEdits(prev: YamlSource, edits: readonly OffsetEdit[], newText: string): YamlSource | undefined {
  if (prev.consumed || prev.errors.length > 0 || prev.warnings.length > 0 || edits.length === 0 || edits.length > 16) return undefined;
  if (prev.docs.some((d) => d.directives?.yaml.explicit || d.errors.length > 0 || d.warnings.length > 0)) return undefined;
  let text = prev.text;
  let data = prev.data;
  // Value edits keep every line break: only positions on the edited lines can move.
  const editedLines = new Set<number>();
  for (const e of edits) {
    if (!(0 <= e.start && e.start <= e.end && e.end <= text.length)) return undefined;
    const target = findScalar(prev.docs, e);
    const fresh = target && replacementScalar(target.node, text, e);
    if (!target || !fresh) {
      if (text !== prev.text) prev.consumed = true;
      return undefined;
    }
    const delta = e.text.length - (e.end - e.start);
    shiftAfter(prev.docs, target, delta);
    put(target.parent, fresh);
    data = data && patchData(data, text, target, fresh);
    // In the text this edit applies to (an earlier edit may have moved it along its line).
    editedLines.add(lineOf(text, e.start));
    text = text.slice(0, e.start) + e.text + text.slice(e.end);
    prev.consumed = true;
  }
  if (text !== newText) return undefined;
  const next: YamlSource = { text, lineCounter: lineCounterFor(text), doc: prev.doc, docs: prev.docs, errors: [], warnings: [] };
  if (data) next.data = data;
  if (prev.locations) next.locations = unmovedLocations(prev.locations, editedLines);
  return next;
}

/** The 0-based line of `offset` in `text`. */
function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The located pointers whose ranges touch none of the edited lines (the structure is unchanged). */
function unmovedLocations(known: Map<string, PointerLocation>, lines: Set<number>): Map<string, PointerLocation> {
  const kept = new Map<string, PointerLocation>();
  for (const [key, loc] of known) {
    const { start, end } = loc.range;
    let touched = false;
    for (const l of lines) if (start.line <= l && l <= end.line) touched = true;
    if (!touched) kept.set(key, loc);
  }
  return kept;
}

/** Anchors, aliases, merge keys or tags: one value may appear in several places of the data. */
const SHARED_VALUES = /[&*!]|<</;

/**
 * The converted data of the first document with the replaced scalar written in, or undefined
 * (it is converted again on first use) when the place cannot be followed exactly. Copy on
 * write: the objects on the path are copied, everything else is shared with the previous
 * version (unchanged parts keep their identity, so results derived from them can be reused).
 */
function patchData(data: { value: unknown }, text: string, target: Target, fresh: Scalar): { value: unknown } | undefined {
  const path = target.path;
  const value = fresh.value;
  if (target.docIndex !== 0 || !path || path.length === 0 || SHARED_VALUES.test(text)) return undefined;
  if (typeof value === 'object' && value !== null) return undefined;
  const write = (holder: unknown, i: number): { value: unknown } | undefined => {
    if (holder === null || typeof holder !== 'object') return undefined;
    const step = path[i]!;
    if (!Object.prototype.hasOwnProperty.call(holder, step)) return undefined;
    const inner = i === path.length - 1 ? { value } : write((holder as Record<string | number, unknown>)[step], i + 1);
    if (!inner) return undefined;
    const copy = Array.isArray(holder) ? holder.slice() : { ...(holder as Record<string, unknown>) };
    (copy as Record<string | number, unknown>)[step] = inner.value;
    return { value: copy };
  };
  return write(data.value, 0);
}

/** The one-line scalar value whose span holds the edit, with its parent and ancestors. */
function findScalar(docs: Document.Parsed[], e: OffsetEdit): Target | undefined {
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d]!;
    const r = doc.range as Range3 | undefined;
    if (!r || e.start < r[0] || e.end > r[2]) continue;
    const ancestors = new Set<unknown>([doc]);
    let parent: Parent = { kind: 'doc', doc };
    let node: unknown = doc.contents;
    let path: (string | number)[] | undefined = [];
    for (;;) {
      if (isScalar(node)) {
        const nr = node.range as Range3 | undefined;
        if (!nr || e.start < nr[0] || e.end > nr[1]) return undefined;
        return { docIndex: d, node, parent, ancestors, path };
      }
      if (!isCollection(node)) return undefined;
      const nr = node.range as Range3 | undefined;
      if (!nr || e.start < nr[0] || e.end > nr[2]) return undefined;
      ancestors.add(node);
      let next: { node: unknown; parent: Parent; step: string | number | undefined } | undefined;
      for (let i = 0; i < node.items.length && !next; i++) {
        const item: unknown = node.items[i];
        if (isPair(item)) {
          // An edit touching a key changes the structure: full parse.
          if (isNode(item.key) && overlaps(item.key.range as Range3, e)) return undefined;
          if (isNode(item.value) && contains(item.value.range as Range3, e)) {
            const k = isScalar(item.key) && typeof item.key.value === 'string' && item.key.value !== '__proto__' && item.key.value !== '<<' ? item.key.value : undefined;
            next = { node: item.value, parent: { kind: 'pair', pair: item }, step: k };
          }
        } else if (isNode(item) && contains(item.range as Range3, e)) {
          next = { node: item, parent: { kind: 'seq', items: node.items, index: i }, step: i };
        }
      }
      if (!next) return undefined;
      node = next.node;
      parent = next.parent;
      path = path && next.step !== undefined ? [...path, next.step] : undefined;
    }
  }
  return undefined;
}

function contains(r: Range3 | undefined, e: OffsetEdit): boolean {
  return !!r && r[0] <= e.start && e.end <= r[2];
}

function overlaps(r: Range3 | undefined, e: OffsetEdit): boolean {
  return !!r && e.start <= r[2] && e.end >= r[0];
}

/** The scalar the edited source parses to, or undefined when the edit may change more than the value. */
function replacementScalar(node: Scalar, text: string, e: OffsetEdit): Scalar | undefined {
  const [start, valueEnd, nodeEnd] = node.range as Range3;
  if (node.anchor || node.tag || valueEnd <= start) return undefined;
  const before = text.slice(start, valueEnd);
  if (before.includes('\n') || e.text.includes('\n') || e.text.includes('\r')) return undefined;
  const source = before.slice(0, e.start - start) + e.text + before.slice(e.end - start);
  if (!safeSource(node.type, source)) return undefined;
  const parsed = parseDocument(source, { prettyErrors: false, uniqueKeys: true, logLevel: 'error', keepSourceTokens: false });
  const fresh = parsed.contents;
  if (parsed.errors.length > 0 || parsed.warnings.length > 0 || !isScalar(fresh) || fresh.type !== node.type || fresh.anchor || fresh.tag) return undefined;
  const fr = fresh.range as Range3 | undefined;
  if (!fr || fr[0] !== 0 || fr[1] !== source.length) return undefined;
  fresh.range = [start, start + source.length, nodeEnd + source.length - before.length];
  if (node.comment !== undefined) fresh.comment = node.comment;
  if (node.commentBefore !== undefined) fresh.commentBefore = node.commentBefore;
  if (node.spaceBefore !== undefined) fresh.spaceBefore = node.spaceBefore;
  return fresh;
}

function safeSource(type: Scalar['type'], source: string): boolean {
  switch (type) {
    case Scalar.PLAIN:
      return SAFE_PLAIN.test(source) && !DOC_MARKER.test(source) && !source.includes(' #') && !source.includes(': ');
    case Scalar.QUOTE_DOUBLE:
      return source.length >= 2 && source.startsWith('"') && source.endsWith('"') && !/["\\]/.test(source.slice(1, -1));
    case Scalar.QUOTE_SINGLE:
      return source.length >= 2 && source.startsWith("'") && source.endsWith("'") && !source.slice(1, -1).includes("'");
    default:
      return false;
  }
}

/** Move every offset after the edited scalar by `delta`; the scalar's ancestors grow at their ends. */
function shiftAfter(docs: Document.Parsed[], target: Target, delta: number): void {
  if (delta === 0) return;
  const after = (target.node.range as Range3)[1];
  const shiftNode = (n: { range?: Range3 | null }): void => {
    const r = n.range;
    if (!r) return;
    // In place: the tree (and so every range array in it) now belongs to the new source.
    if (target.ancestors.has(n)) {
      r[1] += delta;
      r[2] += delta;
    } else if (r[0] >= after) {
      r[0] += delta;
      r[1] += delta;
      r[2] += delta;
    }
  };
  const visit = (n: unknown): void => {
    if (n === target.node || n === null || typeof n !== 'object') return;
    if (isPair(n)) {
      visit(n.key);
      visit(n.value);
      return;
    }
    if (isScalar(n) || isAlias(n)) {
      shiftNode(n as { range?: Range3 | null });
      return;
    }
    if (isCollection(n)) {
      const r = n.range as Range3 | undefined;
      // A collection that ends before the edit holds nothing to move.
      if (r && r[2] < after && !target.ancestors.has(n)) return;
      shiftNode(n as { range?: Range3 | null });
      for (const it of n.items) visit(it);
    }
  };
  for (let d = target.docIndex; d < docs.length; d++) {
    const doc = docs[d]!;
    if (isDocument(doc)) shiftNode(doc as unknown as { range?: Range3 | null });
    visit(doc.contents as YamlNode | null);
  }
}

function put(parent: Parent, fresh: Scalar): void {
  if (parent.kind === 'pair') parent.pair.value = fresh;
  else if (parent.kind === 'seq') parent.items[parent.index] = fresh;
  else parent.doc.contents = fresh as Scalar.Parsed;
}
