// The spec side of the cross-file checks: each flag key a spec names (kill_switch.flag_key,
// mitigations[].flag_key), resolved against the workspace's flag files and evaluated in the
// spec's FCS markets. Items of the `flag_links` collection (see fcs-flags.yaml).
import type { ResolvedMarket } from '../contexts/markets';
import type { ModelObject } from '../model/normalise';
import type { WorkspaceIndex } from '../workspace/index';
import { FORMAT_LABELS } from './model';

const pct = (x: number): number => Math.round(x * 1000) / 10;

export function specFlagLinks(spec: ModelObject, markets: ResolvedMarket[], ws: WorkspaceIndex, uri: string): Record<string, unknown>[] {
  const links: { key: string; role: 'kill_switch' | 'mitigation'; pointer: string; mitigation: string | null }[] = [];
  const ks = spec['kill_switch'] as ModelObject | null;
  if (ks && typeof ks['flag_key'] === 'string') links.push({ key: ks['flag_key'], role: 'kill_switch', pointer: '/kill_switch/flag_key', mitigation: null });
  const mits = Array.isArray(spec['mitigations']) ? (spec['mitigations'] as ModelObject[]) : [];
  mits.forEach((m, i) => {
    if (m && typeof m['flag_key'] === 'string') links.push({ key: m['flag_key'], role: 'mitigation', pointer: `/mitigations/${i}/flag_key`, mitigation: typeof m['id'] === 'string' ? m['id'] : null });
  });
  const fcs = markets.filter((m) => m.in_fcs && m.known);
  const subs = (m: ResolvedMarket): string[] => {
    const raw = (Array.isArray(spec['markets']) ? (spec['markets'] as ModelObject[]) : [])[m.index];
    const list = raw && Array.isArray(raw['subnational']) ? raw['subnational'] : [];
    return list.filter((x): x is string => typeof x === 'string');
  };
  return links.map((l) => {
    const flags = ws.flags(l.key);
    const problems: { alpha3: string; name: string; category: string; text: string }[] = [];
    for (const f of flags) {
      for (const m of fcs) {
        for (const code of [m.alpha3, ...subs(m)]) {
          if (l.role === 'kill_switch') {
            const e = ws.exposure(f, code, 'off');
            if (e && e.onMax > 1e-9) problems.push({ alpha3: m.alpha3, name: e.place.name, category: m.category, text: `switched off, ${l.key} still serves its on variant to ${e.onMin >= e.onMax - 1e-9 ? '' : 'up to '}${pct(e.onMax)}% in ${e.place.name} (${f.def.offMeaning})` });
          } else {
            const e = ws.exposure(f, code, 'current');
            if (e && e.onMin < 1 - 1e-9) problems.push({ alpha3: m.alpha3, name: e.place.name, category: m.category, text: `${l.key} serves the mitigation to ${e.onMin > 0 ? 'only ' + pct(e.onMin) + '%' : 'nobody for certain'}${e.onMax > e.onMin + 1e-9 ? ` (up to ${pct(e.onMax)}%)` : ''} in ${e.place.name}` });
          }
        }
      }
    }
    return {
      key: l.key,
      role: l.role,
      mitigation: l.mitigation,
      pointer: l.pointer,
      doc: 0,
      defined: flags.length > 0,
      files: [...new Set(flags.map((f) => `${f.uri} (${FORMAT_LABELS[f.format]})`))],
      flag_files: ws.flagFileCount(),
      problems,
      problem_text: problems.slice(0, 4).map((p) => p.text).join('; ') + (problems.length > 4 ? `; and ${problems.length - 4} more` : ''),
      conflict_problem: problems.some((p) => p.category === 'conflict'),
      from: uri,
    };
  });
}
