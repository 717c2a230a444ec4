// Every rule of this run with the metadata reporters show: checklist rules from the compiled
// checklists, engine rules from META_RULES.
import type { LintEnvironment } from '../../engine/lint';
import { META_RULES } from '../../engine/meta/metaRules';
import type { RuleMeta } from '../reporters/report';

export function ruleCatalog(env: LintEnvironment): RuleMeta[] {
  const out: RuleMeta[] = [];
  const seen = new Set<string>();
  for (const c of env.checklists) {
    for (const r of c.rules) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      const setting = env.ruleSettings.get(r.id);
      if (setting?.off) continue;
      out.push({ id: r.id, title: r.title, severity: setting?.severity ?? r.severity, why: r.why, prompts: r.prompts, mitigations: r.mitigations, basis: r.basis, source: c.id });
    }
  }
  for (const m of Object.values(META_RULES)) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    out.push({ id: m.id, title: m.title, severity: m.severity, why: m.why, prompts: m.prompts, mitigations: [], basis: [], source: 'engine' });
  }
  return out;
}
