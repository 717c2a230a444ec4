// Capability inference from PRD prose: exact positions, harmless mentions, negations, five languages.
import assert from 'node:assert/strict';
import { CAPABILITIES } from '../../../server/src/engine/markdown/capabilities';
import { quantifierProblem } from '../../../server/src/engine/markdown/patterns';
import { SECTIONS } from '../../../server/src/engine/markdown/sectionTable';
import { at, fixture, lintMd, prd, prdAt } from './helpers';

describe('Markdown PRDs: capability inference on realistic PRDs', () => {
  it('en: flags the real capabilities on their words, and nothing in harmless mentions, code, quotes, links, tables or non-goals', () => {
    const t = fixture('en/community-map.md');
    const f = lintMd(t, {}, 'file:///repo/docs/community-map.md');
    assert.deepEqual(prdAt(f), [
      at('PRD-MAP-01', t, 'pin incidents on the map'),
      at('PRD-MAP-01', t, 'crowdsourced incident reports'),
      at('PRD-LOC-02', t, 'share their live location'),
      at('PRD-MOD-01', t, 'report button'),
      at('PRD-SECTION', t, 'Grievance', '## Grievance'),
    ]);
    const live = f.find((x) => x.ruleId === 'PRD-LOC-02')!;
    assert.equal(live.range.end.character - live.range.start.character, 'share their live location'.length);
    assert.equal(live.severity, 'high');
    assert.match(live.message, /live location sharing \(fn\.location\)/);
    assert.match(live.message, /SDN/);
    assert.ok(live.prompts.length >= 2);
    // The second mention of a capability is a hint pointing at the first.
    const again = f.filter((x) => x.ruleId === 'PRD-MAP-01')[1]!;
    assert.equal(again.severity, 'info');
    assert.match(again.message, /Also mentioned on line 22/);
  });

  it('fr: personnes à proximité, partage de position, signalement; negations and research are silent', () => {
    const t = fixture('fr/carte-proximite.md');
    assert.deepEqual(prdAt(lintMd(t)), [
      at('PRD-LOC-01', t, 'personnes à proximité'),
      at('PRD-LOC-02', t, 'partage de la position'),
      at('PRD-MOD-01', t, 'bouton de signalement'),
      at('PRD-MOD-01', t, 'signaler un contenu'),
      at('PRD-SECTION', t, 'Analyse du contexte'),
    ]);
  });

  it('es: remesas, billetera móvil, reconocimiento facial; "No mostraremos…" and "no pedirá el nombre real" are negated', () => {
    const t = fixture('es/billetera.md');
    const f = lintMd(t);
    assert.deepEqual(prdAt(f), [at('PRD-PAY-01', t, 'remesas'), at('PRD-PAY-01', t, 'billetera móvil'), at('PRD-AI-01', t, 'reconocimiento facial')]);
    // Colombia is not on the FCS list: advisory, and the message says "not the same as safe".
    assert.equal(f.find((x) => x.ruleId === 'PRD-AI-01')!.severity, 'low');
    assert.match(f.find((x) => x.ruleId === 'PRD-AI-01')!.message, /not the same as safe/);
  });

  it('pt: mapa colaborativo, pessoas próximas, encaminhar mensagens; "no mapa" is not a negation in Portuguese', () => {
    const t = fixture('pt/mapa.md');
    assert.deepEqual(prdAt(lintMd(t)), [
      at('PRD-MAP-01', t, 'Mapa colaborativo', '# Mapa'),
      at('PRD-MAP-01', t, 'mapa colaborativo de'),
      at('PRD-LOC-01', t, 'pessoas próximas'),
      at('PRD-COMM-01', t, 'encaminhar mensagens'),
    ]);
  });

  it('ar: الأشخاص القريبون and مشاركة الموقع; لن نعرض / بدون are negations; توصيات اللجنة is harmless', () => {
    const t = fixture('ar/nearby.md');
    const f = lintMd(t);
    assert.deepEqual(prdAt(f), [
      at('PRD-LOC-01', t, 'الأشخاص القريبون', '# '),
      at('PRD-LOC-01', t, 'الأشخاص القريبين'),
      at('PRD-LOC-02', t, 'مشاركة الموقع'),
    ]);
    assert.equal(f.find((x) => x.ruleId === 'PRD-LOC-01')!.severity, 'blocker', 'Yemen is a conflict market');
  });

  it('a stray byte-order mark starting a paragraph (concatenated files) keeps the ranges exact', () => {
    const t = prd('Intro.\n\n\uFEFFUsers share their live location with friends.');
    const f = lintMd(t).find((x) => x.ruleId === 'PRD-LOC-02')!;
    assert.deepEqual(prdAt([f]), [at('PRD-LOC-02', t, 'share their live location')]);
    assert.equal(f.range.end.character - f.range.start.character, 'share their live location'.length);
  });

  it('a second mention of the same capability is info, and the first keeps the severity', () => {
    const f = lintMd(prd('Users see people nearby.\n\nPeople nearby is opt-in.'));
    assert.deepEqual(
      f.filter((x) => x.ruleId === 'PRD-LOC-01').map((x) => x.severity),
      ['blocker', 'info'],
    );
  });
});

