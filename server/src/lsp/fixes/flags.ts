// Flag-file quick fix: "add an FCS exclusion to this flag's targeting". A first-evaluated rule
// that serves the flag's protective variant to users whose country is on the FCS list (plus the
// organisation's markets marked conflict/fragility). The edit is computed from the syntax tree
// and only inserts (or, for flagd, wraps) text; before it is offered, it is applied to the text,
// re-read and re-evaluated: the file must still be the same format, parse cleanly, and the
// flag must serve no "on" variant in the excluded countries. Otherwise it is not offered.
import { isMap, isScalar, isSeq, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { findCountry } from '../../engine/contexts/countries';
import { editionLabel } from '../../engine/contexts/fcsList';
import { attributeKind, condLeaves } from '../../engine/formats/attributes';
import { evaluateFlag, isOnVariant } from '../../engine/formats/exposure';
import { CODE_DEFAULT, type FlagDef, type FlagFile } from '../../engine/formats/model';
import { readFlagFile } from '../../engine/formats/readFlags';
import { parsePointer, type YamlSource } from '../../engine/parse/yamlSource';
import { detectStyle, insertAt, type TextChange } from '../yaml/insert';
import { registerFixes, type FixRule } from './catalogue';
import { offsetOf, type FixContext, type FixTarget, type ProposedFix } from './context';

const RULES = ['FLAG-02', 'FLAG-03', 'FLAG-04'];

const escapeSnippet = (s: string) => s.replace(/[\\$}]/g, (c) => '\\' + c);
const change = (start: number, end: number, text: string): TextChange => ({ start, end, text, snippet: escapeSnippet(text) });

/** The countries to exclude: the edition's conflict and fragility lists plus the organisation's FCS markets. */
export function exclusionCountries(ctx: FixContext): { alpha3: string[]; listed: number; org: number } {
  const e = ctx.env.edition;
  const listed = [...new Set([...e.conflict, ...e.fragility])].filter((a3) => findCountry(a3));
  const org = Object.entries(ctx.env.orgMarkets ?? {})
    .filter(([a3, k]) => (k.category === 'conflict' || k.category === 'fragility') && !listed.includes(a3.toUpperCase()) && findCountry(a3))
    .map(([a3]) => findCountry(a3)!.alpha3);
  return { alpha3: [...listed, ...new Set(org)], listed: listed.length, org: new Set(org).size };
}

/** The country attribute and code form the file already uses (alpha-2 unless it writes alpha-3). */
function countryStyle(file: FlagFile): { attribute: string; alpha3: boolean } {
  const attrs = new Map<string, number>();
  let a2 = 0;
  let a3 = 0;
  for (const f of file.flags) {
    for (const s of f.steps) {
      for (const l of condLeaves(s.when)) {
        if (l.k !== 'attr' || attributeKind(l.attribute) !== 'country') continue;
        attrs.set(l.attribute, (attrs.get(l.attribute) ?? 0) + 1);
        for (const v of l.values) {
          const t = v.trim();
          if (!findCountry(t)) continue;
          if (t.length === 2) a2++;
          else if (t.length === 3) a3++;
        }
      }
    }
  }
  const attribute = [...attrs].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 'country';
  return { attribute, alpha3: a3 > a2 };
}

/** The variant that keeps the feature off: a false/"off" value, preferring the declared off variation. */
function protectiveVariant(flag: FlagDef): string | undefined {
  const candidates = flag.variants.filter((v) => v.name !== CODE_DEFAULT && !isOnVariant(flag, v.name));
  if (candidates.length === 0) return undefined;
  const declared = flag.offSteps[0]?.serve.shares[0]?.variant;
  return (
    candidates.find((v) => v.name === declared)?.name ??
    candidates.find((v) => v.value === false)?.name ??
    candidates[0]!.name
  );
}

/** The node at a JSON pointer in one document (map keys by their text, sequence items by index). */
function nodeAt(src: YamlSource, doc: number, pointer: string): YamlNode | null | undefined {
  let node = (src.docs[doc]?.contents ?? null) as YamlNode | null;
  for (const tok of parsePointer(pointer)) {
    if (isMap(node)) {
      const pair = findPair(node, tok);
      if (!pair) return undefined;
      node = (pair.value as YamlNode | null) ?? null;
    } else if (isSeq(node)) {
      if (!/^\d+$/.test(tok)) return undefined;
      const item = node.items[Number(tok)] as YamlNode | undefined;
      if (item === undefined) return undefined;
      node = item;
    } else return undefined;
  }
  return node;
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentOfLine(text: string, offset: number): string {
  const s = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(s))![0];
}

