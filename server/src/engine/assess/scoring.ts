// Prioritising harms (UNGP 14 and 24; conflict likelihood as an extra factor):
// - severity is the worst of scale, scope and irremediability, never an average that would
//   hide an irremediable harm; when two or more factors sit at the top of the scale (4), the
//   severity moves to the top of its own scale (5);
// - the priority score is severity × likelihood, banded into tiers;
// - a harm likely to create or worsen conflict (conflict_likelihood ≥ 3) goes up one tier;
// - irremediable harms (irremediability 4) are listed first.

export const TIERS = ['low', 'medium', 'high', 'critical'] as const;
export type Tier = (typeof TIERS)[number];

export interface ScoreInput {
  likelihood: number | null;
  scale: number | null;
  scope: number | null;
  irremediable: number | null;
  conflict_likelihood: number | null;
}

export interface Score {
  likelihood: number;
  scale: number;
  scope: number;
  irremediable: number;
  conflictLikelihood: number | null;
  /** 1–5: the worst factor, or 5 when two or more factors are 4. */
  severity: number;
  /** severity × likelihood, 1–20. */
  score: number;
  /** The tier from the score alone. */
  baseTier: Tier;
  /** The tier after the conflict-likelihood raise. */
  tier: Tier;
  raisedForConflict: boolean;
  /** Irremediability is at the top of the scale: listed first. */
  irremediableHarm: boolean;
}

export function severityOf(scale: number, scope: number, irremediable: number): number {
  const factors = [scale, scope, irremediable];
  const atTop = factors.filter((f) => f >= 4).length;
  return atTop >= 2 ? 5 : Math.max(...factors);
}

/** Score bands: 1–3 low, 4–7 medium, 8–11 high, 12–20 critical. */
export function tierOf(score: number): Tier {
  if (score >= 12) return 'critical';
  if (score >= 8) return 'high';
  if (score >= 4) return 'medium';
  return 'low';
}

export function raiseTier(t: Tier, steps = 1): Tier {
  return TIERS[Math.min(TIERS.length - 1, TIERS.indexOf(t) + steps)] as Tier;
}

export function tierRank(t: Tier | null | undefined): number {
  return t ? TIERS.indexOf(t) + 1 : 0;
}

const level = (n: number | null): number | null => (typeof n === 'number' && n >= 1 && n <= 4 ? Math.round(n) : null);

/** A score, or null when likelihood or a severity factor is missing (the row is unscored). */
export function scoreRow(r: ScoreInput): Score | null {
  const likelihood = level(r.likelihood);
  const scale = level(r.scale);
  const scope = level(r.scope);
  const irremediable = level(r.irremediable);
  if (likelihood === null || scale === null || scope === null || irremediable === null) return null;
  const conflictLikelihood = level(r.conflict_likelihood);
  const severity = severityOf(scale, scope, irremediable);
  const score = severity * likelihood;
  const baseTier = tierOf(score);
  const raisedForConflict = (conflictLikelihood ?? 0) >= 3;
  return {
    likelihood,
    scale,
    scope,
    irremediable,
    conflictLikelihood,
    severity,
    score,
    baseTier,
    tier: raisedForConflict ? raiseTier(baseTier) : baseTier,
    raisedForConflict,
    irremediableHarm: irremediable >= 4,
  };
}

/**
 * Ordering of scored items: irremediable harms first, then by tier, score and conflict
 * likelihood (all descending). Negative when `a` comes first.
 */
export function compareScores(a: Score | null, b: Score | null): number {
  if (!a || !b) return (b ? 1 : 0) - (a ? 1 : 0);
  return (
    Number(b.irremediableHarm) - Number(a.irremediableHarm) ||
    tierRank(b.tier) - tierRank(a.tier) ||
    b.score - a.score ||
    (b.conflictLikelihood ?? 0) - (a.conflictLikelihood ?? 0)
  );
}
