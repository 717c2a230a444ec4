// Section 3: the users × harms × risks × stakeholders matrix. Rows are user groups, columns
// harm types. Cells come from the spec's harms[] rows (confirmed, suggested or dismissed by
// the team) and from the seed matrix (suggestions for every function × exposed group pair
// the team has not yet written a row for).
import { AT_RISK_GROUPS } from '../facts/deriveFacts';
import type { ModelObject } from '../model/normalise';
import { num, obj, objs, oneOrMany, str, strs, type Locate } from './model';
import { compareScores, scoreRow, type Score } from './scoring';
import { seedCells } from './seedMatrix';
import { HARMS, label } from './taxonomy';
import type { CellEntry, CellMitigation, CellStatus, Matrix, MatrixCell } from './types';

const RESIDUAL = ['low', 'medium', 'high', 'critical'];

const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

export function mitigationIndex(spec: ModelObject): Map<string, CellMitigation> {
  const out = new Map<string, CellMitigation>();
  for (const m of objs(spec['mitigations'])) {
    const id = str(m['id']);
    if (!id || out.has(id)) continue;
    out.set(id, { id, description: str(m['description']), flagKey: str(m['flag_key']), status: str(m['status']), type: str(m['type']), defined: true });
  }
  return out;
}

function rowStatus(r: ModelObject): CellStatus {
  const s = str(r['status']);
  // A row the team wrote without a status is theirs: confirmed. Suggested rows say so.
  return s === 'suggested' || s === 'dismissed' ? s : 'confirmed';
}

interface Row {
  index: number;
  model: ModelObject;
  group: string;
  harm: string;
  fn: string | null;
  status: CellStatus;
  score: Score | null;
}