/** The file's indentation unit, from the root map's keys (default two spaces). */
function indentUnit(src: YamlSource, doc: number): string {
  const root = src.docs[doc]?.contents as YamlNode | null;
  if (isMap(root) && root.items[0] && isScalar(root.items[0].key) && root.items[0].key.range) {
    const k = root.items[0].key.range[0];
    const ws = indentOfLine(src.text, k);
    if (ws.length > 0 && lineStartOf(src.text, k) > (root.range?.[0] ?? 0)) return ws;
  }
  return '  ';
}

/** The whitespace before a node, up to the previous token (for multi-line flow collections). */
function separatorBefore(text: string, offset: number): string {
  let p = offset;
  while (p > 0 && /\s/.test(text[p - 1]!)) p--;
  const ws = text.slice(p, offset);
  return ws.includes('\n') ? '\n' + indentOfLine(text, offset) : ' ';
}

/** Insert an item before the first one of a sequence (flow: JSON text; block: YAML lines). */
function prependToSeq(src: YamlSource, seq: YAMLSeq, flowItem: string, blockItem: string[]): TextChange | undefined {
  const text = src.text;
  const first = seq.items[0] as YamlNode | undefined;
  if (seq.flow) {
    if (!first?.range) {
      const open = seq.range?.[0];
      if (open === undefined || text[open] !== '[') return undefined;
      return change(open + 1, open + 1, flowItem);
    }
    const at = first.range[0];
    return change(at, at, flowItem + ',' + separatorBefore(text, at));
  }
  if (!seq.range) return undefined;
  const dashAt = seq.range[0];
  if (text[dashAt] !== '-') return undefined;
  const lineStart = lineStartOf(text, dashAt);
  const pad = text.slice(lineStart, dashAt);
  if (pad.trim() !== '') return undefined;
  const lines = blockItem.map((l, i) => (i === 0 ? `${pad}- ${l}` : `${pad}  ${l}`));
  return change(lineStart, lineStart, lines.join('\n') + '\n');
}

/** Add `"key": value` after the last pair of a flow (JSON) map. */
function addToFlowMap(src: YamlSource, map: YAMLMap, key: string, valueText: string): TextChange | undefined {
  const text = src.text;
  const last = map.items[map.items.length - 1];
  if (!last) {
    const open = map.range?.[0];
    if (open === undefined || text[open] !== '{') return undefined;
    return change(open + 1, open + 1, `${JSON.stringify(key)}: ${valueText}`);
  }
  const k = last.key as YamlNode | null;
  const end = (last.value as YamlNode | null)?.range?.[1] ?? k?.range?.[1];
  if (end === undefined || !k?.range) return undefined;
  return change(end, end, ',' + separatorBefore(text, k.range[0]) + `${JSON.stringify(key)}: ${valueText}`);
}

function json(v: unknown): string {
  return JSON.stringify(v, null, 1).replace(/\n\s*/g, ' ').replace(/\[ /g, '[').replace(/ \]/g, ']').replace(/\{ /g, '{ ').replace(/ \}/g, ' }');
}

function yamlScalar(s: string): string {
  return /^[A-Za-z_][\w.-]*$/.test(s) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(s) ? s : JSON.stringify(s);
}

interface Plan {
  flag: FlagDef;
  variant: string;
  attribute: string;
  codes: string[];
}

function flagdEdit(src: YamlSource, p: Plan): TextChange | undefined {
  const { flag } = p;
  const flagNode = nodeAt(src, flag.at.doc, flag.at.pointer);
  if (!isMap(flagNode)) return undefined;
  const unit = indentUnit(src, flag.at.doc);
  const cond = json({ in: [{ var: p.attribute }, p.codes] });
  const defaultVariant = defaultOf(src, flag);
  const wrap = (indent: string, orig: string | undefined) => {
    const inner = indent + unit + unit;
    const args = [cond, JSON.stringify(p.variant), ...(orig !== undefined ? [orig.replace(/\n/g, '\n' + unit + unit)] : [])];
    return `{\n${indent}${unit}"if": [\n${args.map((a) => inner + a).join(',\n')}\n${indent}${unit}]\n${indent}}`;
  };
  const elseDefault = defaultVariant !== undefined ? JSON.stringify(defaultVariant) : undefined;
  const pair = findPair(flagNode, 'targeting');
  if (pair) {
    const v = pair.value as YamlNode | null;
    if (!v?.range) return undefined;
    const indent = indentOfLine(src.text, (pair.key as YamlNode).range![0]);
    const empty = (isMap(v) && v.items.length === 0) || (isScalar(v) && v.value === null);
    if (!empty && !(isMap(v) && v.flow)) return undefined; // block-style YAML targeting: not rewritten
    return change(v.range[0], v.range[1], wrap(indent, empty ? elseDefault : src.text.slice(v.range[0], v.range[1])));
  }
  if (flagNode.flow) {
    const last = flagNode.items[flagNode.items.length - 1]?.key as YamlNode | undefined;
    const indent = last?.range ? indentOfLine(src.text, last.range[0]) : '';
    return addToFlowMap(src, flagNode, 'targeting', wrap(indent, elseDefault));
  }
  const one = json({ if: [{ in: [{ var: p.attribute }, p.codes] }, p.variant, ...(defaultVariant !== undefined ? [defaultVariant] : [])] });
  return rawInsert(src, flagNode, 'targeting', one);
}

