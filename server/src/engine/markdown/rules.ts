// The rules the Markdown support raises itself: one per inferred capability (PRD-*), and
// PRD-SECTION for a recognised heading whose section is empty. Pure data, so lint.ts can list
// the ids as known (answers, waivers and suppressions may name them).
import type { Severity } from '../types';
import { CAPABILITIES } from './capabilities';

export interface PrdRule {
  id: string;
  title: string;
  severity: Severity;
  why: string;
  prompts: string[];
  mitigations: string[];
  basis: string[];
  cases: string[];
}

export const PRD_SECTION_RULE: PrdRule = {
  id: 'PRD-SECTION',
  title: 'A due-diligence section of the PRD is empty',
  severity: 'low',
  why: 'A heading such as "Conflict analysis" with nothing under it (or only TBD) looks like coverage but records nothing, so it does not count as addressing the topic.',
  prompts: ['What should this section say? Write it, link the document that holds it, or remove the heading.'],
  mitigations: ['Fill in the section, or record the topic in the fcs: block of the front matter.'],
  basis: [],
  cases: [],
};

export const PRD_RULES: Record<string, PrdRule> = Object.fromEntries([
  [PRD_SECTION_RULE.id, PRD_SECTION_RULE],
  ...CAPABILITIES.map((c) => [
    c.rule,
    {
      id: c.rule,
      title: c.title,
      severity: c.severity,
      why: c.why,
      prompts: c.prompts,
      mitigations: [`Describe the capability under ${c.specField ?? 'capabilities'} in the fcs: front matter, so the spec checklist (${c.related.join(', ')}) can check it.`, `Answer the prompts under dd_answers.${c.rule} (an answer to ${c.related[0]} also counts).`],
      basis: c.basis,
      cases: c.cases,
    } satisfies PrdRule,
  ]),
]);
