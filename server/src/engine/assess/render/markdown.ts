// Markdown export, sized for a pull-request comment: the summary first, the matrix as a
// table with a ranked list of cells below it, then findings and the operational sections.
import { label } from '../taxonomy';
import type { Assessment, MatrixCell } from '../types';
import { categoryText, cellBadge, cellTitle, coverageText, factorsText, line, mitigationText, REDACTION_NOTE, scoreText, SECTION_TITLES, stageName } from './text';

const esc = (s: string): string => s.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/\r?\n/g, ' ');
const code = (s: string): string => '`' + s.replace(/`/g, "'") + '`';
const list = (xs: string[], none = '—'): string => (xs.length ? xs.map((x) => esc(label(x))).join(', ') : none);

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

export function renderMarkdown(a: Assessment): string {
  const out: string[] = [];
  const name = a.feature.name ?? a.feature.id ?? a.file;
  out.push(`# FCS assessment: ${esc(name)}`, '');
  out.push(`> ${esc(a.summary)}`, '');
  out.push(
    `Spec ${code(a.file)} · stage **${esc(stageName(a.feature.stage))}** · functions: ${list(a.feature.functions)} · country data: [${esc(a.data.label)}](${a.data.sourceUrl}) (retrieved ${a.data.retrieved}) · generated ${a.generatedAt.slice(0, 10)}`,
    '',
  );
  if (a.parseFailed) {
    out.push('The spec could not be parsed. Fix the syntax errors below and run the assessment again.', '');
  }

  out.push(`## 1. ${SECTION_TITLES.context}`, '');
  if (a.markets.length === 0) out.push('No markets are listed in the spec, so no country context was evaluated.', '');
  else {
    out.push(
      ...table(
        ['Market', 'FCS category', 'Setting', 'Connectivity', 'UI languages', 'Moderation', 'Grievance', 'Signals and events'],
        a.markets.map((m) => [
          `${esc(m.name)} (${m.alpha3})${m.subnational.length ? ` — ${m.subnational.join(', ')}` : ''}`,
          `**${esc(categoryText(m))}**${m.categoryReason ? `: ${esc(m.categoryReason)}` : ''}`,
          esc(m.setting ?? '—'),
          [m.connectivity.shutdownHistory ? 'shutdown history' : '', m.connectivity.lowBandwidth ? 'low bandwidth' : ''].filter(Boolean).join(', ') || '—',
          esc(coverageText(m.languages.ui)),
          esc(coverageText(m.languages.moderation)),
          esc(coverageText(m.languages.grievance)),
          [...m.riskSignals.map(esc), ...m.upcomingEvents.map((e) => `${esc(e.type)} ${e.date}`), m.sanctions && m.sanctions !== 'none' ? `sanctions: ${m.sanctions}` : '', m.authorityRisk ? `authority risk: ${m.authorityRisk}` : '']
            .filter(Boolean)
            .join('; ') || '—',
        ]),
      ),
      '',
      `Categories from ${esc(a.data.label)}: ${a.data.sourceUrl}. Not being on the list does not lower the risk of a market.`,
      '',
    );
  }

  const e = a.engagement;
  out.push(`## 2. ${SECTION_TITLES.engagement}`, '');
  out.push(
    ...table(
      ['Stage', 'Engagements', 'Groups represented', ''],
      e.stages
        .filter((s) => s.reached || s.count > 0)
        .map((s) => [`${esc(stageName(s.stage))}${s.current ? ' (current)' : ''}`, String(s.count), list(s.groups), s.gap ? '**gap**' : '']),
    ),
    '',
  );
  for (const g of e.gaps) out.push(`- ⚠ ${esc(g)}`);
  if (e.gaps.length) out.push('');
  if (e.records.length) {
    out.push(
      ...table(
        ['Id', 'Stakeholder', 'Stage', 'Represents', ...(e.redacted ? [] : ['Details'])],
        e.records.map((r) => [
          esc(r.id),
          esc(label(r.stakeholderType ?? '—')),
          esc(r.stage ?? '—'),
          list(r.represents),
          ...(r.details
            ? [esc([r.details.country, r.details.setting, r.details.date, r.details.method, r.details.organisationName, r.details.findingsRef, r.details.changed.length ? `changed ${r.details.changed.join(', ')}` : null].filter(Boolean).join(' · '))]
            : []),
        ]),
      ),
      '',
    );
  }
  if (e.redacted) out.push(`_${esc(REDACTION_NOTE)}_`, '');

  out.push(`## 3. ${SECTION_TITLES.matrix}`, '');
  const mx = a.matrix;
  if (mx.cells.length === 0) out.push('No cells: the spec lists no functions with known harm mechanisms and no harms rows.', '');
  else {
    out.push(
      'Rows are user groups, columns harm types. A cell shows its priority tier and score (severity × likelihood). Cells marked *suggested* come from the seed matrix or from rows not yet confirmed; confirm or dismiss them (with a reason) in `harms:`.',
      '',
    );
    const byKey = new Map(mx.cells.map((c) => [c.key, c]));
    out.push(
      ...table(
        ['User group', ...mx.harms.map((h) => esc(h.label))],
        mx.groups.map((g) => [
          `**${esc(g.label)}**${g.inScope ? '' : ' (not in scope)'}`,
          ...mx.harms.map((h) => {
            const c = byKey.get(`${g.id}|${h.id}`);
            return c ? `#${c.rank} ${esc(cellBadge(c))}` : '';
          }),
        ]),
      ),
      '',
    );
    out.push('### Cells in priority order', '');
    mx.cells.forEach((c) => out.push(...cellMarkdown(c)));
    out.push('');
  }

  out.push(`## 4. ${SECTION_TITLES.findings}`, '');
  if (a.findings.length === 0) out.push('No findings for the rules and data evaluated.', '');
  for (const f of a.findings) {
    const status = f.status === 'waived' && f.waiver ? `waived until ${f.waiver.expires} (${esc(f.waiver.approver)})` : f.status;
    out.push(`- **${f.severity.toUpperCase()}** ${code(f.ruleId)} ${esc(f.title)} — *${esc(status)}* (line ${line(f.location)})`);
    out.push(`  ${esc(f.message)}`);
    for (const p of f.prompts) out.push(`  - ${f.answer ? '☑' : '☐'} ${esc(p)}`);
    if (f.answer) out.push(`  - Answer: ${esc(f.answer.answer)}${f.answer.by ? ` (${esc(f.answer.by)}${f.answer.date ? `, ${f.answer.date}` : ''})` : ''}`);
  }
  out.push('');

  const l = a.levers;
  out.push(`## 5. ${SECTION_TITLES.levers}`, '');
  if (l.killSwitch) {
    const k = l.killSwitch;
    out.push(
      `- Kill switch ${k.flagKey ? code(k.flagKey) : '(no flag key)'} — scope ${k.scope.join(', ') || 'not stated'}; owner ${esc(k.owner ?? 'not named')}; last tested ${k.lastTested ?? 'never'}${k.daysSinceTested !== null ? ` (${k.daysSinceTested} days ago)` : ''}; time to disable ${k.timeToDisableMinutes !== null ? `${k.timeToDisableMinutes} min` : 'not stated'}${k.runbook ? `; runbook ${code(k.runbook)}` : ''}`,
    );
  } else out.push('- No kill switch is recorded.');
  for (const v of l.levers) out.push(`- ${esc(v.label)}${v.flagKey ? ` — flag ${code(v.flagKey)}` : ''} (${v.kind.replace(/_/g, ' ')})`);
  out.push('');
  if (l.consequenceScan.length) {
    out.push('Mitigations by who acts (consequence scan):', '');
    for (const b of l.consequenceScan) out.push(`- **${b.bucket}**: ${b.mitigations.map((m) => esc(m.id) + (m.flagKey ? ` (${code(m.flagKey)})` : '')).join(', ')}`);
    out.push('');
  }

  const w = a.earlyWarning;
  out.push(`## 6. ${SECTION_TITLES.warning}`, '');
  out.push(`- Signals that trigger a re-review: ${w.signals.length ? w.signals.map(esc).join(', ') : 'none subscribed'}`);
  out.push(
    `- Next review: ${w.nextReview ?? 'not scheduled (set lifecycle.review_cadence_days and last_review)'}${w.overdue ? ' — **overdue**' : ''}${w.reviewCadenceDays ? ` (every ${w.reviewCadenceDays} days)` : ''}`,
  );
  for (const ev of w.upcomingEvents) out.push(`- ${esc(ev.type)} in ${ev.market} on ${ev.date} (in ${ev.daysAway} days)`);
  if (w.heightenedMonitoringPlan) out.push(`- Heightened monitoring plan: ${code(w.heightenedMonitoringPlan)}`);
  out.push(`- Exit plan: ${w.exitPlanRef ? code(w.exitPlanRef) : 'none recorded'}`, '');

  const g = a.governance;
  out.push(`## 7. ${SECTION_TITLES.governance}`, '');
  for (const s of g.signoffs) out.push(`- ${esc(label(s.role))}: ${esc(s.by)}${s.date ? ` (${s.date})` : ''}`);
  if (g.missingSignoffs.length) out.push(`- Missing sign-offs: ${g.missingSignoffs.map((r) => esc(label(r))).join(', ')}`);
  for (const v of g.waivers) out.push(`- Waiver ${code(v.rule)} by ${esc(v.approver)}, ${v.expired ? '**expired**' : 'expires'} ${v.expires}: ${esc(v.reason)}`);
  if (!g.waivers.length) out.push('- No waivers.');
  out.push('');

  out.push(`## ${SECTION_TITLES.coverage}`, '');
  out.push(`Sections read: ${a.coverage.provided.map(code).join(', ') || 'none'}.${a.coverage.missing.length ? ` Missing: ${a.coverage.missing.map(code).join(', ')}.` : ''}`, '');
  out.push(`<sub>fcs-lint assessment · ${esc(a.data.label)} · ${a.generatedAt}</sub>`, '');
  return out.join('\n');
}

function cellMarkdown(c: MatrixCell): string[] {
  const out: string[] = [];
  const head = `${c.rank}. **${esc(cellTitle(c))}** — ${esc(cellBadge(c))}${c.score ? ` (${esc(scoreText(c.score))})` : ''} · line ${line(c.location)}`;
  out.push(head);
  if (c.status === 'dismissed') {
    out.push(`   - Dismissed: ${c.dismissalReasons.map(esc).join('; ') || 'no reason given'}`);
    return out;
  }
  out.push(`   - Functions: ${list(c.functions)}. Mechanisms: ${c.mechanisms.map(esc).join('; ') || '—'}`);
  if (c.score) out.push(`   - Factors: ${esc(factorsText(c.score))}`);
  const s = c.stakeholders;
  if (s.affected.length + s.misusers.length + s.dutyBearers.length + s.engaged.length > 0) {
    out.push(`   - Stakeholders — affected: ${list(s.affected)}; possible misusers: ${list(s.misusers)}; duty-bearers: ${list(s.dutyBearers)}; engaged: ${s.engaged.map(esc).join(', ') || '—'}`);
  }
  if (c.conflictInteraction.length) out.push(`   - Conflict interaction: ${list(c.conflictInteraction)}`);
  out.push(`   - Mitigations: ${c.mitigations.map((m) => esc(mitigationText(m))).join('; ') || 'none linked'}`);
  out.push(`   - Residual risk: ${c.residual ?? 'not assessed'}${c.acceptedBy.length ? `, accepted by ${c.acceptedBy.map(esc).join(', ')}` : ''}`);
  const suggested = c.entries.filter((e) => e.source === 'seed').map((e) => e.fn).filter((f): f is string => !!f);
  if (suggested.length) out.push(`   - Suggested from the seed matrix for ${list(suggested)}: confirm or dismiss with a reason in \`harms:\``);
  return out;
}
