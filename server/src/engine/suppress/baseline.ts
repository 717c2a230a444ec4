// Baselines: record today's findings so only new ones are reported. Each entry holds the file
// (relative to the baseline file's folder), the rule, the pointer (for people reading the
// file) and the content-aware fingerprint; a count covers identical findings. Matching
// consumes counts per file, so a finding is only absorbed by an entry for its own file.
import type { Finding } from '../types';
import { hash } from './fingerprint';

export interface BaselineEntry {
  file: string;
  rule: string;
  pointer: string;
  fingerprint: string;
  count: number;
}

export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

export function fingerprintOf(f: Finding): string {
  return f.fingerprint ?? hash(`${f.ruleId}|${f.pointer}|${f.message.trim().replace(/\s+/g, ' ')}`);
}

/** Baseline text (stable order, one entry per line-ish JSON) for findings per file. */
export function createBaseline(items: { file: string; findings: Finding[] }[]): string {
  const map = new Map<string, BaselineEntry>();
  for (const { file, findings } of items) {
    for (const f of findings) {
      if (f.suppression) continue;
      const fp = fingerprintOf(f);
      const key = `${file}\0${fp}`;
      const e = map.get(key);
      if (e) e.count++;
      else map.set(key, { file, rule: f.ruleId, pointer: f.pointer, fingerprint: fp, count: 1 });
    }
  }
  const entries = [...map.values()].sort((a, b) => a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.pointer.localeCompare(b.pointer) || a.fingerprint.localeCompare(b.fingerprint));
  const body: Baseline = { version: 1, entries };
  return JSON.stringify({ $comment: 'fcs-lint baseline: findings accepted when adopting fcs-lint; written by --write-baseline. Regenerate, do not edit by hand.', ...body }, null, 2) + '\n';
}

export class BaselineError extends Error {}

export function parseBaseline(text: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`not valid JSON: ${(e as Error).message}`);
  }
  const d = data as Partial<Baseline>;
  if (!d || d.version !== 1 || !Array.isArray(d.entries)) throw new BaselineError('not an fcs-lint baseline (expected {"version": 1, "entries": [...]})');
  for (const e of d.entries) {
    if (!e || typeof e.file !== 'string' || typeof e.rule !== 'string' || typeof e.fingerprint !== 'string' || typeof e.count !== 'number') {
      throw new BaselineError('an entry lacks file, rule, fingerprint or count');
    }
  }
  return d as Baseline;
}

/** Matches findings against a baseline, consuming each entry's count. */
export class BaselineMatcher {
  private readonly remaining = new Map<string, number>();
  matched = 0;

  constructor(baseline: Baseline) {
    for (const e of baseline.entries) {
      const k = `${e.file}\0${e.fingerprint}`;
      this.remaining.set(k, (this.remaining.get(k) ?? 0) + e.count);
    }
  }

  /** Split a file's findings into new ones and ones the baseline covers. */
  apply(file: string, findings: Finding[]): { kept: Finding[]; suppressed: Finding[] } {
    const kept: Finding[] = [];
    const suppressed: Finding[] = [];
    for (const f of findings) {
      const k = `${file}\0${fingerprintOf(f)}`;
      const n = this.remaining.get(k) ?? 0;
      if (!f.suppression && n > 0) {
        this.remaining.set(k, n - 1);
        this.matched++;
        suppressed.push({ ...f, suppression: { kind: 'baseline' } });
      } else kept.push(f);
    }
    return { kept, suppressed };
  }
}
