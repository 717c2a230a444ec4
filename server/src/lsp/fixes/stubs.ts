// The blocks quick fixes insert, as data with placeholders. Stubs are skeletons: free-text
// fields start empty or null, so inserting a stub never turns a finding into a pass by itself —
// the reference, the answer or the approver the user types in does.
import specSchema from '../../../../schemas/fcs-spec.schema.json';
import { placeholder as ph } from '../yaml/render';
import { addDays, type FixContext, type MarketRef } from './context';

type Schema = { properties?: Record<string, Schema>; items?: Schema; enum?: string[] };
const SPEC = specSchema as Schema;

/** Allowed values of a field, read from the spec schema (one source of truth). */
export function enumOf(...path: string[]): string[] {
  let s: Schema | undefined = SPEC;
  for (const p of path) s = p === '[]' ? s?.items : s?.properties?.[p];
  return s?.enum ?? s?.items?.enum ?? [];
}

const BOOL = ['false', 'true'];

export function conflictAnalysisStub(ctx: FixContext, market: MarketRef | undefined) {
  return {
    ref: ph(null),
    date: ph(ctx.today),
    ...(market ? { markets: [market.alpha3] } : {}),
    reviewed_by: [],
    drivers: [],
    dividers: [],
    connectors: [],
  };
}

export function engagementStub(ctx: FixContext, market: MarketRef, n: number, stage: string) {
  return {
    id: ph(`eng-${market.alpha3.toLowerCase()}-${n}`),
    stakeholder_type: ph('sh.cso_local', enumOf('engagements', '[]', 'stakeholder_type')),
    country: market.alpha3,
    date: ph(ctx.today),
    lifecycle_stage: ph(stage, enumOf('engagements', '[]', 'lifecycle_stage')),
    method: ph('interview', enumOf('engagements', '[]', 'method')),
    safety_precautions: ['pseudonymised', 'informed_consent', 'secure_channel', 'no_recording'],
    findings_ref: ph(null),
  };
}

export function killSwitchStub(withModel: boolean) {
  return {
    flag_key: ph(null),
    scope: ['country', 'subnational'],
    owner: ph(''),
    time_to_disable_minutes: ph(null),
    runbook: ph(null),
    ...(withModel ? { model_rollback: ph(null) } : {}),
  };
}

export function grievanceStub(languages: string[]) {
  return {
    channels: [ph('in_app', enumOf('grievance', 'channels'))],
    languages,
    anonymous_option: ph(false, BOOL),
    response_sla_days: ph(null),
    appeal: ph(false, BOOL),
    offline_access: ph(false, BOOL),
    non_users: ph(false, BOOL),
  };
}

export function answerStub(ctx: FixContext) {
  return { answer: ph(''), by: ph(''), date: ph(ctx.today), mitigations: [] };
}

export function waiverStub(ctx: FixContext, ruleId: string, pointer: string) {
  return {
    rule: ruleId,
    ...(pointer ? { at: pointer } : {}),
    reason: ph(''),
    approver: ph(''),
    expires: ph(addDays(ctx.today, 90)),
  };
}
