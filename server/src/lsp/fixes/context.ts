// What a fix needs to know about the document and the finding it answers.
import type { LintEnvironment } from '../../engine/lint';
import { findCountry } from '../../engine/contexts/countries';
import { parsePointer, type YamlSource } from '../../engine/parse/yamlSource';
import type { Range } from '../../engine/types';
import type { TextChange } from '../yaml/insert';

/** The parts of a finding (or of a diagnostic's data) a fix reads. */
export interface FixTarget {
  ruleId: string;
  pointer: string;
  range: Range;
  status?: string;
  suggestion?: string;
  prompts?: string[];
}

export interface FixContext {
  src: YamlSource;
  /** The document as plain data (undefined when it does not parse). */
  data: Record<string, unknown>;
  env: LintEnvironment;
  /** YYYY-MM-DD of the environment's clock. */
  today: string;
  /** The document kind (spec unless said otherwise; flag files get their own fixes). */
  kind?: 'spec' | 'flags';
}

export interface ProposedFix {
  title: string;
  change: TextChange;
  /** The fix most users want for this finding (VS Code applies it with Ctrl+.). */
  preferred?: boolean;
  /** Safe to apply together with other safe fixes, unattended (source.fixAll.fcsLint). */
  safe?: boolean;
  /** Whether applying it is meant to make the finding go away (tests check this). */
  removesFinding?: boolean;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function addDays(isoDay: string, days: number): string {
  const d = new Date(isoDay + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface MarketRef {
  index: number;
  /** The code as written in the spec. */
  code: string;
  alpha3: string;
  name: string;
  languages: string[];
}

/** The market a finding points into (`/markets/N/...`), if any. */
export function marketOf(t: FixTarget, ctx: FixContext): MarketRef | undefined {
  const tokens = parsePointer(t.pointer);
  if (tokens[0] !== 'markets' || tokens[1] === undefined) return undefined;
  const index = Number(tokens[1]);
  const markets = ctx.data['markets'];
  const m = Array.isArray(markets) ? markets[index] : undefined;
  if (!isRecord(m) || typeof m['country'] !== 'string') return undefined;
  const c = findCountry(m['country']);
  if (!c) return undefined;
  const languages = Array.isArray(m['languages']) ? m['languages'].filter((x): x is string => typeof x === 'string') : [];
  return { index, code: m['country'], alpha3: c.alpha3, name: c.name, languages };
}

export function offsetOf(src: YamlSource, pos: { line: number; character: number }): number {
  const starts = src.lineCounter.lineStarts;
  const lineStart = starts[pos.line] ?? src.text.length;
  return Math.min(src.text.length, lineStart + pos.character);
}
