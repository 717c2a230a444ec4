// Hover: the rule card on a finding, a rule id anywhere (answers, waivers, suppression
// comments), a country or region code, and the schema's description of a key.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import type { LintEnvironment } from '../engine/lint';
import type { Range } from '../engine/types';
import type { Analysis } from './analysis';
import { countryCard } from './countryInfo';
import { flagHover } from './flagHover';
import { docsUri } from './diagnostics';
import { ruleCard } from './ruleCard';
import { isCountryField, isRegionField, isRuleField, schemaAt, scalarBranch, type SchemaNode } from './schemaNav';
import { nodeAt } from './yaml/pathAt';

export interface HoverDeps {
  env: LintEnvironment;
  packageRoot: string;
}

const contains = (r: Range, p: Position) =>
  (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) &&
  (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));

const RULE_ID = /\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b/g;
const SUPPRESSION = /fcs-lint-disable(?:-next-line|-line)?\b/;

export function hover(a: Analysis, pos: Position, deps: HoverDeps): Hover | null {
  const parts: string[] = [];
  const href = (id: string) => docsUri(`docs/rules/${id}.md`, deps.packageRoot);
  const shown = new Set<string>();
  for (const f of a.result.findings) {
    if (!contains(f.range, pos)) continue;
    const card = ruleCard(deps.env, f.ruleId, href(f.ruleId), f);
    if (card) {
      parts.push(`${f.message}\n\n${card}`);
      shown.add(f.ruleId);
    }
  }
  const line = a.text.split('\n')[pos.line] ?? '';
  const id = ruleIdAt(line, pos.character);
  if (id && SUPPRESSION.test(line) && !shown.has(id)) {
    const card = ruleCard(deps.env, id, href(id));
    if (card) parts.push(card);
  } else if (a.result.kind === 'spec') {
    const info = yamlHover(a, pos, deps, shown, href);
    if (info) parts.push(info);
  } else if (a.result.kind === 'flags') {
    const table = flagHover(a.uri, a.text, deps.env, pos);
    if (table) parts.push(table);
  }
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } };
}

function ruleIdAt(line: string, ch: number): string | undefined {
  for (const m of line.matchAll(RULE_ID)) {
    if (ch >= m.index! && ch <= m.index! + m[0].length) return m[0];
  }
  return undefined;
}

function yamlHover(a: Analysis, pos: Position, deps: HoverDeps, shown: Set<string>, href: (id: string) => string): string | undefined {
  const src = a.yaml();
  const offset = (src.lineCounter.lineStarts[pos.line] ?? src.text.length) + pos.character;
  const at = nodeAt(src, offset);
  if (!at) return undefined;
  const value = at.scalar ? String(at.scalar.value ?? '') : '';
  // A rule id: a dd_answers key or a waiver's rule.
  if (at.path[0] === 'dd_answers' && at.part === 'key' && at.path.length === 2) {
    return shown.has(value) ? undefined : ruleCard(deps.env, value, href(value)) ?? `No checklist defines ${value}.`;
  }
  const schema = schemaAt(at.path);
  if (at.part === 'value') {
    if (isRuleField(schema)) return shown.has(value) ? undefined : ruleCard(deps.env, value, href(value)) ?? `No checklist defines ${value}.`;
    if (isCountryField(schema) || isRegionField(schema)) return countryCard(deps.env, value);
    return describeValue(at.path, schema, value);
  }
  return describeKey(at.path, schema);
}

function typeText(s: SchemaNode): string {
  const t = s.type ?? (s.oneOf ? s.oneOf.map((b) => b.type).join(' or ') : s.const !== undefined ? JSON.stringify(s.const) : '');
  return Array.isArray(t) ? t.join(' or ') : String(t);
}

function describeKey(path: (string | number)[], s: SchemaNode | undefined): string | undefined {
  if (!s) return undefined;
  const lines = [`**${path.filter((p) => typeof p === 'string').join('.')}**${typeText(s) ? ` · ${typeText(s)}` : ''}`];
  if (s.description) lines.push('', s.description);
  const e = scalarBranch(s)?.enum ?? s.items?.enum;
  if (e?.length) lines.push('', `Allowed: ${e.map((x) => `\`${String(x)}\``).join(', ')}`);
  return lines.join('\n');
}

function describeValue(path: (string | number)[], s: SchemaNode | undefined, value: string): string | undefined {
  const scalar = scalarBranch(s);
  if (!scalar?.description) return undefined;
  const allowed = scalar.enum?.map(String);
  const valid = allowed ? (allowed.includes(value) ? '' : ' — not an allowed value') : '';
  return `\`${value}\`: ${scalar.description}${valid}${path.length ? ` (${path.filter((p) => typeof p === 'string').join('.')})` : ''}`;
}
