// Render a value as YAML text with the `yaml` Document API, twice: as plain text, and as an
// LSP/VS Code snippet whose placeholders are tab stops. Placeholders are marked in the value
// with `placeholder(...)`; comments can be attached to map keys (e.g. the questions a stub answers).
import { Document, isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';

export interface Placeholder {
  readonly __placeholder: true;
  /** The value written in plain-text mode and preselected in snippet mode. */
  value: string | number | boolean | null;
  /** Offer these values (YAML text) as a snippet choice. */
  choices?: string[];
}

export function placeholder(value: string | number | boolean | null, choices?: string[]): Placeholder {
  return { __placeholder: true, value, choices };
}

function isPlaceholder(v: unknown): v is Placeholder {
  return typeof v === 'object' && v !== null && (v as Placeholder).__placeholder === true;
}

export interface RenderStyle {
  /** Spaces per indentation level (the file's own). */
  indent: number;
  /** Whether block sequences inside maps are indented (`key:\n  - a`) or not (`key:\n- a`). */
  indentSeq: boolean;
  /** Render collections in flow style ({a: 1}). */
  flow?: boolean;
}

export interface Rendered {
  text: string;
  snippet: string;
}

/** Comments to put before keys, by key path from the document root (e.g. "dd_answers.CTX-01.answer"). */
export type KeyComments = Record<string, string>;

const SENTINEL = (i: number) => `fcsph${i}x`;
const SENTINEL_RE = /fcsph(\d+)x/g;

/** Escape literal text for a snippet (TextMate grammar: $, } and \ are special). */
export function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => '\\' + c);
}

function escapeChoice(s: string): string {
  return s.replace(/[\\$},|]/g, (c) => '\\' + c);
}

function scalarText(v: string | number | boolean | null): string {
  // How the placeholder's value reads as a YAML scalar in a block or flow context.
  return new Document(v).toString().replace(/\n$/, '');
}

export function render(value: unknown, style: RenderStyle, comments: KeyComments = {}, basePath: string[] = []): Rendered {
  const holders: Placeholder[] = [];
  const swap = (v: unknown): unknown => {
    if (isPlaceholder(v)) {
      holders.push(v);
      return SENTINEL(holders.length - 1);
    }
    if (Array.isArray(v)) return v.map(swap);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, swap(x)]));
    return v;
  };
  const doc = new Document(swap(value));
  if (Object.keys(comments).length > 0) attachComments(doc.contents as YamlNode, comments, basePath);
  const raw = doc.toString({
    indent: style.indent,
    indentSeq: style.indentSeq,
    lineWidth: 0,
    collectionStyle: style.flow ? 'flow' : 'block',
    flowCollectionPadding: false,
  });
  const text = raw.replace(SENTINEL_RE, (_, i: string) => scalarText(holders[Number(i)]!.value));
  let tab = 0;
  const snippet = escapeSnippet(raw).replace(SENTINEL_RE, (_, i: string) => {
    const h = holders[Number(i)]!;
    tab++;
    if (h.choices && h.choices.length > 0) {
      const first = scalarText(h.value);
      const ordered = h.choices.includes(first) ? [first, ...h.choices.filter((c) => c !== first)] : h.choices;
      return `\${${tab}|${ordered.map(escapeChoice).join(',')}|}`;
    }
    if (h.value === '') return `"\${${tab}}"`;
    return `\${${tab}:${escapeSnippet(scalarText(h.value))}}`;
  });
  return { text, snippet };
}

function attachComments(root: YamlNode, comments: KeyComments, basePath: string[]): void {
  const walk = (node: unknown, path: string[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const p = [...path, String(pair.key.value)];
        const c = comments[p.join('.')];
        if (c) pair.key.commentBefore = c.split('\n').map((l) => ' ' + l).join('\n');
        walk(pair.value, p);
      }
    } else if (isSeq(node)) {
      // Items of a new sequence are addressed with `-` (the path token that appends them).
      node.items.forEach((it) => walk(it, [...path, '-']));
    }
  };
  walk(root, basePath);
}
