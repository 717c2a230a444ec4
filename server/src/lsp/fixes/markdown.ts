// Quick fixes for Markdown PRDs: insert the section a finding asks for (conflict analysis,
// community engagement, kill switch, grievance, harms) at the end of the document, with the
// rule's questions in a comment and a placeholder the section recogniser treats as empty — so
// the finding stays open until the team writes the section. Headings are English phrases the
// section table recognises in every supported language's documents.
import { parseMarkdownDocument } from '../../engine/markdown/document';
import { recogniseSections } from '../../engine/markdown/sections';
import type { FixTarget, ProposedFix } from './context';

interface SectionFix {
  section: string;
  heading: string;
  applies: (t: FixTarget) => boolean;
}

const SECTION_FIXES: SectionFix[] = [
  { section: 'conflict_analysis', heading: 'Conflict analysis', applies: (t) => /^CTX-0[1-3]$/.test(t.ruleId) },
  { section: 'engagements', heading: 'Community engagement', applies: (t) => /^ENG-/.test(t.ruleId) },
  { section: 'kill_switch', heading: 'Kill switch', applies: (t) => t.ruleId === 'GOV-01' || t.ruleId === 'GOV-02' },
  { section: 'grievance', heading: 'Grievance and remedy', applies: (t) => t.ruleId === 'GOV-04' || t.pointer.startsWith('/grievance') },
  { section: 'harms', heading: 'Harms', applies: (t) => t.ruleId === 'GOV-05' || t.ruleId === 'GOV-06' },
];

export function markdownFixes(t: FixTarget, text: string): ProposedFix[] {
  const wanted = SECTION_FIXES.filter((f) => f.applies(t));
  if (wanted.length === 0) return [];
  const doc = parseMarkdownDocument(text);
  const present = new Set(recogniseSections(doc).map((s) => s.def.id));
  const depth = Math.min(...doc.sections.filter((s) => s.depth > 1).map((s) => s.depth), 6);
  const hashes = '#'.repeat(Number.isFinite(depth) ? depth : 2);
  const out: ProposedFix[] = [];
  for (const f of wanted) {
    if (present.has(f.section)) continue;
    const questions = (t.prompts ?? []).map((p) => `- ${p.replace(/-->/g, '—>')}`);
    const comment = questions.length ? `<!-- Questions this section answers (${t.ruleId}):\n${questions.join('\n')}\n-->\n` : '';
    const lead = text.length === 0 || text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    const body = `${lead}${hashes} ${f.heading}\n\n${comment}`;
    const esc = (s: string) => s.replace(/[\\$}]/g, (c) => '\\' + c);
    out.push({
      title: `Add a "${f.heading}" section`,
      change: { start: text.length, end: text.length, text: `${body}TBD\n`, snippet: `${esc(body)}\${1:TBD}\n` },
      preferred: true,
    });
  }
  return out;
}
