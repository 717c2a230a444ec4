// Sections recognised by heading fill the spec model, so the checklist does not ask for what the prose covers.
import assert from 'node:assert/strict';
import { parseMarkdownDocument } from '../../../server/src/engine/markdown/document';
import { recogniseSections } from '../../../server/src/engine/markdown/sections';
import { at, lintMd, prd } from './helpers';

const ids = (md: string) => recogniseSections(parseMarkdownDocument(md)).map((s) => s.def.id);
const fired = (f: { ruleId: string }[], id: string) => f.filter((x) => x.ruleId === id).length;
const CONTENT = 'Prepared with the regional team and local partners; covers every market in scope.';

describe('Markdown PRDs: sections by heading', () => {
  it('recognises headings in English, French, Spanish, Portuguese and Arabic', () => {
    const cases: [string, string][] = [
      ['## 3.2 Conflict & context analysis', 'conflict_analysis'],
      ['## Analyse du contexte et des conflits', 'conflict_analysis'],
      ['## Análisis del conflicto', 'conflict_analysis'],
      ['## Análise de conflito', 'conflict_analysis'],
      ['## تحليل النزاع', 'conflict_analysis'],
      ['## Community engagement', 'engagements'],
      ['## Consultation des communautés', 'engagements'],
      ['## Participación comunitaria', 'engagements'],
      ['## Engajamento comunitário', 'engagements'],
      ['## إشراك المجتمع', 'engagements'],
      ['## Harms', 'harms'],
      ['## Risques pour les droits humains', 'harms'],
      ['## Mitigaciones', 'mitigations'],
      ['## Medidas de mitigação', 'mitigations'],
      ['## Kill switch', 'kill_switch'],
      ['## Coupe-circuit', 'kill_switch'],
      ['## مفتاح الإيقاف', 'kill_switch'],
      ['## Grievance mechanism', 'grievance'],
      ['## Quejas y reclamos', 'grievance'],
      ['## Moderação', 'moderation'],
      ['## Data protection', 'data'],
      ['## Privacidade', 'data'],
      ['## Target markets', 'markets'],
      ['## الأسواق', 'markets'],
      ['## Non-goals', 'non_goals'],
      ['## Fuera de alcance', 'non_goals'],
      ['## Fora do escopo', 'non_goals'],
      ['## خارج النطاق', 'non_goals'],
    ];
    for (const [h, id] of cases) assert.deepEqual(ids(`${h}\n\n${CONTENT}\n`), [id], h);
  });

  it('ignores headings that only look similar', () => {
    for (const h of ['## Data model', '## Stakeholders', '## Rollback plan', '## Context', '## Risks', '## Pharmacy hours']) assert.deepEqual(ids(`${h}\n\n${CONTENT}\n`), [], h);
  });

  it('"Risks and mitigations" counts as mitigations; "Out of scope: data retention" is only out of scope', () => {
    assert.deepEqual(ids(`## Risks and mitigations\n\n${CONTENT}\n`), ['mitigations']);
    assert.deepEqual(ids(`## Out of scope: data retention\n\n${CONTENT}\n`), ['non_goals']);
  });

  it('a conflict-analysis section with content satisfies conflict_analysis.ref (CTX-01 silent); CTX-03 lands on the heading', () => {
    const without = lintMd(prd('Body.'));
    assert.equal(fired(without, 'CTX-01'), 1);
    const t = prd(`## Conflict analysis\n\n${CONTENT}`);
    const f = lintMd(t);
    assert.equal(fired(f, 'CTX-01'), 0);
    const ctx3 = f.find((x) => x.ruleId === 'CTX-03');
    assert.ok(ctx3, 'the prose analysis records no dividers or connectors');
    assert.equal(`CTX-03@${ctx3.range.start.line + 1}:${ctx3.range.start.character + 1}`, at('CTX-03', t, 'Conflict analysis', '## '));
  });

  it('an empty or placeholder section does not count, and says so (PRD-SECTION on the heading)', () => {
    for (const body of ['', 'TBD', 'À compléter', 'Por definir', 'سيتم تحديده', '<!-- write me -->']) {
      const t = prd(`## Conflict analysis\n\n${body}\n\n## Next\n\nText.`);
      const f = lintMd(t);
      assert.equal(fired(f, 'CTX-01'), 1, body);
      const s = f.find((x) => x.ruleId === 'PRD-SECTION')!;
      assert.equal(`PRD-SECTION@${s.range.start.line + 1}:${s.range.start.character + 1}`, at('PRD-SECTION', t, 'Conflict analysis'), body);
    }
  });

  it('a sub-section counts as content of its parent', () => {
    const f = lintMd(prd(`## Conflict analysis\n\n### Sudan\n\n${CONTENT}`));
    assert.equal(fired(f, 'CTX-01'), 0);
    assert.equal(fired(f, 'PRD-SECTION'), 0);
  });

  it('an engagement section records an engagement for the markets it names (ENG-01 silent for them only)', () => {
    const fcs = '    - country: KEN\n';
    const named = lintMd(prd(`## Community engagement\n\nFocus groups in Sudan with displaced women, through a trusted partner.`, fcs));
    const eng = named.filter((x) => x.ruleId === 'ENG-01');
    assert.equal(eng.length, 0, 'Kenya is not FCS; Sudan is named');
    const unnamed = lintMd(prd(`## Community engagement\n\nFocus groups with displaced women, through a trusted partner.`, fcs));
    assert.equal(fired(unnamed, 'ENG-01'), 0, 'no market named: every declared market counts');
    const other = lintMd(prd(`## Community engagement\n\nFocus groups in Kenya (KEN) with local partners and women's groups.`, fcs));
    assert.equal(fired(other, 'ENG-01'), 1, 'only Kenya is named: Sudan is still missing');
  });

  it('a kill-switch section fills kill_switch.flag_key from its first inline code', () => {
    const t = `---\nfcs:\n  feature:\n    lifecycle_stage: pilot\n  markets:\n    - country: SDN\n---\n\n## Kill switch\n\nThe flag \`loc.nearby_fcs\` turns nearby off per country; see the runbook.\n`;
    const f = lintMd(t);
    assert.equal(fired(f, 'GOV-01'), 0);
    const gov2 = f.find((x) => x.ruleId === 'GOV-02');
    assert.ok(gov2, 'readiness is still asked');
    assert.match(gov2.message, /loc\.nearby_fcs/);
    assert.equal(`GOV-02@${gov2.range.start.line + 1}:${gov2.range.start.character + 1}`, at('GOV-02', t, 'Kill switch', '## '));
    const bare = lintMd(t.replace('## Kill switch', '## Rollout'));
    assert.equal(fired(bare, 'GOV-01'), 1);
  });

  it('a section in the front matter wins: headings fill only what the fcs: block leaves empty', () => {
    const t = prd(`## Conflict analysis\n\n${CONTENT}`, '  conflict_analysis:\n    ref: docs/ca.md\n    date: 2025-01-01\n').replace('design', 'development');
    const f = lintMd(t);
    const stale = f.find((x) => x.ruleId === 'CTX-02');
    assert.ok(stale);
    assert.equal(stale.range.start.line + 1, t.split('\n').findIndex((l) => l.includes('2025-01-01')) + 1);
  });
});