/** Add `key: <flow text>` as the last line of a block map. */
function rawInsert(src: YamlSource, map: YAMLMap, key: string, flowText: string, blockLines: string[] = []): TextChange | undefined {
  const text = src.text;
  const first = map.items[0]?.key as YamlNode | undefined;
  const last = map.items[map.items.length - 1];
  const end = (last?.value as YamlNode | null)?.range?.[1] ?? (last?.key as YamlNode | null)?.range?.[1];
  if (!first?.range || end === undefined) return undefined;
  const pad = ' '.repeat(src.lineCounter.linePos(first.range[0]).col - 1);
  // After the line the map's last value ends on (a block value's range may already end after its newline).
  const nl = end > 0 && text[end - 1] === '\n' ? end - 1 : text.indexOf('\n', end);
  const at = nl < 0 ? text.length : nl + 1;
  const lead = nl < 0 ? '\n' : '';
  const body = blockLines.map((l) => `${pad}${l}\n`).join('');
  return change(at, at, `${lead}${pad}${key}:${flowText ? ' ' + flowText : ''}\n${body}`);
}

function defaultOf(src: YamlSource, flag: FlagDef): string | undefined {
  const n = nodeAt(src, flag.at.doc, flag.at.pointer + '/defaultVariant');
  return isScalar(n) && typeof n.value === 'string' ? n.value : undefined;
}

function goffEdit(src: YamlSource, p: Plan): TextChange | undefined {
  const { flag } = p;
  const flagNode = nodeAt(src, flag.at.doc, flag.at.pointer);
  if (!isMap(flagNode) || !isMap(findPair(flagNode, 'variations')?.value)) return undefined;
  const query = `${p.attribute} in [${p.codes.map((c) => JSON.stringify(c)).join(', ')}]`;
  const pair = findPair(flagNode, 'targeting');
  const named = isSeq(pair?.value) && (pair!.value as YAMLSeq).items.some((r) => isMap(r) && findPair(r, 'name') && String((findPair(r, 'name')!.value as { value?: unknown })?.value) === 'fcs-exclusion');
  const rule: Record<string, string> = { ...(named ? {} : { name: 'fcs-exclusion' }), query, variation: p.variant };
  const blockLines = Object.entries(rule).map(([k, v]) => `${k}: ${k === 'query' ? (/: | #/.test(v) ? JSON.stringify(v) : v) : yamlScalar(v)}`);
  if (isSeq(pair?.value) && (pair!.value as YAMLSeq).items.length > 0) return prependToSeq(src, pair!.value as YAMLSeq, json(rule), blockLines);
  if (flagNode.flow) {
    if (isSeq(pair?.value)) return prependToSeq(src, pair!.value as YAMLSeq, json(rule), []);
    if (pair) return undefined;
    return addToFlowMap(src, flagNode, 'targeting', `[${json(rule)}]`);
  }
  if (pair && pair.value !== null && !(isScalar(pair.value) && pair.value.value === null)) return undefined;
  if (!pair) {
    const style = detectStyle(src);
    const seqPad = ' '.repeat(style.indentSeq ? style.indent : 0);
    return rawInsert(src, flagNode, 'targeting', '', blockLines.map((l, i) => `${seqPad}${i === 0 ? '- ' : '  '}${l}`));
  }
  return insertAt({ ...src, doc: src.docs[flag.at.doc]! }, [...parsePointer(flag.at.pointer), 'targeting'], [rule]);
}

