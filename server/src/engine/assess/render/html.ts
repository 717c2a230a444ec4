// HTML rendering of an Assessment. Two uses, one markup:
// - a standalone file (default): self-contained, no scripts, no external assets, a strict
//   Content-Security-Policy that allows only its own stylesheet (by hash); matrix cells and
//   findings link to their details within the page;
// - the VS Code webview (`webview` given): theme variables, a nonce for the stylesheet and a
//   small script that turns clicks on cells and findings into "reveal this spec line"
//   messages, plus an Export button.
// Every link and button is a native focusable element, so the report is keyboard-usable.
import { createHash } from 'node:crypto';
import { label } from '../taxonomy';
import type { Assessment, ContextCard, LanguageCoverage, MatrixCell, SpecLocation } from '../types';
import { REPORT_CSS } from './style';
import { categoryText, cellTitle, coverageText, factorsText, line, mitigationText, REDACTION_NOTE, scoreText, SECTION_TITLES, stageName } from './text';

export interface HtmlOptions {
  webview?: { nonce: string; cspSource: string };
}

const esc = (s: string | number | null | undefined): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const labels = (xs: string[], none = '—'): string => (xs.length ? xs.map((x) => esc(label(x))).join(', ') : `<span class="muted">${none}</span>`);

/** Attributes that let the webview script reveal a spec location. */
const at = (l: SpecLocation): string => `data-line="${l.range.start.line}" data-character="${l.range.start.character}" data-pointer="${esc(l.pointer)}"`;

/** In the webview, jumps to the spec location; in a standalone file, plain text. */
let interactive = false;
function jump(l: SpecLocation, html: string): string {
  return interactive ? `<a href="#" class="jump" ${at(l)} title="Show in the spec (line ${line(l)})">${html}</a>` : `<span>${html}</span>`;
}

function lineLink(l: SpecLocation, text = `line ${line(l)}`): string {
  return jump(l, esc(text));
}

export function renderHtml(a: Assessment, options: HtmlOptions = {}): string {
  interactive = !!options.webview;
  try {
    return renderPage(a, options);
  } finally {
    interactive = false;
  }
}

function renderPage(a: Assessment, options: HtmlOptions): string {
  const wv = options.webview;
  const css = REPORT_CSS;
  const styleHash = createHash('sha256').update(css).digest('base64');
  const csp = wv
    ? `default-src 'none'; style-src ${wv.cspSource} 'nonce-${wv.nonce}'; script-src 'nonce-${wv.nonce}'; img-src ${wv.cspSource} data:; font-src ${wv.cspSource}; base-uri 'none'; form-action 'none'`
    : `default-src 'none'; style-src 'sha256-${styleHash}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const name = a.feature.name ?? a.feature.id ?? a.file;
  const body = [
    header(a, name, !!wv),
    section('context', `1. ${SECTION_TITLES.context}`, contextSection(a)),
    section('engagement', `2. ${SECTION_TITLES.engagement}`, engagementSection(a)),
    section('matrix', `3. ${SECTION_TITLES.matrix}`, matrixSection(a)),
    section('findings', `4. ${SECTION_TITLES.findings}`, findingsSection(a)),
    section('levers', `5. ${SECTION_TITLES.levers}`, leversSection(a)),
    section('warning', `6. ${SECTION_TITLES.warning}`, warningSection(a)),
    section('governance', `7. ${SECTION_TITLES.governance}`, governanceSection(a)),
    section('coverage', SECTION_TITLES.coverage, coverageSection(a)),
    `<footer>fcs-lint assessment · ${esc(a.data.label)} · generated ${esc(a.generatedAt)}</footer>`,
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>FCS assessment: ${esc(name)}</title>
<style${wv ? ` nonce="${esc(wv.nonce)}"` : ''}>${css}</style>
</head>
<body>
<main>
${body}
</main>
${wv ? `<script nonce="${esc(wv.nonce)}">${WEBVIEW_SCRIPT}</script>` : ''}
</body>
</html>
`;
}

