// The `fcs:` block of a Markdown file's YAML front matter, parsed with the same YAML source
// map as *.fcs.yaml files. Positions stay exact: the YAML handed to the parser is the file's
// own text up to the end of the block, with everything outside the block blanked (every
// character but line breaks replaced by a space), so every offset in it is an offset in the
// Markdown file and the spec pipeline needs no translation.
import { Document, isMap, isPair, isScalar, type Pair, type YAMLMap } from 'yaml';
import { lineCounterFor, parseYamlSource, type ParseProblem, type YamlSource } from '../parse/yamlSource';
import type { FrontMatter } from './document';

export interface FcsBlock {
  /** The `fcs:` value parsed on its own, as a spec document (positions are file positions). */
  source?: YamlSource;
  /** `fcs: true` or an empty `fcs:`: the file opts in without spec content. */
  optInOnly: boolean;
  /** Other front-matter keys that give defaults (title, id). */
  title?: string;
  id?: string;
  /** Syntax errors in the front matter (file positions). */
  errors: ParseProblem[];
}

function blank(s: string): string {
  return s.replace(/[^\n\r]/g, ' ');
}

/** Cheap check, without parsing: does the front matter have a top-level `fcs:` key? */
export function frontMatterHasFcs(text: string): boolean {
  if (!/^---[ \t]*\r?\n/.test(text)) return false;
  const close = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text.slice(3));
  const body = close ? text.slice(0, 3 + close.index) : '';
  return /^fcs[ \t]*:/m.test(body);
}

export function readFcsBlock(text: string, fm: FrontMatter): FcsBlock | undefined {
  const yamlText = blank(text.slice(0, fm.contentStart)) + text.slice(fm.contentStart, fm.contentEnd);
  const src = parseYamlSource(yamlText);
  const root = src.doc.contents;
  const pairs: Pair[] = isMap(root) ? root.items.filter(isPair) : [];
  const value = (k: string): unknown => {
    const p = pairs.find((x) => isScalar(x.key) && x.key.value === k);
    return p && isScalar(p.value) ? p.value.value : undefined;
  };
  const fcsPair = pairs.find((p) => isScalar(p.key) && p.key.value === 'fcs');
  if (!fcsPair) {
    if (!/^fcs[ \t]*:/m.test(yamlText)) return undefined;
    return { optInOnly: false, errors: src.errors };
  }
  const title = typeof value('title') === 'string' ? (value('title') as string) : undefined;
  const idValue = value('id');
  const id = typeof idValue === 'string' || typeof idValue === 'number' ? String(idValue) : undefined;
  const v = fcsPair.value;
  if (!isMap(v) || !v.range) return { optInOnly: true, title, id, errors: src.errors };
  const [start, end] = v.range;
  const specText = blank(yamlText.slice(0, start)) + yamlText.slice(start, end);
  return { source: reuseBlock(src, v as YAMLMap.Parsed, specText) ?? parseYamlSource(specText), optInOnly: false, title, id, errors: src.errors };
}

/**
 * The `fcs:` map of a clean front matter as a spec source, without parsing it again: the map
 * node already has file offsets. Only when nothing outside the block can change how it reads —
 * no syntax problems, no anchors, aliases or tags (the characters &, *, ! anywhere) — else the
 * caller parses the blanked block text on its own.
 */
function reuseBlock(front: YamlSource, block: YAMLMap.Parsed, specText: string): YamlSource | undefined {
  if (front.errors.length > 0 || front.warnings.length > 0 || front.docs.length !== 1 || /[&*!]/.test(specText)) return undefined;
  const doc = new Document(null, { uniqueKeys: true }) as unknown as Document.Parsed;
  doc.contents = block;
  doc.range = [block.range[0], block.range[1], block.range[2]];
  return { text: specText, lineCounter: lineCounterFor(specText), doc, docs: [doc], errors: [], warnings: [] };
}
