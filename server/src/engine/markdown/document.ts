// Parse a Markdown document once (mdast with positions, YAML front matter), and derive what
// the rest of the Markdown support needs: the front matter's extent, the heading sections,
// and the prose blocks with markup, code, link targets and quotes masked out.
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import type { Position, Range } from '../types';
import { foldRange, foldString, type FoldedText } from './fold';

export interface FrontMatter {
  /** Offset of the opening `---`. */
  start: number;
  /** Offset just after the closing fence. */
  end: number;
  /** Offsets of the YAML between the fences. */
  contentStart: number;
  contentEnd: number;
}

export interface HeadingSection {
  depth: number;
  /** Heading text as written (markup removed). */
  title: string;
  /** Folded heading text, for matching. */
  folded: string;
  /** GitHub-style anchor, e.g. `#conflict-analysis`. */
  anchor: string;
  /** Offsets of the heading line and of the whole section (heading to the next heading of the same or higher level). */
  headingStart: number;
  headingEnd: number;
  end: number;
  /** The heading's own text (without `#` markers), for precise ranges. */
  textStart: number;
  textEnd: number;
}

export interface ProseBlock {
  kind: 'paragraph' | 'heading';
  start: number;
  end: number;
  folded: FoldedText;
}

export interface MarkdownDocument {
  text: string;
  tree: Root;
  frontMatter?: FrontMatter;
  sections: HeadingSection[];
  blocks: ProseBlock[];
  /** Code blocks and their offsets (content only counts for "has the section content?"). */
  codeBlocks: { start: number; end: number }[];
  lineStarts: number[];
}

// A fixed prefix, then one greedy class: linear.
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>()]+/g;

/** The mdast tree of a Markdown text, YAML front matter included (a `yaml` node first). */
export function parseMarkdownTree(text: string): Root {
  return fromMarkdown(text, { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] });
}

export function parseMarkdownDocument(text: string): MarkdownDocument {
  const tree = parseMarkdownTree(text);
  const lineStarts = computeLineStarts(text);
  let fm: FrontMatter | undefined;
  const first = tree.children[0];
  if (first && first.type === 'yaml' && first.position?.start.offset === 0) {
    const start = 0;
    const end = first.position.end.offset ?? 0;
    const nl = text.indexOf('\n', start);
    const contentStart = nl < 0 ? end : Math.min(nl + 1, end);
    const closing = text.lastIndexOf('\n', Math.max(contentStart, end - 1));
    const contentEnd = Math.max(contentStart, closing >= contentStart ? closing + 1 : contentStart);
    fm = { start, end, contentStart, contentEnd };
  }
  const sections = collectSections(tree, text);
  const blocks: ProseBlock[] = [];
  const codeBlocks: { start: number; end: number }[] = [];
  collectBlocks(tree, text, blocks, codeBlocks);
  return { text, tree, frontMatter: fm, sections, blocks, codeBlocks, lineStarts };
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function positionAt(doc: MarkdownDocument, offset: number): Position {
  const ls = doc.lineStarts;
  let lo = 0;
  let hi = ls.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ls[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - ls[lo]! };
}

export function rangeAt(doc: MarkdownDocument, start: number, end: number): Range {
  return { start: positionAt(doc, start), end: positionAt(doc, end) };
}

function off(n: { position?: { start: { offset?: number }; end: { offset?: number } } }): [number, number] {
  return [n.position?.start.offset ?? 0, n.position?.end.offset ?? 0];
}

function plainText(n: Nodes): string {
  if (n.type === 'text' || n.type === 'inlineCode') return n.value;
  if ('children' in n) return (n.children as Nodes[]).map(plainText).join('');
  return '';
}

export function anchorOf(title: string): string {
  return '#' + title.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

function collectSections(tree: Root, text: string): HeadingSection[] {
  const headings = tree.children.filter((c): c is Heading => c.type === 'heading');
  return headings.map((h, i) => {
    const [hs, he] = off(h);
    const next = headings.slice(i + 1).find((x) => x.depth <= h.depth);
    const end = next ? off(next)[0] : text.length;
    const title = plainText(h).trim();
    const kids = h.children;
    const textStart = kids.length ? off(kids[0]!)[0] : hs;
    const textEnd = kids.length ? off(kids[kids.length - 1]!)[1] : he;
    return { depth: h.depth, title, folded: foldString(title), anchor: anchorOf(title), headingStart: hs, headingEnd: he, end, textStart, textEnd };
  });
}

/** Node types whose text is never prose: code, raw HTML, link definitions, images, front matter, quotes. */
const HIDDEN = new Set(['code', 'inlineCode', 'html', 'definition', 'image', 'imageReference', 'yaml', 'blockquote']);

/** Which characters of a block are prose (1); one buffer reused block after block. */
let keepScratch = new Uint8Array(4096);

function keepBuffer(n: number): Uint8Array {
  if (keepScratch.length < n) keepScratch = new Uint8Array(Math.max(n, keepScratch.length * 2));
  keepScratch.fill(0, 0, n);
  return keepScratch;
}

function collectBlocks(node: Nodes, text: string, out: ProseBlock[], code: { start: number; end: number }[]): void {
  if (node.type === 'code') {
    const [s, e] = off(node);
    code.push({ start: s, end: e });
    return;
  }
  if (HIDDEN.has(node.type)) return;
  if (node.type === 'paragraph' || node.type === 'heading') {
    const [start, end] = off(node);
    const keep = keepBuffer(Math.max(0, end - start));
    markText(node, keep, start);
    unmarkUrls(text, start, end, keep);
    out.push({ kind: node.type, start, end, folded: foldRange(text, start, end, (i) => keep[i - start] !== 1) });
    return;
  }
  if ('children' in node) for (const c of node.children as RootContent[]) collectBlocks(c, text, out, code);
}

function markText(node: Nodes, keep: Uint8Array, base: number): void {
  if (HIDDEN.has(node.type)) return;
  if (node.type === 'text') {
    const [s, e] = off(node);
    keep.fill(1, Math.max(0, s - base), Math.max(0, e - base));
    return;
  }
  if (node.type === 'link') {
    // An autolink's text is its URL: not prose.
    const label = plainText(node);
    if (label === node.url || 'mailto:' + label === node.url) return;
  }
  if ('children' in node) for (const c of node.children as Nodes[]) markText(c, keep, base);
}

function unmarkUrls(text: string, start: number, end: number, keep: Uint8Array): void {
  const slice = text.slice(start, end);
  URL_RE.lastIndex = 0;
  for (let m = URL_RE.exec(slice); m; m = URL_RE.exec(slice)) keep.fill(0, m.index, m.index + m[0].length);
}
