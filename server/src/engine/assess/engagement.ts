// Section 2: engagement coverage across lifecycle stages and represented groups. Records
// are redacted to pseudonymous ids (E1, E2, …), their stage, stakeholder type and the groups
// they represent unless the caller asks for details: a leaked engagement record can endanger
// participants in conflict settings.
import { AT_RISK_GROUPS } from '../facts/deriveFacts';
import type { ResolvedMarket } from '../contexts/markets';
import type { ModelObject } from '../model/normalise';
import { stageIndex } from '../types';
import { label, STAGES } from './taxonomy';
import { findCountry } from '../contexts/countries';
import { objs, str, strs, type Locate } from './model';
import type { EngagementCoverage, EngagementRecord } from './types';
import type { Finding } from '../types';

/** Maps engagement ids to what a report may show (themselves, or E1, E2, … when redacted). */
export function engagementIdMap(spec: ModelObject, redact: boolean): (id: string) => string {
  const ids = objs(spec['engagements']).map((e) => str(e['id']));
  const map = new Map<string, string>();
  ids.forEach((id, i) => {
    if (id && !map.has(id)) map.set(id, redact ? `E${i + 1}` : id);
  });
  return (id) => map.get(id) ?? (redact ? 'E?' : id);
}

export function engagementCoverage(spec: ModelObject, groupsInScope: string[], markets: ResolvedMarket[], stage: string, redact: boolean, at: Locate): EngagementCoverage {
  const rows = objs(spec['engagements']);
  const idFor = engagementIdMap(spec, redact);
  const records: EngagementRecord[] = rows.map((e, i) => {
    const id = str(e['id']);
    const rec: EngagementRecord = {
      id: id ? idFor(id) : redact ? `E${i + 1}` : `#${i + 1}`,
      stakeholderType: str(e['stakeholder_type']),
      represents: strs(e['represents']),
      stage: str(e['lifecycle_stage']),
      location: at(`/engagements/${i}`),
    };
    if (!redact) {
      rec.details = {
        country: str(e['country']),
        setting: str(e['setting']),
        date: str(e['date']),
        method: str(e['method']),
        sideOrCommunity: str(e['side_or_community']),
        organisationName: str(e['organisation_name']),
        participantNames: strs(e['participant_names']),
        safetyPrecautions: strs(e['safety_precautions']),
        findingsRef: str(e['findings_ref']),
        changed: strs(e['changed']),
        reportedBack: str(e['reported_back']),
      };
    }
    return rec;
  });
  const current = Math.max(0, stageIndex(stage));
  const stages = STAGES.map((s, i) => {
    const here = records.filter((r) => r.stage === s);
    const reached = i <= current;
    return {
      stage: s,
      count: here.length,
      groups: [...new Set(here.flatMap((r) => r.represents))],
      reached,
      current: i === current,
      gap: reached && here.length === 0,
    };
  });
  const represented = [...new Set(records.flatMap((r) => r.represents))];
  const groupsMissing = groupsInScope.filter((g) => AT_RISK_GROUPS.includes(g) && !represented.includes(g));
  const engagedCountries = new Set(rows.map((e) => findCountry(str(e['country']) ?? '')?.alpha3).filter(Boolean));
  const marketsWithout = markets.filter((m) => m.in_fcs && !engagedCountries.has(m.alpha3)).map((m) => m.alpha3);
  const gaps: string[] = [];
  if (records.length === 0) gaps.push('No engagement with affected communities or local civil society is recorded.');
  const stageGaps = stages.filter((s) => s.gap).map((s) => label(s.stage).split(' (')[0]);
  if (records.length > 0 && stageGaps.length > 0) gaps.push(`No engagement at stage(s) reached so far: ${stageGaps.join(', ')}.`);
  if (groupsMissing.length > 0) gaps.push(`At-risk groups in scope that no engagement represents: ${groupsMissing.map(label).join(', ')}.`);
  if (marketsWithout.length > 0) gaps.push(`FCS markets without engagement recorded in them: ${marketsWithout.join(', ')}.`);
  return {
    total: records.length,
    redacted: redact,
    stages,
    groupsInScope,
    groupsRepresented: represented,
    groupsMissing,
    marketsWithout,
    gaps,
    records,
  };
}

/**
 * Finding messages can quote engagement ids, organisation or participant names; when the
 * report is redacted they are replaced by the pseudonymous ids.
 */
export function redactFindings(findings: Finding[], spec: ModelObject): Finding[] {
  const swaps: [string, string][] = [];
  objs(spec['engagements']).forEach((e, i) => {
    const pseudo = `E${i + 1}`;
    const id = str(e['id']);
    if (id) swaps.push([id, pseudo]);
    const org = str(e['organisation_name']);
    if (org) swaps.push([org, `[organisation of ${pseudo}]`]);
    for (const p of strs(e['participant_names'])) if (p.trim()) swaps.push([p, `[participant of ${pseudo}]`]);
  });
  if (swaps.length === 0) return findings;
  swaps.sort((a, b) => b[0].length - a[0].length);
  const scrub = (s: string): string => swaps.reduce((acc, [from, to]) => acc.split(from).join(to), s);
  return findings.map((f) => ({ ...f, message: scrub(f.message), answer: f.answer ? { ...f.answer, answer: scrub(f.answer.answer) } : f.answer }));
}
