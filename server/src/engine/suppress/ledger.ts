// The ledger of accepted risks: findings that cannot carry a comment (or should not) are
// accepted here with an owner, a reason, an approver, an expiry and a ticket. An entry covers
// findings of its rule in the files its globs match (relative to the ledger's folder),
// optionally only at or inside a JSON pointer. Expired entries cover nothing and are findings.
import picomatch from 'picomatch';
import ledgerSchema from '../../../../schemas/fcs-ledger.schema.json';
import { isExpired } from '../dd/applyDueDiligence';
import { checkSchema, compileSchema, type JsonSchema } from '../model/schemaCheck';
import { locatePointer, parseYamlSource, toData } from '../parse/yamlSource';
import type { Finding, Range } from '../types';

export interface LedgerEntry {
  index: number;
  rule: string;
  files: string[];
  pointer?: string;
  owner: string;
  reason: string;
  approver: string;
  expires: string;
  ticket?: string;
  /** Where the entry's `expires` value is, for findings about the entry. */
  expiresRange: Range;
  match: (relPath: string) => boolean;
}

export interface Ledger {
  file: string;
  entries: LedgerEntry[];
  problems: { file: string; range: Range; message: string }[];
}

export const LEDGER_NAME = '.fcs-lint-ledger.yaml';

export function readLedger(file: string, text: string): Ledger {
  const src = parseYamlSource(text);
  const ledger: Ledger = { file, entries: [], problems: [] };
  for (const e of src.errors) ledger.problems.push({ file, range: e.range, message: `YAML: ${e.message}` });
  if (src.errors.length) return ledger;
  let data: unknown;
  try {
    data = toData(src.doc);
  } catch (e) {
    ledger.problems.push({ file, range: locatePointer(src, '').range, message: `YAML: ${(e as Error).message}` });
    return ledger;
  }
  const problems = checkSchema(compileSchema(ledgerSchema as JsonSchema), data);
  const bad = new Set<number>();
  for (const p of problems) {
    ledger.problems.push({ file, range: locatePointer(src, p.pointer, p.part).range, message: p.message });
    const m = /^\/accepted\/(\d+)/.exec(p.pointer);
    if (m) bad.add(Number(m[1]));
    else return ledger;
  }
  const accepted = (data as { accepted: Record<string, unknown>[] }).accepted;
  accepted.forEach((a, index) => {
    if (bad.has(index)) return;
    const files = Array.isArray(a['files']) ? (a['files'] as string[]) : [a['files'] as string];
    const matchers = files.map((g) => picomatch(g.replace(/^\.\//, ''), { dot: true }));
    ledger.entries.push({
      index,
      rule: a['rule'] as string,
      files,
      pointer: a['pointer'] as string | undefined,
      owner: a['owner'] as string,
      reason: a['reason'] as string,
      approver: a['approver'] as string,
      expires: a['expires'] as string,
      ticket: a['ticket'] as string | undefined,
      expiresRange: locatePointer(src, `/accepted/${index}/expires`, 'value').range,
      match: (rel) => matchers.some((m) => m(rel)),
    });
  });
  return ledger;
}

function covers(e: LedgerEntry, f: Finding, rel: string): boolean {
  if (e.rule !== f.ruleId || !e.match(rel)) return false;
  return !e.pointer || e.pointer === f.pointer || f.pointer.startsWith(e.pointer + '/');
}

/**
 * Findings covered by a live ledger entry leave the report (returned as `suppressed`, with the
 * entry's accountability attached). `rel` is the linted file relative to the ledger's folder.
 */
export function applyLedger(findings: Finding[], ledger: Ledger, rel: string, now: Date): { kept: Finding[]; suppressed: Finding[] } {
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    const e = f.suppression ? undefined : ledger.entries.find((x) => covers(x, f, rel) && !isExpired(x.expires, now));
    if (!e) {
      kept.push(f);
      continue;
    }
    suppressed.push({
      ...f,
      suppression: { kind: 'ledger', reason: e.reason, owner: e.owner, approver: e.approver, expires: e.expires, ticket: e.ticket },
    });
  }
  return { kept, suppressed };
}

/** Expired entries, as findings on the ledger file itself (reported once per run). */
export function expiredEntries(ledger: Ledger, now: Date): LedgerEntry[] {
  return ledger.entries.filter((e) => isExpired(e.expires, now));
}
