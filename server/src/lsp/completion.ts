// Completion for specs: keys (with descriptions) and enum values from the JSON Schema at the
// cursor's path, countries with names and FCS category, rule ids in dd_answers, dd_waivers and
// suppression comments, user groups and data categories (schema enums).
// The cursor's path is found by parsing the document once with a marker in place of the word
// being typed, so incomplete documents complete as well as finished ones.
import { isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver/node';
import { allCountries } from '../engine/contexts/countries';
import { findRule, knownRuleIds, type LintEnvironment } from '../engine/lint';
import { META_RULES } from '../engine/meta/metaRules';
import { parseYamlSource } from '../engine/parse/yamlSource';
import type { Finding } from '../engine/types';
import { countryLine } from './countryInfo';
import { ruleCard } from './ruleCard';
import { isCountryField, isRuleField, objectBranch, scalarBranch, schemaAt, type SchemaNode } from './schemaNav';

const MARK_KEY = 'fcsCompletionKey';
const MARK_VALUE = 'fcsCompletionValue';
const WORD = /[A-Za-z0-9_.$-]*$/;

export interface CompletionInput {
  text: string;
  position: Position;
  env: LintEnvironment;
  /** Findings of the current version (rule ids fired on the next line come first in comments). */
  findings: Finding[];
  /** Document kind: schema completion is for specs; other kinds only complete suppression comments. */
  kind?: string;
}

type Where = { mode: 'key' | 'value'; path: (string | number)[]; siblings: string[] } | { mode: 'suppression' } | undefined;

export function complete(input: CompletionInput): CompletionItem[] {
  const lines = input.text.split('\n');
  const line = lines[input.position.line] ?? '';
  const before = line.slice(0, input.position.character);
  const word = WORD.exec(before)![0];
  const range = {
    start: { line: input.position.line, character: input.position.character - word.length },
    end: input.position,
  };
  const where = locate(lines, input.position, before, word, input.kind ?? 'spec');
  if (!where) return [];
  const items = where.mode === 'suppression' ? ruleItems(input, input.position.line + 1) : where.mode === 'key' ? keyItems(input, where.path, where.siblings) : valueItems(input, where.path);
  return items.map((i) => ({ ...i, textEdit: { range, newText: i.insertText ?? i.label }, insertText: undefined }));
}

function locate(lines: string[], pos: Position, before: string, word: string, kind: string): Where {
  if (/(?:#|<!--)\s*fcs-lint-disable(?:-next-line|-line)?\s+(?:[A-Z0-9-]+\s*,\s*)*[A-Za-z0-9-]*$/.test(before)) return { mode: 'suppression' };
  if (kind !== 'spec') return undefined;
  if (/(^|\s)#/.test(before)) return undefined; // inside another comment
  const head = before.slice(0, before.length - word.length);
  const rest = (lines[pos.line] ?? '').slice(pos.character).replace(/^[A-Za-z0-9_.$-]*/, '');
  const keyPosition = /^\s*(-\s+)*$/.test(head);
  const marker = keyPosition ? `${MARK_KEY}: null` : MARK_VALUE;
  const probe = [...lines];
  probe[pos.line] = head + marker + (keyPosition ? '' : rest);
  const src = parseYamlSource(probe.join('\n'));
  const found = findMarker(src.doc.contents as YamlNode | null, []);
  if (!found) return undefined;
  return { mode: found.key ? 'key' : 'value', path: found.path, siblings: found.siblings };
}

function findMarker(node: YamlNode | null, path: (string | number)[]): { path: (string | number)[]; key: boolean; siblings: string[] } | undefined {
  if (isMap(node)) {
    for (const p of node.items) {
      if (!isPair(p)) continue;
      const k = isScalar(p.key) ? String(p.key.value) : '';
      if (k === MARK_KEY) {
        const siblings = node.items.map((x) => (isScalar(x.key) ? String(x.key.value) : '')).filter((x) => x && x !== MARK_KEY);
        return { path, key: true, siblings };
      }
      if (isScalar(p.value) && p.value.value === MARK_VALUE) return { path: [...path, k], key: false, siblings: [] };
      const r = findMarker(p.value as YamlNode | null, [...path, k]);
      if (r) return r;
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const it = node.items[i] as YamlNode;
      if (isScalar(it) && it.value === MARK_VALUE) return { path: [...path, i], key: false, siblings: [] };
      const r = findMarker(it, [...path, i]);
      if (r) return r;
    }
  }
  return undefined;
}

function keyItems(input: CompletionInput, path: (string | number)[], siblings: string[]): CompletionItem[] {
  const s = schemaAt(path);
  if (!s) return [];
  // dd_answers keys are rule ids.
  if (path.length === 1 && path[0] === 'dd_answers') return ruleItems(input, undefined, siblings).map((i) => ({ ...i, insertText: `${i.label}:\n  answer: "$0"`, insertTextFormat: InsertTextFormat.Snippet }));
  const out: CompletionItem[] = [];
  const o = objectBranch(s);
  for (const [key, ks] of Object.entries(o?.properties ?? {})) {
    if (siblings.includes(key)) continue;
    out.push(keyItem(key, ks, o?.required?.includes(key) ?? false));
  }
  // A sequence item that may be a scalar (e.g. a user group written as `- ug.displaced`).
  const sb = s.oneOf ? scalarBranch(s) : undefined;
  if (sb?.enum && typeof path.at(-1) === 'number' && siblings.length === 0) out.push(...enumItems(sb));
  return out;
}

function keyItem(key: string, s: SchemaNode, required: boolean): CompletionItem {
  const o = objectBranch(s);
  const e = scalarBranch(s)?.enum;
  const isObject = !!o?.properties && !s.oneOf;
  const insert = isObject ? `${key}:\n  $0` : e && e.length <= 40 ? `${key}: \${1|${e.map(String).join(',')}|}` : `${key}: `;
  return {
    label: key,
    kind: isObject ? CompletionItemKind.Module : CompletionItemKind.Property,
    detail: [required ? 'required' : '', typeof s.type === 'string' ? s.type : Array.isArray(s.type) ? s.type.join(' | ') : ''].filter(Boolean).join(' · ') || undefined,
    documentation: s.description ? { kind: MarkupKind.Markdown, value: s.description } : undefined,
    insertText: insert,
    insertTextFormat: insert.includes('$') ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: (required ? '0' : '1') + key,
  };
}

function humanise(id: string): string {
  return id.replace(/^[a-z]+\./, '').replace(/_/g, ' ');
}

function enumItems(s: SchemaNode): CompletionItem[] {
  return (s.enum ?? []).map((v) => ({
    label: String(v),
    kind: CompletionItemKind.EnumMember,
    detail: humanise(String(v)),
    documentation: s.description,
  }));
}

function valueItems(input: CompletionInput, path: (string | number)[]): CompletionItem[] {
  const s = schemaAt(path);
  if (!s) return [];
  const scalar = scalarBranch(s) ?? s;
  if (isCountryField(scalar)) return countryItems(input.env);
  if (isRuleField(scalar)) return ruleItems(input);
  if (scalar.enum) return enumItems(scalar);
  if (scalar.items?.enum) return enumItems(scalar.items); // `key: ` of a list: offer the values for a flow list
  const t = Array.isArray(scalar.type) ? scalar.type : [scalar.type];
  if (t.includes('boolean')) return ['true', 'false'].map((v) => ({ label: v, kind: CompletionItemKind.Value }));
  if (scalar.const !== undefined) return [{ label: String(scalar.const), kind: CompletionItemKind.Value }];
  return [];
}

let countryCache: { edition: string; items: CompletionItem[] } | undefined;

function countryItems(env: LintEnvironment): CompletionItem[] {
  if (countryCache?.edition === env.edition.edition && Object.keys(env.orgMarkets).length === 0) return countryCache.items;
  const items = allCountries()
    .map((c) => ({
      label: c.alpha3,
      kind: CompletionItemKind.Value,
      detail: countryLine(env, c.alpha3),
      filterText: `${c.alpha3} ${c.alpha2} ${c.name}`,
      sortText: c.alpha3,
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  if (Object.keys(env.orgMarkets).length === 0) countryCache = { edition: env.edition.edition, items };
  return items;
}

function ruleItems(input: CompletionInput, nextLine?: number, exclude: string[] = []): CompletionItem[] {
  const firing = new Set(nextLine === undefined ? input.findings.map((f) => f.ruleId) : input.findings.filter((f) => f.range.start.line === nextLine).map((f) => f.ruleId));
  return [...knownRuleIds(input.env)]
    .filter((id) => !exclude.includes(id))
    .sort()
    .map((id) => ({
      label: id,
      kind: CompletionItemKind.Reference,
      detail: findRule(input.env, id)?.title ?? META_RULES[id]?.title,
      documentation: { kind: MarkupKind.Markdown, value: ruleCard(input.env, id) ?? '' },
      sortText: (firing.has(id) ? '0' : '1') + id,
      preselect: firing.has(id) && nextLine !== undefined ? true : undefined,
    }));
}