const WEBVIEW_SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', function (e) {
    const el = e.target instanceof Element ? e.target.closest('[data-line]') : null;
    if (el) {
      e.preventDefault();
      vscode.postMessage({ type: 'reveal', line: Number(el.getAttribute('data-line')), character: Number(el.getAttribute('data-character')), pointer: el.getAttribute('data-pointer') });
      const target = el.getAttribute('data-detail');
      if (target) { const d = document.getElementById(target); if (d) d.scrollIntoView({ block: 'nearest' }); }
      return;
    }
    const b = e.target instanceof Element ? e.target.closest('button[data-action]') : null;
    if (b) vscode.postMessage({ type: b.getAttribute('data-action') });
  });
  window.addEventListener('message', function (e) {
    if (e.data && e.data.type === 'scroll' && typeof e.data.y === 'number') window.scrollTo(0, e.data.y);
  });
  const state = vscode.getState();
  if (state && typeof state.y === 'number') window.scrollTo(0, state.y);
  let t;
  window.addEventListener('scroll', function () { clearTimeout(t); t = setTimeout(function () { vscode.setState({ y: window.scrollY }); }, 100); });
})();
`;

function section(id: string, title: string, content: string): string {
  return `<section id="${id}" aria-labelledby="${id}-h">\n<h2 id="${id}-h">${esc(title)}</h2>\n${content}\n</section>`;
}

function header(a: Assessment, name: string, webview: boolean): string {
  const toc = (
    [
      ['context', 'Context'],
      ['engagement', 'Engagement'],
      ['matrix', 'Matrix'],
      ['findings', `Findings (${a.findings.length})`],
      ['levers', 'Levers'],
      ['warning', 'Early warning'],
      ['governance', 'Sign-offs'],
    ] as const
  )
    .map(([id, t]) => `<li><a href="#${id}">${esc(t)}</a></li>`)
    .join('');
  return `<header>
${webview ? '<div class="toolbar"><button type="button" data-action="export">Export report…</button></div>' : ''}
<h1>FCS assessment: ${esc(name)}</h1>
<p class="meta">Spec <code>${esc(a.file)}</code> · stage <strong>${esc(stageName(a.feature.stage))}</strong> · functions: ${labels(a.feature.functions)} · country data: <a href="${esc(a.data.sourceUrl)}">${esc(a.data.label)}</a> (retrieved ${esc(a.data.retrieved)})</p>
<p class="summary" role="note">${esc(a.summary)}</p>
<nav aria-label="Report sections"><ul>${toc}</ul></nav>
</header>`;
}

function bar(c: LanguageCoverage, what: string): string {
  const pct = Math.round(c.ratio * 10);
  const cls = c.ratio >= 1 ? '' : c.ratio >= 0.5 ? ' part' : ' poor';
  return `<dt>${esc(what)}</dt><dd><span class="bar" role="img" aria-label="${esc(`${what}: ${coverageText(c)}`)}"><span class="w${pct}${cls}"></span></span>${esc(coverageText(c))}</dd>`;
}

function marketCard(m: ContextCard): string {
  const chips = [
    ...m.riskSignals.map((s) => `<span class="chip">${esc(s.replace(/_/g, ' '))}</span>`),
    ...m.upcomingEvents.map((e) => `<span class="chip">${esc(e.type)} ${esc(e.date)}${e.daysAway !== null && e.daysAway >= 0 ? ` (in ${e.daysAway} d)` : ''}</span>`),
  ].join('');
  const conn = [m.connectivity.shutdownHistory ? 'shutdown history' : '', m.connectivity.lowBandwidth ? 'low bandwidth' : ''].filter(Boolean).join(', ') || 'no constraints recorded';
  return `<article class="card" aria-label="${esc(m.name)}">
<h3>${jump(m.location, `${esc(m.name)} (${esc(m.alpha3)})`)} <span class="badge cat-${m.category}">${esc(m.category === 'none' ? 'not listed' : m.category)}</span></h3>
<div class="muted">${esc(categoryText(m))}${m.categoryReason ? ` — ${esc(m.categoryReason)}` : ''} · <a href="${esc(m.sourceUrl)}">source</a></div>
${m.override ? `<div>Override: <strong>${esc(m.override.category ?? '—')}</strong>${m.override.reason ? ` — ${esc(m.override.reason)}` : ''}${m.override.date ? ` (${esc(m.override.date)})` : ''}</div>` : ''}
${chips ? `<div>${chips}</div>` : ''}
<dl class="kv">
${bar(m.languages.ui, 'UI languages')}
${bar(m.languages.moderation, 'Moderation')}
${bar(m.languages.grievance, 'Grievance')}
<dt>Setting</dt><dd>${esc(m.setting ?? '—')}${m.subnational.length ? ` · regions ${esc(m.subnational.join(', '))}` : ''}</dd>
<dt>Connectivity</dt><dd>${esc(conn)}</dd>
${m.sanctions ? `<dt>Sanctions</dt><dd>${esc(m.sanctions)}</dd>` : ''}
${m.authorityRisk ? `<dt>Authority risk</dt><dd>${esc(m.authorityRisk)}</dd>` : ''}
</dl>
</article>`;
}

function contextSection(a: Assessment): string {
  if (a.markets.length === 0) return '<p>No markets are listed in the spec, so no country context was evaluated.</p>';
  return `<div class="cards">${a.markets.map(marketCard).join('\n')}</div>