function launchDarklyEdit(src: YamlSource, p: Plan): TextChange | undefined {
  const { flag } = p;
  const flagNode = nodeAt(src, flag.at.doc, flag.at.pointer);
  if (!isMap(flagNode) || !flagNode.flow || !/^\d+$/.test(p.variant)) return undefined;
  const rule = json({ clauses: [{ attribute: p.attribute, op: 'in', values: p.codes, negate: false }], variation: Number(p.variant) });
  const pair = findPair(flagNode, 'rules');
  if (isSeq(pair?.value)) return prependToSeq(src, pair!.value as YAMLSeq, rule, []);
  if (pair) return undefined;
  return addToFlowMap(src, flagNode, 'rules', `[${rule}]`);
}

function applyChange(text: string, c: TextChange): string {
  return text.slice(0, c.start) + c.text + text.slice(c.end);
}

/** The flag a finding is about: the one whose node contains the finding's pointer, in the finding's document. */
function flagOf(t: FixTarget, ctx: FixContext, file: FlagFile): FlagDef | undefined {
  const offset = offsetOf(ctx.src, t.range.start);
  const docOf = ctx.src.docs.findIndex((d) => {
    const r = d.range;
    return r && offset >= r[0] && offset <= r[2];
  });
  const candidates = file.flags.filter((f) => (docOf < 0 || f.at.doc === docOf) && (t.pointer === f.at.pointer || t.pointer.startsWith(f.at.pointer + '/')));
  return candidates.sort((a, b) => b.at.pointer.length - a.at.pointer.length)[0];
}

function verify(text: string, ctx: FixContext, before: FlagFile, flag: FlagDef, alpha3: string[]): boolean {
  const after = readFlagFile(text, ctx.env.now);
  if (!after.file || after.file.format !== before.format || after.src.errors.length > 0 || after.file.flags.length !== before.flags.length) return false;
  const f = after.file.flags.find((x) => x.key === flag.key && x.at.doc === flag.at.doc && x.at.pointer === flag.at.pointer);
  if (!f || !f.enabled) return false;
  return alpha3.every((a3) => {
    const c = findCountry(a3)!;
    return evaluateFlag(f, { alpha2: c.alpha2, alpha3: c.alpha3, name: c.name }).onMax <= 1e-12;
  });
}

export function fcsExclusionFix(t: FixTarget, ctx: FixContext): ProposedFix[] {
  const read = readFlagFile(ctx.src.text, ctx.env.now);
  const file = read.file;
  if (!file) return [];
  const flag = flagOf(t, ctx, file);
  // Targeting only matters while the flag is on; a switched-off flag needs its off state fixed.
  if (!flag || !flag.enabled) return [];
  const variant = protectiveVariant(flag);
  if (variant === undefined) return [];
  const { alpha3, listed, org } = exclusionCountries(ctx);
  if (alpha3.length === 0) return [];
  const style = countryStyle(file);
  const codes = alpha3.map((a) => findCountry(a)!).map((c) => (style.alpha3 ? c.alpha3 : c.alpha2)).sort();
  const plan: Plan = { flag, variant, attribute: style.attribute, codes };
  const edit = file.format === 'flagd' ? flagdEdit(ctx.src, plan) : file.format === 'goff' ? goffEdit(ctx.src, plan) : file.format === 'launchdarkly' ? launchDarklyEdit(ctx.src, plan) : undefined;
  if (!edit) return [];
  const text = applyChange(ctx.src.text, edit);
  const ok = verify(text, ctx, file, flag, alpha3);
  // Leave the shared parse cache on the current text.
  readFlagFile(ctx.src.text, ctx.env.now);
  if (!ok) return [];
  const value = flag.variants.find((v) => v.name === variant)?.value;
  const shown = file.format === 'launchdarkly' ? `${JSON.stringify(value)} (variation ${variant})` : `"${variant}"`;
  const scope = `${editionLabel(ctx.env.edition)}, ${listed} countries${org ? ` + ${org} organisation market${org === 1 ? '' : 's'}` : ''}`;
  return [{ title: `Serve ${shown} in FCS countries (${scope}) — add an exclusion rule`, change: edit, preferred: t.ruleId !== 'FLAG-04', removesFinding: t.ruleId !== 'FLAG-04' }];
}

export const FLAG_FIX_RULES: FixRule[] = [
  {
    name: 'fcs-exclusion',
    kind: 'flags',
    applies: (t) => RULES.includes(t.ruleId),
    build: fcsExclusionFix,
  },
];

registerFixes(FLAG_FIX_RULES);