export function buildMatrix(spec: ModelObject, functions: string[], groupsInScope: string[], engagedId: (id: string) => string, at: Locate): Matrix {
  const mitigations = mitigationIndex(spec);
  const rows: Row[] = [];
  objs(spec['harms']).forEach((r, index) => {
    const group = str(r['user_group']);
    const harm = str(r['harm']);
    if (!group || !harm) return;
    rows.push({
      index,
      model: r,
      group,
      harm,
      fn: str(r['function']),
      status: rowStatus(r),
      score: scoreRow({
        likelihood: num(r['likelihood']),
        scale: num(r['scale']),
        scope: num(r['scope']),
        irremediable: num(r['irremediable']),
        conflict_likelihood: num(r['conflict_likelihood']),
      }),
    });
  });

  const cells = new Map<string, { group: string; harm: string; entries: CellEntry[]; rows: Row[] }>();
  const cellFor = (group: string, harm: string) => {
    const key = `${group}|${harm}`;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { group, harm, entries: [], rows: [] }));
    return c;
  };
  for (const r of rows) {
    const c = cellFor(r.group, r.harm);
    c.rows.push(r);
    c.entries.push({
      source: 'spec',
      rowId: str(r.model['id']),
      status: r.status,
      fn: r.fn,
      mechanism: str(r.model['mechanism']),
      dismissalReason: r.status === 'dismissed' ? str(r.model['dismissal_reason']) : null,
      causeType: str(r.model['cause_type']),
      score: r.score,
      location: at(`/harms/${r.index}`),
    });
  }
  for (const s of seedCells(functions, groupsInScope)) {
    // The team already wrote a row for this group, harm and function (in any status).
    if (rows.some((r) => r.group === s.group && r.harm === s.harm && (r.fn === s.fn || r.fn === null))) continue;
    const fnIndex = functions.indexOf(s.fn);
    cellFor(s.group, s.harm).entries.push({
      source: 'seed',
      rowId: null,
      status: 'suggested',
      fn: s.fn,
      mechanism: s.mechanism,
      dismissalReason: null,
      causeType: null,
      score: null,
      location: at(fnIndex >= 0 ? `/feature/functions/${fnIndex}` : '/feature'),
    });
  }

  const built: MatrixCell[] = [...cells.values()].map((c) => {
    const live = c.entries.filter((e) => e.status !== 'dismissed');
    const liveRows = c.rows.filter((r) => r.status !== 'dismissed');
    const status: CellStatus = c.entries.some((e) => e.status === 'confirmed') ? 'confirmed' : live.length > 0 ? 'suggested' : 'dismissed';
    const score = live.map((e) => e.score).reduce<Score | null>((best, s) => (s && (!best || compareScores(s, best) < 0) ? s : best), null);
    const st = (k: string) => uniq(liveRows.flatMap((r) => strs(obj(r.model['stakeholders'])[k])));
    const mitigationIds = uniq(liveRows.flatMap((r) => strs(r.model['mitigations'])));
    const residuals = liveRows.map((r) => str(r.model['residual'])).filter((x): x is string => !!x && RESIDUAL.includes(x));
    const residual = residuals.sort((a, b) => RESIDUAL.indexOf(b) - RESIDUAL.indexOf(a))[0] ?? null;
    const first = c.entries.find((e) => e.source === 'spec' && e.status !== 'dismissed') ?? c.entries.find((e) => e.source === 'spec') ?? c.entries[0]!;
    return {
      key: `${c.group}|${c.harm}`,
      group: c.group,
      harm: c.harm,
      status,
      entries: c.entries,
      functions: uniq((live.length ? live : c.entries).map((e) => e.fn).filter((f): f is string => !!f)),
      mechanisms: uniq((live.length ? live : c.entries).map((e) => e.mechanism).filter((m): m is string => !!m)),
      score,
      tier: score?.tier ?? null,
      stakeholders: { affected: st('affected'), misusers: st('misusers'), dutyBearers: st('duty_bearers'), engaged: st('engaged').map(engagedId) },
      conflictInteraction: uniq(liveRows.flatMap((r) => strs(r.model['conflict_interaction']))),
      mitigations: mitigationIds.map((id) => mitigations.get(id) ?? { id, description: null, flagKey: null, status: null, type: null, defined: false }),
      residual,
      acceptedBy: uniq(liveRows.flatMap((r) => oneOrMany(r.model['accepted_by']))),
      dismissalReasons: c.entries.map((e) => e.dismissalReason).filter((x): x is string => !!x),
      rank: 0,
      location: first.location,
    };
  });

  built.sort(compareCells);
  built.forEach((c, i) => (c.rank = i + 1));

  const groupIds = uniq([...groupsInScope, ...built.map((c) => c.group)]);
  const harmIds = HARMS.filter((h) => built.some((c) => c.harm === h));
  return {
    groups: groupIds.map((id) => ({ id, label: label(id), inScope: groupsInScope.includes(id), atRisk: AT_RISK_GROUPS.includes(id) })),
    harms: harmIds.map((id) => ({ id, label: label(id) })),
    cells: built,
    counts: {
      cells: built.length,
      confirmed: built.filter((c) => c.status === 'confirmed').length,
      suggested: built.filter((c) => c.status === 'suggested').length,
      dismissed: built.filter((c) => c.status === 'dismissed').length,
      unscored: built.filter((c) => c.status !== 'dismissed' && !c.score).length,
    },
  };
}

const STATUS_ORDER: Record<CellStatus, number> = { confirmed: 0, suggested: 1, dismissed: 2 };

/**
 * Priority order: dismissed cells last; scored cells before unscored ones, ordered by
 * compareScores (irremediable first, then tier, score, conflict likelihood); unscored cells by
 * status (confirmed first), then by how many functions reach them; finally by taxonomy order.
 */
export function compareCells(a: MatrixCell, b: MatrixCell): number {
  const dis = Number(a.status === 'dismissed') - Number(b.status === 'dismissed');
  if (dis) return dis;
  return (
    compareScores(a.score, b.score) ||
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    b.functions.length - a.functions.length ||
    HARMS.indexOf(a.harm) - HARMS.indexOf(b.harm) ||
    a.group.localeCompare(b.group)
  );
}