describe('Markdown PRDs: precision', () => {
  const silent = (body: string) => assert.deepEqual(prdAt(lintMd(prd(body))), [], body);
  const fires = (body: string, rule: string, words: string) => {
    const t = prd(body);
    assert.deepEqual(prdAt(lintMd(t)), [at(rule, t, words)], body);
  };

  it('harmless look-alikes stay silent', () => {
    for (const b of [
      'Show nearby stores and clinics on the map.',
      'Going forward, we take a forward-looking view; we forward the request to the API.',
      'We ran a live demo for the board.',
      'We follow the recommendations from the review board.',
      'Mobile money penetration in Kenya is 80%, according to the GSMA.',
      'Mobile money usage was measured in a survey of 2,000 respondents.',
      'The SSH key fingerprint is shown on first connect.',
      'Our weekly report goes to the steering group; file a bug report in Jira.',
      'Click heatmaps of the settings page guide the redesign.',
      'We shadow live traffic to the canary before rollout.',
      'The legal name of the company appears on invoices.',
      'Contact us at the support desk; the contact form is on the website.',
      'Les commerces à proximité et la démo en direct.',
      'Las recomendaciones del comité y las tiendas cercanas.',
      'As recomendações da equipe e as lojas próximas.',
      'توصيات اللجنة والمتاجر القريبة.',
    ])
      silent(b);
  });

  it('negations in the same clause, before or after, in five languages', () => {
    for (const b of [
      'We will not show distance to other users.',
      'No contact upload in v1.',
      'There is no face recognition anywhere in the flow.',
      'Users never see people nearby.',
      'Live location sharing is out of scope for this release.',
      'Contact upload: no.',
      'Without contact upload, onboarding is slower.',
      'Nous n\'afficherons pas les personnes à proximité.',
      'Aucun import de contacts.',
      'No mostraremos la ubicación en tiempo real.',
      'Sin reconocimiento facial.',
      'Não haverá upload de contatos.',
      'Sem reconhecimento facial.',
      'لن نعرض الأشخاص القريبين.',
      'بدون رفع جهات الاتصال.',
    ])
      silent(b);
  });

  it('a negation does not carry past the clause or a "but"', () => {
    fires('We will not show distance. Users can share their live location.', 'PRD-LOC-02', 'share their live location');
    fires('Contact upload is not planned, but face recognition is used at sign-up.', 'PRD-AI-01', 'face recognition');
  });

  it('ignores code, inline code, link targets, images and block quotes, but reads link text and emphasis', () => {
    silent('`people nearby` is the internal codename.\n\n```\nlive location\n```\n\n![people nearby](img/people-nearby.png)\n\n> users want people nearby\n\nSee https://example.org/live-location for context.');
    fires('Users can see [people nearby](https://example.org).', 'PRD-LOC-01', 'people nearby');
    fires('Users can see **people** _nearby_ on the map.', 'PRD-LOC-01', 'people** _nearby');
  });

  it('ignores non-goals, out-of-scope, research and glossary sections, and due-diligence sections', () => {
    silent('## Non-goals\n\n- Face recognition.\n\n## Hors périmètre\n\n- Reconnaissance faciale.\n\n## Competitive analysis\n\nRival apps offer people nearby.\n\n## Glossary\n\nLive location: a position updated every minute.\n\n## Mitigations\n\nProximity is hidden; people nearby shows only opted-in users.');
  });

  it('phrases span line breaks and accents are optional (geolocalizacion / geolocalización)', () => {
    fires('Users can share their\nlive location with friends.', 'PRD-LOC-02', 'share their\nlive location');
    fires('Mostramos la ubicacion en tiempo real.', 'PRD-LOC-02', 'ubicacion en tiempo real');
  });

  it('a mention the front matter already describes under its spec field is left to the spec rules', () => {
    const t = prd('Users see people nearby.', '  capabilities:\n    location:\n      proximity: true\n');
    assert.deepEqual(prdAt(lintMd(t)), []);
  });

  it('answers in dd_answers (the PRD rule or a related catalogue rule) acknowledge the finding', () => {
    const ans = (rule: string) => `  dd_answers:\n    ${rule}:\n      answer: Distance is hidden in Sudan; fuzzed elsewhere.\n`;
    for (const rule of ['PRD-LOC-01', 'LOC-01']) {
      const f = lintMd(prd('Users see people nearby.', ans(rule))).find((x) => x.ruleId === 'PRD-LOC-01')!;
      assert.equal(f.status, 'acknowledged', rule);
      assert.equal(f.answer?.answer, 'Distance is hidden in Sudan; fuzzed elsewhere.');
    }
  });

  it('an inline directive with a reason suppresses the finding on the next line', () => {
    const t = prd('<!-- fcs-lint-disable-next-line PRD-LOC-01 -- reviewed with the Sudan team -->\nUsers see people nearby.');
    assert.deepEqual(prdAt(lintMd(t)), []);
  });

  it('rule settings switch PRD rules off or change their severity', () => {
    const t = prd('Users see people nearby.');
    assert.deepEqual(prdAt(lintMd(t, { ruleSettings: new Map([['PRD-LOC-01', { off: true }]]) })), []);
    const f = lintMd(t, { ruleSettings: new Map([['PRD-LOC-01', { severity: 'medium' as const }]]) }).find((x) => x.ruleId === 'PRD-LOC-01')!;
    assert.equal(f.severity, 'medium');
  });
});

