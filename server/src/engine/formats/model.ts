// The common flag model every format adapter produces. A flag is an ordered list of steps
// (first match wins); each step has a condition and a serve. What a flag serves when it is
// switched off is a second list of steps, because "off" means different things per format
// (flag-formats.md §4.2). Conditions are symbolic and evaluated three-valued per country.
import type { Pointer } from '../types';

export const FLAG_FORMATS = ['flagd', 'flipt', 'goff', 'unleash', 'launchdarkly'] as const;
export type FlagFormat = (typeof FLAG_FORMATS)[number];

export const FORMAT_LABELS: Record<FlagFormat, string> = {
  flagd: 'OpenFeature flagd',
  flipt: 'Flipt',
  goff: 'GO Feature Flag',
  unleash: 'Unleash',
  launchdarkly: 'LaunchDarkly',
};

/** A place in the flag file: a JSON pointer within one YAML document of the stream. */
export interface Loc {
  pointer: Pointer;
  doc: number;
}

/** The pseudo-variant for "the flag returns the application's own default value". */
export const CODE_DEFAULT = '(code default)';

/** How an attribute is treated: geo attributes are evaluated, the rest is unknown to the linter. */
export type AttributeKind = 'country' | 'region' | 'locale' | 'geo-proxy' | 'sensitive' | 'proxy' | 'identity' | 'other';

export type Cond =
  | { k: 'const'; value: boolean }
  | { k: 'and'; of: Cond[] }
  | { k: 'or'; of: Cond[] }
  | { k: 'not'; of: Cond }
  | {
      k: 'attr';
      attribute: string;
      /** Normalised operator: in, notin, startswith, endswith, contains, other. */
      op: 'in' | 'notin' | 'startswith' | 'endswith' | 'contains' | 'other';
      /** The operator as written. */
      rawOp: string;
      values: string[];
      at: Loc;
    }
  | { k: 'unknown'; reason: string; at: Loc };

export const TRUE: Cond = { k: 'const', value: true };

export interface Share {
  variant: string;
  /** Fraction 0..1 of the users reaching this step. */
  fraction: number;
}

export interface Serve {
  shares: Share[];
  /** Fraction of users reaching the step that are not served here and go on to the next step. */
  passOn: number;
  /** The percentage as written, for messages ("5000/100000"). */
  written?: string;
}

export interface Step {
  when: Cond;
  serve: Serve;
  at: Loc;
  /** "targeting rule 2", "default rule", "fallthrough", "strategy 1"… */
  label: string;
  kind: 'rule' | 'default' | 'target' | 'off';
}

export interface FlagVariant {
  name: string;
  value: unknown;
  at: Loc;
}

export interface NotEvaluated {
  reason: string;
  at: Loc;
}

export interface FlagDef {
  key: string;
  format: FlagFormat;
  name?: string;
  description?: string;
  /** The flag's node and its key. */
  at: Loc;
  variants: FlagVariant[];
  enabled: boolean;
  /** Where the on/off state is (or the flag node when it is implicit). */
  enabledAt: Loc;
  /** Steps when the flag is on (the last one is normally the unconditional default). */
  steps: Step[];
  /** Steps when the flag is switched off. */
  offSteps: Step[];
  /** Explain what off means in this format, for messages. */
  offMeaning: string;
  metadata: Record<string, unknown>;
  notEvaluated: NotEvaluated[];
  notes: string[];
  prerequisites: string[];
  /** Future scheduled changes (GOFF scheduledRollout). */
  scheduled: { date: string; at: Loc }[];
}

export interface FlagFile {
  format: FlagFormat;
  /** Why the format was recognised (content markers). */
  markers: string[];
  flags: FlagDef[];
  /** File-level constructs the adapter could not read. */
  notEvaluated: NotEvaluated[];
}

export const loc = (pointer: Pointer, doc: number): Loc => ({ pointer, doc });

export const serveOne = (variant: string): Serve => ({ shares: [{ variant, fraction: 1 }], passOn: 0 });

/**
 * Turn weights into fractions. `scale` is the full-scale value (100, 1000, 100000) or
 * 'relative' (w / Σw). With a scale, weights are taken cumulatively and capped at 100%, like
 * the SDKs' bucketing; the rest passes on when `restPassesOn`, else goes to the code default.
 */
export function weightsToServe(weights: { variant: string; weight: number }[], scale: number | 'relative', restPassesOn = false): Serve {
  const valid = weights.filter((w) => Number.isFinite(w.weight) && w.weight > 0);
  const total = valid.reduce((a, w) => a + w.weight, 0);
  const shares: Share[] = [];
  if (scale === 'relative') {
    if (total > 0) for (const w of valid) shares.push({ variant: w.variant, fraction: w.weight / total });
    return { shares: merge(shares), passOn: 0, written: valid.map((w) => `${w.variant}:${w.weight}`).join(', ') };
  }
  let cum = 0;
  for (const w of valid) {
    const f = Math.min(w.weight / scale, 1 - cum);
    if (f > 0) shares.push({ variant: w.variant, fraction: f });
    cum += f;
  }
  const rest = Math.max(0, 1 - cum);
  if (rest > 1e-9 && !restPassesOn) shares.push({ variant: CODE_DEFAULT, fraction: rest });
  return { shares: merge(shares), passOn: restPassesOn ? rest : 0, written: valid.map((w) => `${w.variant} ${w.weight}/${scale}`).join(', ') };
}

function merge(shares: Share[]): Share[] {
  const m = new Map<string, number>();
  for (const s of shares) m.set(s.variant, (m.get(s.variant) ?? 0) + s.fraction);
  return [...m].map(([variant, fraction]) => ({ variant, fraction }));
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
};
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
