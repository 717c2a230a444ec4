// Sections 4–8: findings with their prompts and answer status, kill switches and levers
// (with the consequence scan of mitigations), early warning and review dates, sign-offs
// and waivers.
import type { ModelObject } from '../model/normalise';
import { severityRank, type Finding } from '../types';
import { addDays, daysFrom, num, obj, objs, str, strs, type Locate } from './model';
import { mitigationIndex } from './matrix';
import type { AssessFinding, ContextCard, EarlyWarning, Governance, Levers } from './types';

const STATUS_ORDER = { open: 0, acknowledged: 1, waived: 2 } as const;

export function assessFindings(findings: Finding[]): AssessFinding[] {
  return [...findings]
    .sort(
      (a, b) =>
        severityRank(b.severity) - severityRank(a.severity) ||
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        severityRank(b.baseSeverity) - severityRank(a.baseSeverity) ||
        a.range.start.line - b.range.start.line ||
        a.ruleId.localeCompare(b.ruleId),
    )
    .map((f) => ({
      ruleId: f.ruleId,
      title: f.title,
      severity: f.severity,
      baseSeverity: f.baseSeverity,
      status: f.status,
      message: f.message,
      prompts: f.prompts,
      answer: f.answer ? { answer: f.answer.answer, by: f.answer.by ?? null, date: f.answer.date ?? null } : null,
      waiver: f.waiver ? { reason: f.waiver.reason, approver: f.waiver.approver, expires: f.waiver.expires } : null,
      dataEdition: f.dataEdition ?? null,
      docsPath: f.docsPath ?? null,
      location: { pointer: f.pointer, range: f.range },
    }));
}

const BUCKET: Record<string, 'act' | 'influence' | 'monitor'> = { in_product: 'act', partner: 'influence', policy: 'influence', external: 'monitor' };

export function levers(spec: ModelObject, now: Date, at: Locate): Levers {
  const ks = obj(spec['kill_switch']);
  const hasKs = str(ks['flag_key']) !== null || str(ks['owner']) !== null || strs(ks['scope']).length > 0;
  const lastTested = str(ks['last_tested']);
  const since = daysFrom(now, lastTested);
  const out: Levers['levers'] = [];
  const caps = obj(spec['capabilities']);
  objs(obj(caps['ranking'])['crisis_levers']).forEach((l, i) =>
    out.push({ kind: 'crisis_lever', label: str(l['lever']) ?? 'crisis lever', flagKey: str(l['flag_key']), location: at(`/capabilities/ranking/crisis_levers/${i}`) }),
  );
  const lockdown = obj(obj(caps['social_graph'])['lockdown_mode']);
  if (lockdown['exists'] === true || str(lockdown['flag_key']))
    out.push({ kind: 'lockdown_mode', label: 'Profile lockdown mode', flagKey: str(lockdown['flag_key']), location: at('/capabilities/social_graph/lockdown_mode') });
  const regionFlag = str(obj(caps['location'])['region_flag_key']);
  if (regionFlag) out.push({ kind: 'location_switch', label: 'Live location off per country or region', flagKey: regionFlag, location: at('/capabilities/location/region_flag_key') });
  objs(spec['mitigations']).forEach((m, i) => {
    const flagKey = str(m['flag_key']);
    if (flagKey) out.push({ kind: 'mitigation', label: str(m['description']) ?? str(m['id']) ?? 'mitigation', flagKey, location: at(`/mitigations/${i}`) });
  });
  const all = [...mitigationIndex(spec).values()];
  const buckets = (['act', 'influence', 'monitor', 'unclassified'] as const).map((bucket) => ({
    bucket,
    mitigations: all.filter((m) => (BUCKET[m.type ?? ''] ?? 'unclassified') === bucket),
  }));
  return {
    killSwitch: hasKs
      ? {
          flagKey: str(ks['flag_key']),
          scope: strs(ks['scope']),
          owner: str(ks['owner']),
          lastTested,
          daysSinceTested: since === null ? null : -since,
          timeToDisableMinutes: num(ks['time_to_disable_minutes']),
          runbook: str(ks['runbook']),
          modelRollback: str(ks['model_rollback']),
          location: at('/kill_switch'),
        }
      : null,
    levers: out,
    consequenceScan: buckets.filter((b) => b.mitigations.length > 0),
  };
}

export function earlyWarning(spec: ModelObject, cards: ContextCard[], now: Date, at: Locate): EarlyWarning {
  const lc = obj(spec['lifecycle']);
  const cadence = num(lc['review_cadence_days']);
  const lastReview = str(lc['last_review']) ?? str(obj(spec['conflict_analysis'])['date']);
  const nextReview = cadence && lastReview ? addDays(lastReview, cadence) : null;
  const toNext = daysFrom(now, nextReview);
  const events = cards
    .flatMap((c) => c.upcomingEvents.map((e) => ({ market: c.alpha3, type: e.type, date: e.date, daysAway: e.daysAway ?? -1 })))
    .filter((e) => e.daysAway >= 0 && e.daysAway <= 365)
    .sort((a, b) => a.daysAway - b.daysAway);
  return {
    signals: strs(lc['early_warning_signals']),
    reviewCadenceDays: cadence,
    lastReview,
    nextReview,
    overdue: toNext !== null && toNext < 0,
    heightenedMonitoringPlan: str(lc['heightened_monitoring_plan']),
    exitPlanRef: str(lc['exit_plan_ref']),
    upcomingEvents: events,
    location: at('/lifecycle'),
  };
}

export const REQUIRED_SIGNOFFS = ['human_rights_lead', 'product_owner', 'legal'];

export function governance(spec: ModelObject, now: Date, at: Locate): Governance {
  const signoffs = objs(spec['signoffs'])
    .map((s) => ({ role: str(s['role']) ?? 'other', by: str(s['by']) ?? '', date: str(s['date']) }))
    .filter((s) => s.by);
  const today = now.toISOString().slice(0, 10);
  const waivers = objs(spec['dd_waivers']).flatMap((w, i) => {
    const rule = str(w['rule']);
    if (!rule) return [];
    const expires = str(w['expires']) ?? '';
    return [{ rule, reason: str(w['reason']) ?? '', approver: str(w['approver']) ?? '', expires, expired: !expires || expires < today, location: at(`/dd_waivers/${i}`) }];
  });
  return { signoffs, missingSignoffs: REQUIRED_SIGNOFFS.filter((r) => !signoffs.some((s) => s.role === r)), waivers };
}
