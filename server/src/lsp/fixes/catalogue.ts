// Which quick fixes a finding gets, as a table: a predicate on the finding and a builder.
// Every builder returns minimal edits computed from the syntax tree (see ../yaml/insert.ts).
// Flag files add their own table ("add an FCS exclusion to this flag's targeting", fixes/flags.ts)
// through `registerFixes`; a rule's `kind` says which document kind it is for (default: spec).
import { findRule, knownRuleIds } from '../../engine/lint';
import { parsePointer } from '../../engine/parse/yamlSource';
import { closest } from '../../engine/util/didYouMean';
import { isMap, isScalar } from 'yaml';
import { insertAt, type YamlPath } from '../yaml/insert';
import { isRecord, marketOf, offsetOf, type FixContext, type FixTarget, type ProposedFix } from './context';
import { answerStub, conflictAnalysisStub, engagementStub, grievanceStub, killSwitchStub, waiverStub } from './stubs';

export interface FixRule {
  /** Short name (tests and logs). */
  name: string;
  /** The document kind the rule is for (default: spec). */
  kind?: 'spec' | 'flags';
  applies: (t: FixTarget) => boolean;
  build: (t: FixTarget, ctx: FixContext) => ProposedFix[];
}

const rule = (...ids: string[]) => (t: FixTarget) => ids.includes(t.ruleId);
const under = (prefix: string) => (t: FixTarget) => t.pointer === prefix || t.pointer.startsWith(prefix + '/');

function fix(ctx: FixContext, title: string, path: YamlPath, value: unknown, extra: Partial<ProposedFix> = {}, comments: Record<string, string> = {}): ProposedFix[] {
  const change = insertAt(ctx.src, path, value, comments);
  return change ? [{ title, change, ...extra }] : [];
}

function promptComment(t: FixTarget): string {
  return (t.prompts ?? []).map((p) => `Q: ${p}`).join('\n');
}

function stageOf(ctx: FixContext): string {
  const f = ctx.data['feature'];
  const s = isRecord(f) ? f['lifecycle_stage'] : undefined;
  return typeof s === 'string' ? s : 'design';
}

/** Replace the text of the finding's range (a "did you mean" suggestion). */
function replaceRange(ctx: FixContext, t: FixTarget, text: string): ProposedFix['change'] {
  return { start: offsetOf(ctx.src, t.range.start), end: offsetOf(ctx.src, t.range.end), text, snippet: text.replace(/[\\$}]/g, (c) => '\\' + c) };
}

/** A key rename must not create a duplicate key. */
function keyFree(ctx: FixContext, t: FixTarget, key: string): boolean {
  const tokens = parsePointer(t.pointer).slice(0, -1);
  const parent = tokens.length ? ctx.src.doc.getIn(tokens.map((x) => (/^\d+$/.test(x) ? Number(x) : x)), true) : ctx.src.doc.contents;
  return !(isMap(parent) && parent.items.some((p) => isScalar(p.key) && String(p.key.value) === key));
}

