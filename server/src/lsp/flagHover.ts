// Hover on a flag in a flag file: what it serves per FCS country and organisation market
// (country, category, variant, share), from the engine's evaluation of the flag's own targeting.
import { flagExposureTable, type FlagExposureTable } from '../engine/formats/hover';
import type { LintEnvironment } from '../engine/lint';
import type { Position } from '../engine/types';

/** Most rows shown; the rest are summarised (every FCS country can appear). */
const MAX_ROWS = 40;

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function renderExposureTable(t: FlagExposureTable): string {
  const lines = [
    `**${cell(t.key)}** (${t.format}) — ${t.enabled ? 'on' : 'off'}; when off: ${t.offMeaning}`,
    '',
    `What it does: ${t.capability}`,
    '',
  ];
  const rows = t.rows.filter((r) => r.max > 0);
  if (rows.length === 0) {
    lines.push(`Serves nothing to an otherwise unknown user in any FCS-listed country or organisation market (${t.edition}).`);
  } else {
    lines.push('| country | category | variant | share |', '|---|---|---|---|');
    for (const r of rows.slice(0, MAX_ROWS)) {
      lines.push(`| ${cell(r.country)}${r.region ? ` (${cell(r.region)})` : ''} | ${r.category} | ${cell(r.variant)}${r.on ? ' ⚠' : ''} | ${r.share} |`);
    }
    if (rows.length > MAX_ROWS) lines.push('', `… and ${rows.length - MAX_ROWS} more rows.`);
    lines.push('', `Countries and categories: ${t.edition}. ⚠ marks the variant that turns the capability on. Not listed is not safe.`);
  }
  for (const n of t.notes) lines.push('', `_${n}_`);
  return lines.join('\n');
}

export function flagHover(uri: string, text: string, env: LintEnvironment, position: Position): string | undefined {
  const t = flagExposureTable(uri, text, env, position);
  return t ? renderExposureTable(t) : undefined;
}