describe('Markdown PRDs: patterns are safe data', () => {
  it('no pattern nests quantifiers or uses back-references', () => {
    for (const c of CAPABILITIES) for (const list of Object.values(c.phrases)) for (const p of list ?? []) assert.equal(quantifierProblem(p), null, `${c.rule}: ${p}`);
    for (const s of SECTIONS) for (const list of Object.values(s.phrases)) for (const p of list ?? []) assert.equal(quantifierProblem(p), null, `${s.id}: ${p}`);
    assert.equal(quantifierProblem('(?:a+)+'), 'nested quantifier');
    assert.equal(quantifierProblem('(?:ab )?c'), null);
  });

  it('stays linear on long, repetitive prose', () => {
    const para = 'people people nearby nearby '.repeat(8000) + 'no no no not '.repeat(8000);
    const long = prd(para + '\n\n' + 'aaaa'.repeat(50000) + '\n\n' + ('- ' + 'share '.repeat(20) + '\n').repeat(2000));
    const t0 = Date.now();
    lintMd(long);
    assert.ok(Date.now() - t0 < 10000, `took ${Date.now() - t0} ms`);
  });
});

describe('Markdown PRDs: the README examples fire', () => {
  const examples: [string, string][] = [
    ['PRD-LOC-03', 'Posts are geotagged'], ['PRD-LOC-03', 'Les coordonnées GPS sont stockées'], ['PRD-LOC-03', 'الموقع الدقيق'],
    ['PRD-GRAPH-02', 'People you may know'], ['PRD-GRAPH-02', "Des suggestions d'amis"], ['PRD-GRAPH-02', 'Amigos sugeridos'],
    ['PRD-ID-02', 'KYC at sign-up'], ["PRD-ID-02", "Une pièce d'identité"], ['PRD-ID-02', 'بطاقة الهوية'],
    ['PRD-DATA-02', 'A fingerprint scanner'], ['PRD-DATA-02', 'La biométrie'], ['PRD-DATA-02', 'Huellas dactilares'], ['PRD-DATA-02', 'بصمات الأصابع'],
    ['PRD-PAY-01', 'Argent mobile'], ['PRD-PAY-01', 'Remessas'], ['PRD-PAY-01', 'المحفظة الإلكترونية'],
    ['PRD-RANK-01', 'Un fil personnalisé'], ['PRD-RANK-01', 'Contenido recomendado'], ['PRD-RANK-01', 'التوصيات المخصصة'],
    ['PRD-RANK-03', 'Targeted ads'], ['PRD-RANK-03', 'Ciblage publicitaire'], ['PRD-RANK-03', 'Anuncios segmentados'],
    ['PRD-MAP-01', 'Une carte participative'], ['PRD-MAP-01', 'خريطة تشاركية'],
    ['PRD-MAP-02', 'An activity heatmap'], ['PRD-MAP-02', 'Densité de foule'], ['PRD-MAP-02', 'كثافة الحشود'],
    ['PRD-MOD-01', 'Botón de denuncia'], ['PRD-MOD-01', 'زر الإبلاغ'],
    ['PRD-AI-01', 'التعرف على الوجه'], ['PRD-ID-01', 'الاسم الحقيقي'], ['PRD-COMM-01', 'إعادة توجيه الرسائل'], ['PRD-GRAPH-01', 'رفع جهات الاتصال'],
    ['PRD-GRAPH-01', 'Importer vos contacts'], ['PRD-LOC-02', 'Compartilhar sua localização'],
  ];
  it('every example phrase in docs/readme/markdown.md is inferred as its rule', () => {
    for (const [rule, phrase] of examples) {
      const rules = prdAt(lintMd(prd(phrase + '.'))).map((r) => r.split('@')[0]);
      assert.ok(rules.includes(rule), `${phrase}: expected ${rule}, got ${rules.join(', ') || 'nothing'}`);
    }
  });
});