export const FIX_RULES: FixRule[] = [
  {
    name: 'replace-country',
    applies: (t) => t.ruleId === 'SPEC-COUNTRY' && !!t.suggestion,
    build: (t, ctx) => [{ title: `Replace with ${t.suggestion}`, change: replaceRange(ctx, t, t.suggestion!), preferred: true, safe: true, removesFinding: true }],
  },
  {
    name: 'schema-suggestion',
    applies: (t) => t.ruleId === 'SPEC-SCHEMA' && !!t.suggestion,
    build: (t, ctx) => {
      const s = t.suggestion!;
      const isKey = parsePointer(t.pointer).at(-1) !== undefined && ctx.src.text.slice(offsetOf(ctx.src, t.range.start), offsetOf(ctx.src, t.range.end)).replace(/^["']|["']$/g, '') === parsePointer(t.pointer).at(-1);
      if (isKey && !keyFree(ctx, t, s)) return [];
      return [{ title: `Change to '${s}'`, change: replaceRange(ctx, t, s), preferred: true, safe: true, removesFinding: true }];
    },
  },
  {
    name: 'unknown-rule-id',
    applies: rule('DD-UNKNOWN-RULE'),
    build: (t, ctx) => {
      const written = ctx.src.text.slice(offsetOf(ctx.src, t.range.start), offsetOf(ctx.src, t.range.end)).replace(/^["']|["']$/g, '');
      const best = closest(written, knownRuleIds(ctx.env));
      if (!best || best === written) return [];
      if (t.pointer.startsWith('/dd_answers/') && !keyFree(ctx, t, best)) return [];
      return [{ title: `Change to ${best}`, change: replaceRange(ctx, t, best), preferred: true, removesFinding: true }];
    },
  },
  {
    name: 'conflict-analysis',
    applies: rule('CTX-01'),
    build: (t, ctx) => {
      const m = marketOf(t, ctx);
      const ca = ctx.data['conflict_analysis'];
      if (isRecord(ca) && ca['ref'] && m && Array.isArray(ca['markets']) && ca['markets'].length > 0) {
        return fix(ctx, `Record that the conflict analysis covers ${m.name} (${m.alpha3})`, ['conflict_analysis', 'markets', '-'], m.alpha3, { removesFinding: true });
      }
      const comments = { 'conflict_analysis.ref': 'Where the analysis is kept (document or ticket). The finding stays open until it is set.', 'conflict_analysis.drivers': promptComment(t) };
      return fix(ctx, `Add a conflict-analysis block${m ? ` covering ${m.name} (${m.alpha3})` : ''}`, ['conflict_analysis'], conflictAnalysisStub(ctx, m), { preferred: true }, comments);
    },
  },
  {
    name: 'engagement',
    applies: (t) => /^ENG-/.test(t.ruleId) && under('/markets')(t),
    build: (t, ctx) => {
      const m = marketOf(t, ctx);
      if (!m) return [];
      const n = (Array.isArray(ctx.data['engagements']) ? ctx.data['engagements'].length : 0) + 1;
      const comments = {
        'engagements.-.id': ['Pseudonymous: no names of people or organisations at risk in the spec.', promptComment(t)].filter(Boolean).join('\n'),
        'engagements.-.safety_precautions': 'Safety precautions taken (pseudonymised, secure_channel, no_recording, informed_consent, offsite_storage, compensated).',
      };
      return fix(ctx, `Add an engagement record for ${m.name} (${m.alpha3}) with safety fields`, ['engagements', '-'], engagementStub(ctx, m, n, stageOf(ctx)), { preferred: true, removesFinding: true }, comments);
    },
  },
  {
    name: 'kill-switch',
    applies: (t) => rule('GOV-01', 'GOV-02')(t) || under('/kill_switch')(t),
    build: (t, ctx) => {
      const f = ctx.data['feature'];
      const fns = isRecord(f) && Array.isArray(f['functions']) ? f['functions'] : [];
      const comments = { 'kill_switch.flag_key': ['The flag that turns the feature off, per country or region, without a deploy.', promptComment(t)].filter(Boolean).join('\n') };
      const ks = ctx.data['kill_switch'];
      const title = isRecord(ks) ? 'Complete the kill-switch block' : 'Add a kill-switch block (flag, scope, owner, runbook)';
      return fix(ctx, title, ['kill_switch'], killSwitchStub(fns.includes('fn.ml_classification')), { preferred: true }, comments);
    },
  },
  {
    name: 'grievance',
    applies: (t) => rule('GOV-04')(t) || under('/grievance')(t),
    build: (t, ctx) => {
      const markets = Array.isArray(ctx.data['markets']) ? ctx.data['markets'] : [];
      const langs = [...new Set(markets.flatMap((m) => (isRecord(m) && Array.isArray(m['languages']) ? m['languages'].filter((x): x is string => typeof x === 'string') : [])))];
      const comments = { 'grievance.channels': ['Channels people can use safely, in their language, also without data (sms, ussd, partner_org).', promptComment(t)].filter(Boolean).join('\n') };
      const title = isRecord(ctx.data['grievance']) ? 'Complete the grievance block' : 'Add a grievance block (channels, languages, anonymity, appeal)';
      return fix(ctx, title, ['grievance'], grievanceStub(langs), { preferred: true }, comments);
    },
  },
  {
    name: 'dd-answer',
    applies: (t) => t.status !== 'waived',
    build: (t, ctx) => {
      if (!findRule(ctx.env, t.ruleId)) return [];
      const answers = ctx.data['dd_answers'];
      if (isRecord(answers) && t.ruleId in answers) return [];
      const comments = { [`dd_answers.${t.ruleId}.answer`]: promptComment(t) };
      return fix(ctx, `Answer the due-diligence questions of ${t.ruleId} (dd_answers.${t.ruleId})`, ['dd_answers', t.ruleId], answerStub(ctx), {}, comments);
    },
  },
  {
    name: 'waiver',
    applies: (t) => t.status !== 'waived',
    build: (t, ctx) => {
      if (!findRule(ctx.env, t.ruleId)) return [];
      const comments = { 'dd_waivers.-.reason': 'A waiver needs a reason and a named approver, and lapses on its expiry date.' };
      return fix(ctx, `Add a time-limited waiver for ${t.ruleId} (dd_waivers)`, ['dd_waivers', '-'], waiverStub(ctx, t.ruleId, t.pointer), {}, comments);
    },
  },
];

const extra: FixRule[] = [];

/** Extension point for other document kinds' fixes (flag targeting, Markdown sections). */
export function registerFixes(rules: FixRule[]): void {
  extra.push(...rules);
}

export function fixesFor(t: FixTarget, ctx: FixContext): ProposedFix[] {
  const out: ProposedFix[] = [];
  for (const r of [...FIX_RULES, ...extra]) {
    if ((r.kind ?? 'spec') !== (ctx.kind ?? 'spec') || !r.applies(t)) continue;
    try {
      out.push(...r.build(t, ctx));
    } catch {
      // A fix that cannot be computed is not offered; the finding itself stays.
    }
  }
  return out;
}
