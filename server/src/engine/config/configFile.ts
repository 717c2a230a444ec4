// Read one configuration file (YAML text): parse with positions, check it against
// schemas/fcs-config.schema.json, and keep the source so later problems (a missing pack, a
// cycle, an unknown rule) can point at the exact entry.
import configSchema from '../../../../schemas/fcs-config.schema.json';
import { checkSchema, compileSchema, type JsonSchema } from '../model/schemaCheck';
import { locatePointer, parseYamlSource, toData, type RangePart, type YamlSource } from '../parse/yamlSource';
import type { Range, Severity } from '../types';

export const CONFIG_NAMES = ['.fcs-lint.yaml', '.fcs-lint.yml'];

export interface ConfigProblem {
  file: string;
  range: Range;
  message: string;
  /** Errors stop a CLI run (exit 2); warnings are printed and the run continues. */
  level: 'error' | 'warning';
}

export type RawRuleSetting = 'off' | Severity | { severity?: Severity; off?: boolean; at_least?: Severity };

export interface RawMarket {
  category?: 'conflict' | 'fragility' | 'none';
  reason?: string;
  date?: string;
  subnational?: Record<string, { category: 'conflict' | 'fragility' | 'none'; reason?: string; date?: string }>;
  risk_signals?: (string | { signal: string; since?: string; note?: string })[];
  upcoming_events?: { type: string; date: string; note?: string }[];
  shutdown_history?: boolean;
}

export interface RawConfig {
  root?: boolean;
  extends?: string | string[];
  checklists?: string[];
  options?: Record<string, number>;
  rules?: Record<string, RawRuleSetting>;
  overrides?: { files: string | string[]; rules?: Record<string, RawRuleSetting> }[];
  markets?: Record<string, RawMarket>;
  early_warning?: { window_days?: number; stale_data?: boolean };
  ledger?: string;
}

export interface ConfigFile {
  file: string;
  /** Valid parts of the file (invalid sections are dropped, never guessed at). */
  config: RawConfig;
  problems: ConfigProblem[];
  src: YamlSource;
  /** True when the file is a checklist (has a `checklist:` key) rather than a config. */
  isChecklist: boolean;
}

export function locateIn(cf: { src: YamlSource }, pointer: string, part: RangePart = 'auto'): Range {
  return locatePointer(cf.src, pointer, part).range;
}

export function readConfigFile(file: string, text: string): ConfigFile {
  const src = parseYamlSource(text);
  const problems: ConfigProblem[] = [];
  const out: ConfigFile = { file, config: {}, problems, src, isChecklist: false };
  for (const e of src.errors) problems.push({ file, range: e.range, message: `YAML: ${e.message}`, level: 'error' });
  if (src.errors.length) return out;
  let data: unknown;
  try {
    data = toData(src.doc);
  } catch (e) {
    problems.push({ file, range: locatePointer(src, '').range, message: `YAML: ${(e as Error).message}`, level: 'error' });
    return out;
  }
  if (data === null || data === undefined) return out; // an empty config is a valid config
  if (typeof data === 'object' && !Array.isArray(data) && 'checklist' in data) {
    out.isChecklist = true;
    return out;
  }
  const schemaProblems = checkSchema(compileSchema(configSchema as JsonSchema), data);
  for (const p of schemaProblems) problems.push({ file, range: locatePointer(src, p.pointer, p.part).range, message: p.message, level: 'error' });
  if (!data || typeof data !== 'object' || Array.isArray(data)) return out;
  // Keep the top-level sections that validated; drop the ones with problems.
  const bad = new Set(schemaProblems.map((p) => p.pointer.split('/')[1] ?? ''));
  const config: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) if (!bad.has(k)) config[k] = v;
  out.config = config as RawConfig;
  return out;
}
