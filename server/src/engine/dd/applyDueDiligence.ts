// Due-diligence answers and waivers recorded in the spec change how a finding stands:
// answered -> acknowledged (lower severity, answer shown); waived -> waived until its expiry.
// A blocker needs an implemented mitigation or a waiver, an answer alone is not enough.
import type { ModelObject, ModelValue } from '../model/normalise';
import type { Finding, Pointer } from '../types';

export interface RawWaiver {
  index: number;
  rule: string;
  reason: string;
  approver: string;
  expires: string;
  ticket?: string;
  at?: string;
}

export interface DueDiligence {
  answers: Map<string, { answer: string; by?: string; date?: string; mitigations: string[] }>;
  waivers: RawWaiver[];
  /** Mitigation ids whose status is implemented or verified. */
  inPlaceMitigations: Set<string>;
}

const s = (v: ModelValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: ModelValue | undefined): ModelObject[] =>
  Array.isArray(v) ? v.filter((x): x is ModelObject => !!x && typeof x === 'object' && !Array.isArray(x)) : [];

export function readDueDiligence(spec: ModelObject): DueDiligence {
  const answers: DueDiligence['answers'] = new Map();
  const raw = spec['dd_answers'];
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [rule, a] of Object.entries(raw)) {
      if (!a || typeof a !== 'object' || Array.isArray(a)) continue;
      const answer = s(a['answer']);
      if (!answer) continue;
      const mitigations = Array.isArray(a['mitigations']) ? a['mitigations'].filter((x): x is string => typeof x === 'string') : [];
      answers.set(rule, { answer, by: s(a['by']), date: s(a['date']), mitigations });
    }
  }
  const waivers: RawWaiver[] = [];
  list(spec['dd_waivers']).forEach((w, index) => {
    const rule = s(w['rule']);
    const reason = s(w['reason']);
    const approver = s(w['approver']);
    const expires = s(w['expires']);
    if (rule && reason && approver && expires) waivers.push({ index, rule, reason, approver, expires, ticket: s(w['ticket']), at: s(w['at']) });
  });
  const inPlaceMitigations = new Set(
    list(spec['mitigations'])
      .filter((m) => m['status'] === 'implemented' || m['status'] === 'verified')
      .map((m) => s(m['id']))
      .filter((x): x is string => !!x),
  );
  return { answers, waivers, inPlaceMitigations };
}

export function isExpired(expires: string, now: Date): boolean {
  return expires < now.toISOString().slice(0, 10);
}

function waiverCovers(w: RawWaiver, f: Finding): boolean {
  return w.rule === f.ruleId && (!w.at || w.at === f.pointer || f.pointer.startsWith(w.at + '/'));
}

/** Apply answers and live waivers to findings (returns new finding objects). */
export function applyDueDiligence(findings: Finding[], dd: DueDiligence, now: Date): Finding[] {
  return findings.map((f) => {
    const waiver = dd.waivers.find((w) => waiverCovers(w, f) && !isExpired(w.expires, now));
    if (waiver) {
      return {
        ...f,
        status: 'waived',
        severity: 'info',
        message: `${f.message} — waived until ${waiver.expires} by ${waiver.approver}: ${waiver.reason}`,
        waiver: { reason: waiver.reason, approver: waiver.approver, expires: waiver.expires, ticket: waiver.ticket },
      };
    }
    const a = dd.answers.get(f.ruleId);
    if (!a) return f;
    const mitigated = a.mitigations.some((m) => dd.inPlaceMitigations.has(m));
    if (f.baseSeverity === 'blocker' && !mitigated) {
      return {
        ...f,
        status: 'acknowledged',
        message: `${f.message} — answered ("${a.answer}"), but a blocker needs an implemented or verified mitigation linked in dd_answers.${f.ruleId}.mitigations, or a waiver`,
        answer: a,
      };
    }
    return {
      ...f,
      status: 'acknowledged',
      severity: 'low',
      message: `${f.message} — acknowledged: ${a.answer}${a.by ? ` (${a.by}${a.date ? `, ${a.date}` : ''})` : ''}`,
      answer: a,
    };
  });
}

export function waiverPointer(w: RawWaiver): Pointer {
  return `/dd_waivers/${w.index}`;
}
