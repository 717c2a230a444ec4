// Hover data for flag files: the exposure table of the flag under the cursor (one row per FCS
// country and organisation market, per variant served). Pure; the language server renders it.
import { isNode, type Node as YamlNode } from 'yaml';
import { editionLabel } from '../contexts/fcsList';
import type { LintEnvironment } from '../lint';
import { locatePointer, parsePointer, type YamlSource } from '../parse/yamlSource';
import type { Position } from '../types';
import { inferCapabilities, describeInference } from './capabilities';
import { evaluateFlag, exposurePlaces } from './exposure';
import { FORMAT_LABELS, type FlagDef } from './model';
import { readFlagFile } from './readFlags';

export interface ExposureRow {
  country: string;
  alpha3: string;
  region: string | null;
  category: string;
  variant: string;
  value: unknown;
  /** Certain and possible share, 0..1. */
  min: number;
  max: number;
  /** "50%", "up to 50%", "20–50%". */
  share: string;
  on: boolean;
}

export interface FlagExposureTable {
  key: string;
  format: string;
  enabled: boolean;
  offMeaning: string;
  capability: string;
  edition: string;
  rows: ExposureRow[];
  /** Why some shares are only "may be served", and other notes. */
  notes: string[];
}

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

function nodeAt(src: YamlSource, doc: number, pointer: string): YamlNode | undefined {
  const d = src.docs[doc];
  if (!d) return undefined;
  const tokens = parsePointer(pointer);
  const n = tokens.length ? d.getIn(tokens, true) : d.contents;
  return isNode(n) ? n : undefined;
}

function offsetOf(src: YamlSource, p: Position): number {
  const starts = src.lineCounter.lineStarts;
  return (starts[p.line] ?? src.text.length) + p.character;
}

/** The flag whose definition contains the position (its key line included), or undefined. */
export function flagAt(src: YamlSource, flags: FlagDef[], position: Position): FlagDef | undefined {
  const off = offsetOf(src, position);
  let best: { f: FlagDef; size: number } | undefined;
  for (const f of flags) {
    const n = nodeAt(src, f.at.doc, f.at.pointer);
    if (!n?.range) continue;
    // Include the flag's key (a mapping key sits before its value).
    const start = Math.min(n.range[0], offsetOf(src, locatePointer(src, f.at.pointer, 'key', f.at.doc).range.start));
    if (off >= start && off <= n.range[2]) {
      const size = n.range[2] - n.range[0];
      if (!best || size < best.size) best = { f, size };
    }
  }
  return best?.f;
}

/** The exposure table of the flag at `position` in a flag file, or undefined when there is none. */
export function flagExposureTable(uri: string, text: string, env: LintEnvironment, position: Position): FlagExposureTable | undefined {
  void uri;
  const read = readFlagFile(text, env.now);
  if (!read.file) return undefined;
  const flag = flagAt(read.src, read.file.flags, position);
  if (!flag) return undefined;
  const rows: ExposureRow[] = [];
  const notes = new Set<string>(flag.notes);
  for (const ctx of exposurePlaces(env.edition, env.orgMarkets)) {
    const e = evaluateFlag(flag, ctx.place);
    for (const u of e.unknowns) notes.add(u);
    for (const v of e.variants) {
      rows.push({
        country: ctx.place.name,
        alpha3: ctx.place.alpha3,
        region: ctx.place.region ?? null,
        category: ctx.category,
        variant: v.variant,
        value: v.value,
        min: v.min,
        max: v.max,
        share: v.min >= v.max - 1e-9 ? pct(v.max) : v.min > 0 ? `${pct(v.min)}–${pct(v.max)}` : `up to ${pct(v.max)}`,
        on: v.on,
      });
    }
  }
  const terms = inferCapabilities(flag);
  return {
    key: flag.key,
    format: FORMAT_LABELS[flag.format],
    enabled: flag.enabled,
    offMeaning: flag.offMeaning,
    capability: terms.length ? `inferred from ${describeInference(terms)}` : 'purpose not recognised',
    edition: editionLabel(env.edition),
    rows,
    notes: [...notes],
  };
}
