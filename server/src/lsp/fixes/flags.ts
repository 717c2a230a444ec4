// Flag-file quick fix: "add an FCS exclusion to this flag's targeting". A first-evaluated rule
// that serves the flag's protective variant to users whose country is on the FCS list (plus the
// organisation's markets marked conflict/fragility): flagd, GO Feature Flag and LaunchDarkly get a
// first rule; Flipt a segment on the country plus a rank-1 rule/rollout; Unleash (strategies are
// OR-ed) a NOT_IN country constraint on every strategy. The edit is computed from the syntax tree
// and only inserts (or, for flagd, wraps; for Flipt, renumbers explicit ranks) text — edits at
// several places go out as one change over the span between them, the text in between unchanged.
// Before it is offered, it is applied to the text,
// re-read and re-evaluated: the file must still be the same format, parse cleanly, and the
// flag must serve no "on" variant in the excluded countries. Otherwise it is not offered.
import { isMap, isScalar, isSeq, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { findCountry } from '../../engine/contexts/countries';
import { editionLabel } from '../../engine/contexts/fcsList';
import { constraintValues } from '../../engine/formats/adapters/flipt';
import { attributeKind, condLeaves } from '../../engine/formats/attributes';
import { evaluateFlag, isOnVariant } from '../../engine/formats/exposure';
import { CODE_DEFAULT, type FlagDef, type FlagFile } from '../../engine/formats/model';
import { readFlagFile } from '../../engine/formats/readFlags';
import { parsePointer, type YamlSource } from '../../engine/parse/yamlSource';
import { detectStyle, insertAt, type TextChange, type YamlPath } from '../yaml/insert';
import { registerFixes, type FixRule } from './catalogue';
import { isRecord, offsetOf, type FixContext, type FixTarget, type ProposedFix } from './context';

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

/** The node at a JSON pointer in one document (map keys by their text, sequence items by index), and its YAML path. */
function walk(src: YamlSource, doc: number, pointer: string): { node: YamlNode | null; path: YamlPath } | undefined {
  let node = (src.docs[doc]?.contents ?? null) as YamlNode | null;
  const path: YamlPath = [];
  for (const tok of parsePointer(pointer)) {
    if (isMap(node)) {
      const pair = findPair(node, tok);
      if (!pair) return undefined;
      node = (pair.value as YamlNode | null) ?? null;
      path.push(tok);
    } else if (isSeq(node)) {
      if (!/^\d+$/.test(tok)) return undefined;
      const item = node.items[Number(tok)] as YamlNode | undefined;
      if (item === undefined) return undefined;
      node = item;
      path.push(Number(tok));
    } else return undefined;
  }
  return { node, path };
}

function nodeAt(src: YamlSource, doc: number, pointer: string): YamlNode | null | undefined {
  return walk(src, doc, pointer)?.node;
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
  /** The FCS list edition, for names of what the fix adds ("World Bank FCS FY26"). */
  edition: string;
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

const isNullish = (n: unknown): boolean => n === null || n === undefined || (isScalar(n) && (n.value === null || n.value === undefined));

/** The item lines of a block sequence: "- " before the first line, two spaces before the rest, after `pad`. */
function seqItemLines(pad: string, lines: string[]): string[] {
  return lines.map((l, i) => `${pad}${i === 0 ? '- ' : '  '}${l}`);
}

/** The file's block style for one document of the stream. */
function styleOf(src: YamlSource, doc: number) {
  return detectStyle({ ...src, doc: src.docs[doc] ?? src.doc });
}

/**
 * Make `item` the first entry of the sequence under `key` of the map at `mapPointer`, adding the
 * key when it is missing. Flow (JSON) collections get JSON text, block ones the YAML lines.
 */
function prependItem(src: YamlSource, doc: number, mapPointer: string, key: string, item: Record<string, unknown>, blockLines: string[]): TextChange | undefined {
  const at = walk(src, doc, mapPointer);
  const map = at?.node;
  if (!at || !isMap(map)) return undefined;
  const pair = findPair(map, key);
  const seq = isSeq(pair?.value) ? (pair!.value as YAMLSeq) : undefined;
  const style = styleOf(src, doc);
  const seqPad = ' '.repeat(style.indentSeq ? style.indent : 0);
  if (seq && seq.flow && seq.items.length === 0 && !map.flow && seq.range && isScalar(pair!.key) && pair!.key.range) {
    // `key: []` in a block map: the empty list becomes a block list.
    const keyPad = ' '.repeat(src.lineCounter.linePos(pair!.key.range[0]).col - 1);
    let start = seq.range[0];
    while (start > 0 && src.text[start - 1] === ' ') start--;
    return change(start, seq.range[1], '\n' + seqItemLines(keyPad + seqPad, blockLines).join('\n'));
  }
  if (seq && (seq.items.length > 0 || seq.flow)) return prependToSeq(src, seq, json(item), seq.flow ? [] : blockLines);
  if (map.flow) return pair ? undefined : addToFlowMap(src, map, key, `[${json(item)}]`);
  if (pair && !isNullish(pair.value)) return undefined;
  if (!pair) return rawInsert(src, map, key, '', seqItemLines(seqPad, blockLines));
  return insertAt({ ...src, doc: src.docs[doc]! }, [...at.path, key], [item]);
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
  return prependItem(src, flag.at.doc, flag.at.pointer, 'targeting', rule, blockLines);
}

const FLIPT_SEGMENT = 'fcs-excluded-countries';

/** A segment this fix added before (or one just like it): one country constraint listing every code. */
function coversCountries(segment: unknown, p: Plan): boolean {
  if (!isRecord(segment)) return false;
  const cs = Array.isArray(segment['constraints']) ? segment['constraints'] : [];
  if (cs.length !== 1 && segment['match_type'] !== 'ANY_MATCH_TYPE') return false;
  return cs.some((c) => {
    if (!isRecord(c) || c['property'] !== p.attribute || !['isoneof', 'eq'].includes(String(c['operator']))) return false;
    const have = new Set(constraintValues(c['value']).map((x) => x.trim().toUpperCase()));
    return p.codes.every((code) => have.has(code));
  });
}

/**
 * Flipt: a segment `fcs-excluded-countries` (ANY_MATCH_TYPE, `country isoneof [codes]`) and, first in
 * the flag's evaluation order, a rule serving the protective variant to it (VARIANT flags) or a
 * rollout serving `value: false` (BOOLEAN flags). Explicit rule ranks are renumbered so that they
 * stay unique and the new rule is rank 1.
 */
function fliptEdit(src: YamlSource, p: Plan): TextChange[] | undefined {
  const { flag } = p;
  const doc = flag.at.doc;
  const rootPointer = flag.at.pointer.replace(/\/flags\/\d+$/, '');
  const root = nodeAt(src, doc, rootPointer);
  const flagNode = nodeAt(src, doc, flag.at.pointer);
  if (!isMap(root) || !isMap(flagNode)) return undefined;
  const style = styleOf(src, doc);
  const unit = ' '.repeat(style.indent);
  const seqPad = style.indentSeq ? unit : '';
  const changes: TextChange[] = [];

  // The segment: reuse one that already lists every code, else add one under a free key.
  const segsNode = findPair(root, 'segments')?.value;
  const existing = isSeq(segsNode) ? segsNode.items.map((n) => (isMap(n) ? (n.toJSON() as unknown) : undefined)) : [];
  let key = FLIPT_SEGMENT;
  let reuse = false;
  let segmentChange: TextChange | undefined;
  for (let i = 2; ; i++) {
    const same = existing.find((s) => isRecord(s) && s['key'] === key);
    if (!same) break;
    if (coversCountries(same, p)) {
      reuse = true;
      break;
    }
    key = `${FLIPT_SEGMENT}-${i}`;
  }
  if (!reuse) {
    // Before 1.6 isoneof takes a JSON array in a string; from 1.6 (the default) a list.
    const version = nodeAt(src, doc, rootPointer + '/version');
    const minor = isScalar(version) ? /^1\.(\d+)$/.exec(String(version.value)) : null;
    const asString = minor !== null && Number(minor[1]) < 6;
    const value: string | string[] = asString ? JSON.stringify(p.codes) : p.codes;
    const name = `FCS countries (${p.edition})`;
    const constraint = { type: 'STRING_COMPARISON_TYPE', property: p.attribute, operator: 'isoneof', value };
    const segment = { key, name, match_type: 'ANY_MATCH_TYPE', constraints: [constraint] };
    const valueText = asString ? `'${value as string}'` : `[${p.codes.map((c) => JSON.stringify(c)).join(', ')}]`;
    const lines = [
      `key: ${key}`,
      `name: ${JSON.stringify(name)}`,
      'match_type: ANY_MATCH_TYPE',
      'constraints:',
      ...seqItemLines(seqPad, ['type: STRING_COMPARISON_TYPE', `property: ${yamlScalar(p.attribute)}`, 'operator: isoneof', `value: ${valueText}`]),
    ];
    segmentChange = prependItem(src, doc, rootPointer, 'segments', segment, lines);
    if (!segmentChange) return undefined;
  }
  // The flag's own change goes first: both may insert at the same offset (the flag ends the document).
  const withSegment = (c: TextChange | undefined) => (c ? [...changes, c, ...(segmentChange ? [segmentChange] : [])] : undefined);

  const type = findPair(flagNode, 'type')?.value;
  if (isScalar(type) && type.value === 'BOOLEAN_FLAG_TYPE') {
    const rollout = { segment: { key, value: false } };
    return withSegment(prependItem(src, doc, flag.at.pointer, 'rollouts', rollout, ['segment:', `${unit}key: ${key}`, `${unit}value: false`]));
  }

  // VARIANT flag: explicit ranks stay unique, the new rule is rank 1.
  const rulesNode = findPair(flagNode, 'rules')?.value;
  const ranks = isSeq(rulesNode)
    ? rulesNode.items.flatMap((r) => {
        const n = isMap(r) ? findPair(r, 'rank')?.value : undefined;
        return isScalar(n) && typeof n.value === 'number' && Number.isInteger(n.value) && n.range ? [{ n, rank: n.value }] : [];
      })
    : [];
  const shift = ranks.length ? Math.max(0, 2 - Math.min(...ranks.map((r) => r.rank))) : 0;
  if (shift > 0) for (const { n, rank } of ranks) changes.push(change(n.range![0], n.range![1], String(rank + shift)));
  const rule = { segment: key, ...(ranks.length ? { rank: 1 } : {}), distributions: [{ variant: p.variant, rollout: 100 }] };
  const lines = [`segment: ${key}`, ...(ranks.length ? ['rank: 1'] : []), 'distributions:', ...seqItemLines(seqPad, [`variant: ${yamlScalar(p.variant)}`, 'rollout: 100'])];
  return withSegment(prependItem(src, doc, flag.at.pointer, 'rules', rule, lines));
}

/** The strategy a step of an Unleash flag comes from (`…/strategies/N` or `/featureStrategies/N`). */
function strategyPointer(pointer: string): string | undefined {
  return /^(.*\/(?:strategies|featureStrategies)\/\d+)(?:\/|$)/.exec(pointer)?.[1];
}

/**
 * Unleash: strategies are OR-ed, so every strategy the flag is evaluated with gets a
 * `country NOT_IN [codes]` constraint. An enabled flag without strategies is on for everyone
 * (the evaluator's reading); it gets a `default` strategy carrying the constraint.
 */
function unleashEdit(src: YamlSource, p: Plan): TextChange[] | undefined {
  const { flag } = p;
  const doc = flag.at.doc;
  const style = styleOf(src, doc);
  const seqPad = style.indentSeq ? ' '.repeat(style.indent) : '';
  const constraint = { contextName: p.attribute, operator: 'NOT_IN', values: p.codes };
  const lines = [`contextName: ${yamlScalar(p.attribute)}`, 'operator: NOT_IN', `values: [${p.codes.map((c) => JSON.stringify(c)).join(', ')}]`];
  const rootPointer = flag.at.pointer.replace(/\/features\/\d+$/, '');
  const root = nodeAt(src, doc, rootPointer);
  const fromSteps = [...new Set(flag.steps.filter((s) => s.kind === 'rule').map((s) => strategyPointer(s.at.pointer)))];
  if (fromSteps.includes(undefined)) return undefined;
  let strategies = fromSteps as string[];
  // Strategies kept per environment in the root's featureStrategies: every environment's get it.
  const featureStrategies = isMap(root) ? findPair(root, 'featureStrategies')?.value : undefined;
  if (strategies.some((sp) => sp.startsWith(rootPointer + '/featureStrategies/')) && isSeq(featureStrategies)) {
    strategies = featureStrategies.items.flatMap((n, i) => {
      const name = isMap(n) ? findPair(n, 'featureName')?.value : undefined;
      return isScalar(name) && name.value === flag.key ? [`${rootPointer}/featureStrategies/${i}`] : [];
    });
  }
  if (strategies.length > 0) {
    const changes = strategies.map((sp) => prependItem(src, doc, sp, 'constraints', constraint, lines));
    return changes.every((c) => c !== undefined) ? (changes as TextChange[]) : undefined;
  }
  const strategy = { name: 'default', parameters: {}, constraints: [constraint] };
  const strategyLines = ['name: default', 'parameters: {}', 'constraints:', ...seqItemLines(seqPad, lines)];
  const flagNode = nodeAt(src, doc, flag.at.pointer);
  if (!isMap(flagNode)) return undefined;
  // The export format keeps strategies in the root's featureStrategies, per environment: add one for the evaluated environment.
  if (!findPair(flagNode, 'strategies') && isSeq(featureStrategies)) {
    const envNode = nodeAt(src, doc, flag.enabledAt.pointer.replace(/\/enabled$/, '') + '/environment');
    const env = /\/featureEnvironments\/\d+\/enabled$/.test(flag.enabledAt.pointer) && isScalar(envNode) ? String(envNode.value) : undefined;
    const entry = { featureName: flag.key, ...(env !== undefined ? { environment: env } : {}), ...strategy };
    const entryLines = [`featureName: ${yamlScalar(flag.key)}`, ...(env !== undefined ? [`environment: ${yamlScalar(env)}`] : []), ...strategyLines];
    const c = prependItem(src, doc, rootPointer, 'featureStrategies', entry, entryLines);
    return c ? [c] : undefined;
  }
  const c = prependItem(src, doc, flag.at.pointer, 'strategies', strategy, strategyLines);
  return c ? [c] : undefined;
}

/** Several non-overlapping changes as one: the span from the first to the last, the text in between kept. */
function combine(text: string, changes: TextChange[]): TextChange | undefined {
  const sorted = changes.map((c, i) => ({ c, i })).sort((a, b) => a.c.start - b.c.start || a.i - b.i).map((x) => x.c);
  const first = sorted[0];
  if (!first) return undefined;
  let out = first.text;
  let snippet = first.snippet;
  let end = first.end;
  for (const c of sorted.slice(1)) {
    if (c.start < end) return undefined;
    const between = text.slice(end, c.start);
    out += between + c.text;
    snippet += escapeSnippet(between) + c.snippet;
    end = c.end;
  }
  return { start: first.start, end, text: out, snippet };
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

/**
 * Pointers that belong to a flag outside its own node: the strategies and environment entries of
 * an Unleash export (`/featureStrategies/N`, `/featureEnvironments/N`).
 */
function ownedPointers(flag: FlagDef): string[] {
  const outside = [flag.enabledAt.pointer, ...flag.steps.map((s) => s.at.pointer)]
    .map((p) => /^(\/(?:featureStrategies|featureEnvironments)\/\d+)(?:\/|$)/.exec(p)?.[1])
    .filter((p): p is string => p !== undefined);
  return [flag.at.pointer, ...new Set(outside)];
}

/** The flag a finding is about: the one whose node (or strategy) contains the finding's pointer, in the finding's document. */
function flagOf(t: FixTarget, ctx: FixContext, file: FlagFile): FlagDef | undefined {
  const offset = offsetOf(ctx.src, t.range.start);
  const docOf = ctx.src.docs.findIndex((d) => {
    const r = d.range;
    return r && offset >= r[0] && offset <= r[2];
  });
  const under = (p: string) => t.pointer === p || t.pointer.startsWith(p + '/');
  const candidates = file.flags.flatMap((f) => ((docOf < 0 || f.at.doc === docOf) ? ownedPointers(f).filter(under).map((p) => ({ f, p })) : []));
  return candidates.sort((a, b) => b.p.length - a.p.length)[0]?.f;
}

/** Whether targeting decides what the flag serves now: it is on, or (Flipt BOOLEAN) its rollouts run even when disabled. */
function targetingLive(flag: FlagDef): boolean {
  return flag.enabled || flag.offSteps.some((s) => s.kind === 'rule');
}

/** Whether the flag serves no "on" variant in any of the countries. */
function excludes(flag: FlagDef, alpha3: string[]): boolean {
  return alpha3.every((a3) => {
    const c = findCountry(a3)!;
    return evaluateFlag(flag, { alpha2: c.alpha2, alpha3: c.alpha3, name: c.name }).onMax <= 1e-12;
  });
}

function verify(text: string, ctx: FixContext, before: FlagFile, flag: FlagDef, alpha3: string[]): boolean {
  const after = readFlagFile(text, ctx.env.now);
  if (!after.file || after.file.format !== before.format || after.src.errors.length > 0 || after.file.flags.length !== before.flags.length) return false;
  const f = after.file.flags.find((x) => x.key === flag.key && x.at.doc === flag.at.doc && x.at.pointer === flag.at.pointer);
  if (!f || !targetingLive(f)) return false;
  return excludes(f, alpha3);
}

const EDITS: Partial<Record<FlagFile['format'], (src: YamlSource, p: Plan) => TextChange | TextChange[] | undefined>> = {
  flagd: flagdEdit,
  goff: goffEdit,
  launchdarkly: launchDarklyEdit,
  flipt: fliptEdit,
  unleash: unleashEdit,
};

/** How the served value reads in the title: `false (variation 0)`, `false`, `"off"`. */
function shownVariant(format: FlagFile['format'], flag: FlagDef, variant: string): string {
  const value = flag.variants.find((v) => v.name === variant)?.value;
  if (format === 'launchdarkly') return `${JSON.stringify(value)} (variation ${variant})`;
  if (typeof value === 'boolean' && String(value) === variant) return variant;
  return `"${variant}"`;
}

export function fcsExclusionFix(t: FixTarget, ctx: FixContext): ProposedFix[] {
  const read = readFlagFile(ctx.src.text, ctx.env.now);
  const file = read.file;
  if (!file) return [];
  const flag = flagOf(t, ctx, file);
  // Targeting only matters while it is evaluated; a switched-off flag needs its off state fixed.
  if (!flag || !targetingLive(flag)) return [];
  const variant = protectiveVariant(flag);
  if (variant === undefined) return [];
  const { alpha3, listed, org } = exclusionCountries(ctx);
  if (alpha3.length === 0) return [];
  // Already serves off in every one of the countries: nothing for this fix to add.
  if (excludes(flag, alpha3)) return [];
  const style = countryStyle(file);
  const codes = alpha3.map((a) => findCountry(a)!).map((c) => (style.alpha3 ? c.alpha3 : c.alpha2)).sort();
  const plan: Plan = { flag, variant, attribute: style.attribute, codes, edition: editionLabel(ctx.env.edition) };
  const made = EDITS[file.format]?.(ctx.src, plan);
  const edit = Array.isArray(made) ? combine(ctx.src.text, made) : made;
  if (!edit) return [];
  const text = applyChange(ctx.src.text, edit);
  const ok = verify(text, ctx, file, flag, alpha3);
  // Leave the shared parse cache on the current text.
  readFlagFile(ctx.src.text, ctx.env.now);
  if (!ok) return [];
  const scope = `${editionLabel(ctx.env.edition)}, ${listed} countries${org ? ` + ${org} organisation market${org === 1 ? '' : 's'}` : ''}`;
  return [{ title: `Serve ${shownVariant(file.format, flag, variant)} in FCS countries (${scope}) — add an exclusion rule`, change: edit, preferred: t.ruleId !== 'FLAG-04', removesFinding: t.ruleId !== 'FLAG-04' }];
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