<p class="muted">Not being on the list does not lower the risk of a market.</p>`;
}

function engagementSection(a: Assessment): string {
  const e = a.engagement;
  const stages = e.stages
    .map(
      (s) => `<div class="stage${s.reached ? '' : ' future'}${s.gap ? ' gap' : ''}${s.current ? ' current' : ''}">
<div>${esc(stageName(s.stage))}${s.current ? ' <span class="muted">(now)</span>' : ''}</div>
<div class="n">${s.count}</div>
<div class="muted">${s.groups.length ? s.groups.map((g) => esc(label(g))).join(', ') : s.gap ? 'gap' : ''}</div>
</div>`,
    )
    .join('');
  const gaps = e.gaps.length ? `<ul class="gaps">${e.gaps.map((g) => `<li>${esc(g)}</li>`).join('')}</ul>` : '<p>No coverage gaps found.</p>';
  const rows = e.records
    .map(
      (r) =>
        `<tr><td>${jump(r.location, esc(r.id))}</td><td>${esc(label(r.stakeholderType ?? '—'))}</td><td>${esc(r.stage ?? '—')}</td><td>${labels(r.represents)}</td>${
          r.details
            ? `<td>${esc([r.details.country, r.details.setting, r.details.date, r.details.method, r.details.organisationName, r.details.findingsRef, r.details.changed.length ? `changed ${r.details.changed.join(', ')}` : null].filter(Boolean).join(' · '))}</td>`
            : ''
        }</tr>`,
    )
    .join('');
  const table = e.records.length
    ? `<table class="plain"><caption class="visually-hidden">Engagement records</caption><thead><tr><th scope="col">Id</th><th scope="col">Stakeholder</th><th scope="col">Stage</th><th scope="col">Represents</th>${e.redacted ? '' : '<th scope="col">Details</th>'}</tr></thead><tbody>${rows}</tbody></table>`
    : '';
  return `<div class="stages" role="list" aria-label="Engagements per lifecycle stage">${stages.replace(/<div class="stage/g, '<div role="listitem" class="stage')}</div>
${gaps}
${table}
${e.redacted ? `<p class="muted">${esc(REDACTION_NOTE)}</p>` : ''}`;
}

function cellLink(c: MatrixCell): string {
  const tier = c.status === 'dismissed' ? 'none' : (c.tier ?? 'none');
  const badge = c.status === 'dismissed' ? 'dismissed' : c.score ? `${c.score.tier} · ${c.score.score}` : 'not scored';
  const fns = c.functions.map((f) => label(f)).join(', ');
  const aria = `${cellTitle(c)}: rank ${c.rank}, ${badge}, ${c.status}`;
  return `<a class="cell ${c.status}" href="#cell-${c.rank}" data-detail="cell-${c.rank}" ${at(c.location)} aria-label="${esc(aria)}">
<span class="top"><span class="badge tier-${tier}">${esc(badge)}</span><span class="rank">#${c.rank}</span></span>
<span class="fns">${esc(fns)}${c.status === 'suggested' ? ' · suggested' : ''}${c.score?.irremediableHarm ? ' · irremediable' : ''}</span>
</a>`;
}

function matrixSection(a: Assessment): string {
  const mx = a.matrix;
  if (mx.cells.length === 0) return '<p>No cells: the spec lists no functions with known harm mechanisms and no harms rows.</p>';
  const byKey = new Map(mx.cells.map((c) => [c.key, c]));
  const head = `<tr><td></td>${mx.harms.map((h) => `<th scope="col">${esc(h.label)}</th>`).join('')}</tr>`;
  const rows = mx.groups
    .map(
      (g) =>
        `<tr><th scope="row">${esc(g.label)}<span class="muted">${esc(g.id)}${g.atRisk ? ' · at risk' : ''}${g.inScope ? '' : ' · not in scope'}</span></th>${mx.harms
          .map((h) => {
            const c = byKey.get(`${g.id}|${h.id}`);
            return c ? `<td>${cellLink(c)}</td>` : `<td><span class="visually-hidden">no cell</span></td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  const legend = `<div class="legend" aria-hidden="true"><span><span class="badge tier-critical">critical</span> <span class="badge tier-high">high</span> <span class="badge tier-medium">medium</span> <span class="badge tier-low">low</span> tier · score = severity × likelihood</span><span>dashed border: suggested, not yet confirmed</span><span>faded: dismissed with a reason</span></div>`;
  return `<div class="matrix-wrap"><table class="matrix">
<caption>Rows are user groups, columns harm types. ${mx.counts.cells} cells: ${mx.counts.confirmed} confirmed, ${mx.counts.suggested} suggested, ${mx.counts.dismissed} dismissed. Priority: severity (worst of scale, scope, irremediability; top when two are 4) × likelihood, one tier up when conflict likelihood ≥ 3, irremediable harms first.</caption>
<thead>${head}</thead>
<tbody>
${rows}
</tbody>
</table></div>
${legend}
<h3>Cells in priority order</h3>
<ol class="cells">
${mx.cells.map(cellDetail).join('\n')}
</ol>`;
}

function cellDetail(c: MatrixCell): string {
  const tier = c.status === 'dismissed' ? 'none' : (c.tier ?? 'none');
  const head = `<h3>#${c.rank} ${esc(cellTitle(c))} <span class="badge tier-${tier}">${esc(c.status === 'dismissed' ? 'dismissed' : (c.tier ?? 'not scored'))}</span> <span class="st">${esc(c.status)}</span> ${lineLink(c.location)}</h3>`;
  if (c.status === 'dismissed') {
    return `<li id="cell-${c.rank}" class="dismissed">${head}<p>Dismissed: ${esc(c.dismissalReasons.join('; ') || 'no reason given')}</p></li>`;
  }
  const s = c.stakeholders;
  const seeds = c.entries.filter((e) => e.source === 'seed' && e.fn).map((e) => e.fn as string);
  return `<li id="cell-${c.rank}" class="${c.status}">${head}
<dl class="kv">
${c.score ? `<dt>Priority</dt><dd>${esc(scoreText(c.score))} <span class="muted">(${esc(factorsText(c.score))})</span></dd>` : '<dt>Priority</dt><dd>not scored yet: add likelihood, scale, scope and irremediable to a harms row</dd>'}
<dt>Functions</dt><dd>${labels(c.functions)}</dd>
<dt>Mechanisms</dt><dd>${c.mechanisms.length ? c.mechanisms.map(esc).join('<br>') : '—'}</dd>
<dt>Affected</dt><dd>${labels(s.affected)}</dd>
<dt>Possible misusers</dt><dd>${labels(s.misusers)}</dd>
<dt>Duty-bearers</dt><dd>${labels(s.dutyBearers)}</dd>
<dt>Engaged</dt><dd>${s.engaged.length ? s.engaged.map(esc).join(', ') : '<span class="muted">—</span>'}</dd>
${c.conflictInteraction.length ? `<dt>Conflict interaction</dt><dd>${labels(c.conflictInteraction)}</dd>` : ''}
<dt>Mitigations</dt><dd>${c.mitigations.length ? c.mitigations.map((m) => esc(mitigationText(m))).join('<br>') : '<span class="muted">none linked</span>'}</dd>
<dt>Residual risk</dt><dd>${esc(c.residual ?? 'not assessed')}${c.acceptedBy.length ? `, accepted by ${esc(c.acceptedBy.join(', '))}` : ''}</dd>
${seeds.length ? `<dt>Suggestion</dt><dd>Seeded for ${labels(seeds)}: confirm or dismiss it (with a reason) in <code>harms:</code></dd>` : ''}
</dl></li>`;
}

function findingsSection(a: Assessment): string {
  if (a.findings.length === 0) return '<p>No findings for the rules and data evaluated.</p>';
  const items = a.findings
    .map((f) => {
      const status = f.status === 'waived' && f.waiver ? `waived until ${f.waiver.expires}` : f.status;
      const prompts = f.prompts.length ? `<ul class="prompts">${f.prompts.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>` : '';
      const answer = f.answer ? `<div>Answer: ${esc(f.answer.answer)}${f.answer.by ? ` <span class="muted">(${esc(f.answer.by)}${f.answer.date ? `, ${esc(f.answer.date)}` : ''})</span>` : ''}</div>` : '';
      return `<li><span class="sev sev-${f.severity}">${esc(f.severity)}</span> ${jump(f.location, `<code>${esc(f.ruleId)}</code> ${esc(f.title)}`)} <span class="st">${esc(status)}</span> <span class="muted">line ${line(f.location)}</span>
<div>${esc(f.message)}</div>${answer}${prompts ? `<details${f.status === 'open' ? ' open' : ''}><summary>Due-diligence prompts (${f.prompts.length})</summary>${prompts}</details>` : ''}</li>`;
    })
    .join('\n');
  return `<ol class="findings">${items}</ol>`;
}

function leversSection(a: Assessment): string {
  const l = a.levers;
  const k = l.killSwitch;
  const ks = k
    ? `<dl class="kv"><dt>Kill switch</dt><dd>${k.flagKey ? `<code>${esc(k.flagKey)}</code>` : 'no flag key'} ${lineLink(k.location)}</dd>
<dt>Scope</dt><dd>${esc(k.scope.join(', ') || 'not stated')}</dd><dt>Owner</dt><dd>${esc(k.owner ?? 'not named')}</dd>
<dt>Last tested</dt><dd>${esc(k.lastTested ?? 'never')}${k.daysSinceTested !== null ? ` (${k.daysSinceTested} days ago)` : ''}</dd>
<dt>Time to disable</dt><dd>${k.timeToDisableMinutes !== null ? `${k.timeToDisableMinutes} min` : 'not stated'}</dd>
${k.runbook ? `<dt>Runbook</dt><dd><code>${esc(k.runbook)}</code></dd>` : ''}${k.modelRollback ? `<dt>Model rollback</dt><dd>${esc(k.modelRollback)}</dd>` : ''}</dl>`
    : '<p>No kill switch is recorded.</p>';
  const levers = l.levers.length
    ? `<table class="plain"><caption class="visually-hidden">Levers</caption><thead><tr><th scope="col">Lever</th><th scope="col">Kind</th><th scope="col">Flag</th></tr></thead><tbody>${l.levers
        .map((v) => `<tr><td>${jump(v.location, esc(v.label))}</td><td>${esc(v.kind.replace(/_/g, ' '))}</td><td>${v.flagKey ? `<code>${esc(v.flagKey)}</code>` : '—'}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  const scan = l.consequenceScan.length
    ? `<p>Mitigations by who acts: ${l.consequenceScan.map((b) => `<strong>${esc(b.bucket)}</strong> ${esc(b.mitigations.map((m) => m.id).join(', '))}`).join(' · ')}</p>`
    : '';
  return ks + levers + scan;
}

function warningSection(a: Assessment): string {
  const w = a.earlyWarning;
  return `<dl class="kv">
<dt>Re-review signals</dt><dd>${w.signals.length ? w.signals.map((s) => `<span class="chip">${esc(s.replace(/_/g, ' '))}</span>`).join('') : 'none subscribed'}</dd>
<dt>Next review</dt><dd>${esc(w.nextReview ?? 'not scheduled')}${w.overdue ? ' <strong>(overdue)</strong>' : ''}${w.reviewCadenceDays ? ` · every ${w.reviewCadenceDays} days` : ''}${w.lastReview ? ` · last ${esc(w.lastReview)}` : ''}</dd>
<dt>Upcoming events</dt><dd>${w.upcomingEvents.length ? w.upcomingEvents.map((e) => `${esc(e.type)} in ${esc(e.market)} on ${esc(e.date)} (in ${e.daysAway} days)`).join('<br>') : 'none in the next 12 months'}</dd>
<dt>Heightened monitoring</dt><dd>${w.heightenedMonitoringPlan ? `<code>${esc(w.heightenedMonitoringPlan)}</code>` : 'no plan recorded'}</dd>
<dt>Exit plan</dt><dd>${w.exitPlanRef ? `<code>${esc(w.exitPlanRef)}</code>` : 'none recorded'}</dd>
</dl>`;
}

function governanceSection(a: Assessment): string {
  const g = a.governance;
  const signoffs = g.signoffs.length ? g.signoffs.map((s) => `<li>${esc(label(s.role))}: ${esc(s.by)}${s.date ? ` (${esc(s.date)})` : ''}</li>`).join('') : '<li>No sign-offs yet.</li>';
  const missing = g.missingSignoffs.length ? `<p>Missing: ${g.missingSignoffs.map((r) => esc(label(r))).join(', ')}</p>` : '';
  const waivers = g.waivers.length
    ? `<ul>${g.waivers.map((w) => `<li>${jump(w.location, `<code>${esc(w.rule)}</code>`)} by ${esc(w.approver)}, ${w.expired ? '<strong>expired</strong>' : 'expires'} ${esc(w.expires)}: ${esc(w.reason)}</li>`).join('')}</ul>`
    : '<p>No waivers.</p>';
  return `<ul>${signoffs}</ul>${missing}<h3>Waivers</h3>${waivers}`;
}

function coverageSection(a: Assessment): string {
  return `<p>Sections read: ${a.coverage.provided.map((s) => `<code>${esc(s)}</code>`).join(', ') || 'none'}.${a.coverage.missing.length ? ` Missing: ${a.coverage.missing.map((s) => `<code>${esc(s)}</code>`).join(', ')}.` : ''}</p>`;
}
