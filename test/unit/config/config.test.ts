import assert from 'node:assert/strict';
import { memoryFiles } from '../../../server/src/engine/config/fileAccess';
import { ConfigResolver } from '../../../server/src/engine/config/resolve';
import { applyAccountability, ledgerFindings, staleDataNotice } from '../../../server/src/engine/config/accountability';
import { lintDocument } from '../../../server/src/engine/lint';
import { markdownDirectives, yamlDirectives } from '../../../server/src/engine/suppress/directives';
import { BaselineMatcher, createBaseline, parseBaseline } from '../../../server/src/engine/suppress/baseline';
import { parseYamlSource, toData } from '../../../server/src/engine/parse/yamlSource';
import type { Finding } from '../../../server/src/engine/types';
import { TEST_NOW } from '../../helpers/lintText';

const SPEC = `spec_version: 1
feature:
  id: chat
  name: Chat
  lifecycle_stage: design
markets:
  - country: ETH
  - country: IND
    subnational: [IN-MN]
`;

function resolver(files: Record<string, string>, trusted = true): ConfigResolver {
  return new ConfigResolver({ files: memoryFiles(files), trusted });
}

function lint(r: ConfigResolver, file: string, text = SPEC): Finding[] {
  const config = r.forFile(file);
  // With baseline fingerprints, as the CLI lints when it reads or writes a baseline.
  const env = { ...r.environmentFor(config, file, { now: TEST_NOW }), fingerprints: true };
  return applyAccountability(lintDocument(file, text, env), file, config, TEST_NOW).findings;
}

const ids = (f: Finding[]) => f.map((x) => x.ruleId);
const at = (p: { range: { start: { line: number; character: number } } }) => `${p.range.start.line + 1}:${p.range.start.character + 1}`;

describe('configuration: discovery', () => {
  it('walks up from each file; the nearest file wins; root: true stops the walk', () => {
    const r = resolver({
      '/repo/.fcs-lint.yaml': 'rules:\n  CTX-01: off\n  CTX-04: low\n',
      '/repo/team/.fcs-lint.yaml': 'rules:\n  CTX-04: info\n',
      '/repo/other/.fcs-lint.yaml': 'root: true\nrules:\n  CTX-04: medium\n',
      '/.fcs-lint.yaml': 'rules:\n  CTX-03: off\n',
    });
    const team = r.forFile('/repo/team/specs/a.fcs.yaml');
    assert.deepEqual(team.configFiles, ['/.fcs-lint.yaml', '/repo/.fcs-lint.yaml', '/repo/team/.fcs-lint.yaml']);
    assert.deepEqual(team.rules.get('CTX-04'), { severity: 'info' });
    assert.deepEqual(team.rules.get('CTX-01'), { off: true });
    const other = r.forFile('/repo/other/a.fcs.yaml');
    assert.deepEqual(other.configFiles, ['/repo/other/.fcs-lint.yaml']);
    assert.equal(other.rules.get('CTX-01'), undefined);
    assert.ok(!ids(lint(r, '/repo/team/a.fcs.yaml')).includes('CTX-01'));
    assert.ok(ids(lint(r, '/repo/other/a.fcs.yaml')).includes('CTX-01'));
  });

  it('caches the resolved configuration per chain (checklists compiled once)', () => {
    const r = resolver({ '/r/.fcs-lint.yaml': 'checklists: [./c.yaml]\n', '/r/c.yaml': CUSTOM });
    const a = r.forFile('/r/a/x.fcs.yaml');
    const b = r.forFile('/r/b/y.fcs.yaml');
    assert.equal(a, b);
    assert.equal(a.checklists[0], b.checklists[0]);
  });
});

const CUSTOM = `checklist: acme:payments
version: 1
title: Pagos
language: es
rules:
  - id: ACME-01
    title: Pagos sin revisión de sanciones
    severity: high
    stage: design
    applies: fcs
    for_each: markets
    when: market.in_fcs
    at: country
    message: "{{market.name}}: ¿se revisaron las sanciones?"
    prompts: ["¿Quién revisó las sanciones para este mercado?"]
    mitigations: ["Revisión legal antes del piloto"]
`;

describe('configuration: extends', () => {
  it('fcs:strict raises thresholds and severities from data; fcs:recommended changes nothing', () => {
    const r = resolver({ '/s/.fcs-lint.yaml': 'extends: fcs:strict\n', '/p/.fcs-lint.yaml': 'extends: [fcs:recommended]\n' });
    const strict = r.forFile('/s/a.fcs.yaml');
    assert.deepEqual(strict.problems, []);
    assert.equal(strict.options['retention_max_days'], 30);
    assert.deepEqual(strict.rules.get('CTX-05'), { atLeast: 'high' });
    assert.equal(strict.windowDays, 180);
    const rec = r.forFile('/p/a.fcs.yaml');
    assert.deepEqual(rec.problems, []);
    assert.equal(rec.rules.size, 0);
  });

  it('loads a custom checklist in any language from a local path and from an npm package (never executed)', () => {
    const r = resolver({
      '/org/.fcs-lint.yaml': 'extends:\n  - "@acme/fcs-pack"\n',
      '/org/node_modules/@acme/fcs-pack/package.json': JSON.stringify({ name: '@acme/fcs-pack', main: 'evil.js', 'fcs-lint': { checklists: ['checklist.yaml'], config: 'config.yaml' } }),
      '/org/node_modules/@acme/fcs-pack/checklist.yaml': CUSTOM,
      '/org/node_modules/@acme/fcs-pack/config.yaml': 'rules:\n  CTX-04: off\nmarkets:\n  IND:\n    subnational:\n      IN-MN: {category: conflict, reason: ethnic violence, date: 2023-05-03}\n',
      '/local/.fcs-lint.yaml': 'extends: ./packs/pagos.yaml\n',
      '/local/packs/pagos.yaml': CUSTOM,
    });
    for (const file of ['/org/a.fcs.yaml', '/local/a.fcs.yaml']) {
      const c = r.forFile(file);
      assert.deepEqual(c.problems, [], file);
      const f = lint(r, file).filter((x) => x.ruleId === 'ACME-01');
      assert.ok(f.length >= 1, file);
      assert.match(f[0]!.message, /¿se revisaron las sanciones\?/);
    }
    const org = lint(r, '/org/a.fcs.yaml');
    assert.ok(!ids(org).includes('CTX-04'));
    // The organisation's sub-national knowledge makes India an FCS market.
    assert.ok(org.some((f) => f.ruleId === 'ACME-01' && /India/.test(f.message)));
  });

  it('does not load npm packs in an untrusted workspace (a warning, not an error)', () => {
    const r = resolver({ '/o/.fcs-lint.yaml': 'extends: [acme-pack]\n', '/o/node_modules/acme-pack/package.json': '{"fcs-lint":{"checklists":["c.yaml"]}}', '/o/node_modules/acme-pack/c.yaml': CUSTOM }, false);
    const c = r.forFile('/o/a.fcs.yaml');
    assert.equal(c.checklists.length, 0);
    assert.deepEqual(c.skippedPackages, ['acme-pack']);
    assert.deepEqual(c.problems.map((p) => p.level), ['warning']);
  });

  it('reports cycles, missing packs, unknown built-ins and files outside a package at the extends entry', () => {
    const r = resolver({
      '/c/.fcs-lint.yaml': 'extends:\n  - ./a.yaml\n  - fcs:strikt\n  - not-installed\n  - bad-pack\n',
      '/c/a.yaml': 'extends: ./b.yaml\n',
      '/c/b.yaml': 'extends: ./a.yaml\n',
      '/c/node_modules/bad-pack/package.json': '{"fcs-lint":{"checklists":["../../../etc/x.yaml"]}}',
    });
    const p = r.forFile('/c/x.fcs.yaml').problems;
    const msgs = p.map((x) => `${x.file}:${at(x)} ${x.message}`);
    assert.ok(msgs.some((m) => /^\/c\/b\.yaml:1:10 extends cycle: \/c\/\.fcs-lint\.yaml → \/c\/a\.yaml → \/c\/b\.yaml → \/c\/a\.yaml/.test(m)), msgs.join('\n'));
    assert.ok(msgs.some((m) => /^\/c\/\.fcs-lint\.yaml:3:5 Unknown built-in pack 'fcs:strikt'\. Did you mean 'fcs:strict'\?/.test(m)), msgs.join('\n'));
    assert.ok(msgs.some((m) => /^\/c\/\.fcs-lint\.yaml:4:5 Cannot find the checklist package 'not-installed'/.test(m)), msgs.join('\n'));
    assert.ok(msgs.some((m) => /^\/c\/\.fcs-lint\.yaml:5:5 .*outside the package/.test(m)), msgs.join('\n'));
  });

  it('reports schema errors with file, line and column, and unknown rules with a suggestion', () => {
    const r = resolver({ '/e/.fcs-lint.yaml': 'rules:\n  CTX-01: loud\n  CTX-99: off\nmarkts: {}\nmarkets:\n  XYZ: {category: conflict}\n' });
    const p = r.forFile('/e/a.fcs.yaml').problems.map((x) => `${at(x)} ${x.level} ${x.message}`);
    assert.ok(p.some((m) => /^4:1 error Unknown key 'markts'.*Did you mean 'markets'/.test(m)), p.join('\n'));
    assert.ok(p.some((m) => /^2:11 error/.test(m)), p.join('\n'));
    assert.ok(p.some((m) => /^6:3 error Unknown country code 'XYZ'/.test(m)), p.join('\n'));
  });

  it('rejects a custom rule that reuses a built-in id, at the id', () => {
    const r = resolver({ '/d/.fcs-lint.yaml': 'checklists: [./c.yaml]\n', '/d/c.yaml': CUSTOM.replace('ACME-01', 'CTX-01') });
    const p = r.forFile('/d/a.fcs.yaml').problems;
    assert.equal(p.length, 1);
    assert.equal(at(p[0]!), '6:9');
    assert.match(p[0]!.message, /already defined by fcs:core/);
  });
});

describe('configuration: overrides and markets', () => {
  it('applies overrides per glob relative to the config file', () => {
    const r = resolver({ '/o/.fcs-lint.yaml': 'overrides:\n  - files: "legacy/**"\n    rules: {CTX-01: off}\n' });
    assert.ok(!ids(lint(r, '/o/legacy/deep/a.fcs.yaml')).includes('CTX-01'));
    assert.ok(ids(lint(r, '/o/new/a.fcs.yaml')).includes('CTX-01'));
  });

  it('marks a country as conflict with a reason (organisation list) and adds signals to every spec', () => {
    const r = resolver({ '/m/.fcs-lint.yaml': 'markets:\n  IN:\n    category: conflict\n    reason: our own high-risk list\n    date: 2026-01-01\n    shutdown_history: true\n' });
    const f = lint(r, '/m/a.fcs.yaml').filter((x) => x.ruleId === 'CTX-01');
    assert.equal(f.length, 2);
    assert.equal(f[1]!.severity, 'blocker');
  });
});

describe('suppressions', () => {
  it('finds YAML directives with exact positions, not inside strings or block scalars', () => {
    const text = 'a: "# fcs-lint-disable-next-line CTX-01 -- no"\nwhy: |\n  # fcs-lint-disable-next-line CTX-02 -- no\n# fcs-lint-disable-next-line CTX-01, CTX-04 -- reviewed, RISK-9\n\n# another comment\nmarkets: []\n';
    const d = yamlDirectives(text);
    assert.equal(d.length, 1);
    assert.deepEqual(d[0]!.rules, ['CTX-01', 'CTX-04']);
    assert.equal(d[0]!.reason, 'reviewed, RISK-9');
    assert.deepEqual(d[0]!.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 63 } });
    assert.equal(d[0]!.targetLine, 6);
  });

  it('finds Markdown directives outside code fences', () => {
    const md = '# PRD\n\n<!-- fcs-lint-disable-next-line CTX-01 -- analysis in annex B -->\nWe launch in Ethiopia.\n\n```\n<!-- fcs-lint-disable-next-line CTX-02 -- x -->\n```\n';
    const d = markdownDirectives(md);
    assert.equal(d.length, 1);
    assert.equal(d[0]!.reason, 'analysis in annex B');
    assert.equal(d[0]!.targetLine, 3);
    assert.deepEqual(d[0]!.range.start, { line: 2, character: 0 });
  });

  const SUPPRESSED = SPEC.replace('  - country: ETH\n', '  # fcs-lint-disable-next-line CTX-01 -- analysis commissioned, RISK-7\n  - country: ETH\n  # fcs-lint-disable-next-line CTX-01\n');
  it('suppresses with a reason; a directive without a reason suppresses nothing and is a finding; unused ones are reported', () => {
    const r = resolver({});
    const f = lint(r, '/x/a.fcs.yaml', SUPPRESSED + '  # fcs-lint-disable-next-line GOV-99 -- typo\n  - country: FRA\n');
    const ctx01 = f.filter((x) => x.ruleId === 'CTX-01');
    assert.ok(!ctx01.some((x) => x.range.start.line === 7), 'ETH CTX-01 suppressed');
    const noReason = f.filter((x) => x.ruleId === 'SUPPRESS-NO-REASON');
    assert.equal(noReason.length, 1);
    assert.equal(at(noReason[0]!), '9:3');
    assert.ok(f.some((x) => x.ruleId === 'SUPPRESS-UNUSED' && /no checklist defines GOV-99/.test(x.message)));
  });

  it('audit mode reports suppressed findings as such', () => {
    const r = resolver({});
    const c = r.forFile('/x/a.fcs.yaml');
    const env = r.environmentFor(c, '/x/a.fcs.yaml', { now: TEST_NOW, inlineSuppressions: 'audit' });
    const f = lintDocument('/x/a.fcs.yaml', SUPPRESSED, env).findings.filter((x) => x.suppression);
    assert.equal(f.length, 1);
    assert.equal(f[0]!.suppression!.reason, 'analysis commissioned, RISK-7');
    assert.match(f[0]!.message, /suppressed inline: analysis commissioned/);
  });

  it('ledger entries accept risks with owner/approver/expiry; expired entries are findings and cover nothing', () => {
    const ledger = `accepted:
  - rule: CTX-01
    files: "specs/*.fcs.yaml"
    pointer: /markets/0
    owner: team-chat
    reason: analysis underway with local partners
    approver: head-of-hrdd
    expires: 2027-03-31
    ticket: RISK-1
  - rule: CTX-01
    files: specs/a.fcs.yaml
    owner: team-chat
    reason: old
    approver: head-of-hrdd
    expires: 2026-01-31
`;
    const r = resolver({ '/l/.fcs-lint.yaml': '', '/l/.fcs-lint-ledger.yaml': ledger });
    const f = lint(r, '/l/specs/a.fcs.yaml');
    assert.equal(f.filter((x) => x.ruleId === 'CTX-01').length, 0 + (f.some((x) => x.pointer.startsWith('/markets/1') && x.ruleId === 'CTX-01') ? 1 : 0));
    assert.ok(!f.some((x) => x.ruleId === 'CTX-01' && x.pointer.startsWith('/markets/0')));
    const other = lint(r, '/l/elsewhere/a.fcs.yaml');
    assert.ok(other.some((x) => x.ruleId === 'CTX-01' && x.pointer.startsWith('/markets/0')), 'a ledger entry never covers other files');
    const expired = ledgerFindings(r.forFile('/l/specs/a.fcs.yaml').ledger!, TEST_NOW);
    assert.equal(expired.length, 1);
    assert.equal(expired[0]!.ruleId, 'LEDGER-EXPIRED');
    assert.equal(at(expired[0]!), '15:14');
  });
});

describe('baselines', () => {
  it('moving lines and reordering items keeps fingerprints; another file is never absorbed', () => {
    const r = resolver({});
    const before = lint(r, '/b/a.fcs.yaml');
    const base = parseBaseline(createBaseline([{ file: 'a.fcs.yaml', findings: before }]));
    const moved = '# a comment that moves every line\n\n' + SPEC.replace('  - country: ETH\n', '').replace('markets:\n', 'markets:\n  - country: ETH\n').replace('    subnational: [IN-MN]\n', '    subnational: [IN-MN]\n');
    const after = lint(r, '/b/a.fcs.yaml', moved.replace('  - country: ETH\n  - country: IND\n    subnational: [IN-MN]\n', '  - country: IND\n    subnational: [IN-MN]\n  - country: ETH\n'));
    const m = new BaselineMatcher(base);
    assert.deepEqual(m.apply('a.fcs.yaml', after).kept.map((f) => f.ruleId), []);
    const m2 = new BaselineMatcher(base);
    assert.equal(m2.apply('b.fcs.yaml', after).kept.length, after.length);
    const added = lint(r, '/b/a.fcs.yaml', SPEC + '  - country: SDN\n');
    const m3 = new BaselineMatcher(base);
    const kept = m3.apply('a.fcs.yaml', added).kept;
    assert.ok(kept.length > 0 && kept.every((f) => f.pointer.startsWith('/markets/2')), JSON.stringify(kept.map((f) => f.pointer)));
  });
});

describe('early warning', () => {
  it('an upcoming election or a new dated risk signal within the window asks for a re-review (EW-REVIEW)', () => {
    const r = resolver({ '/w/.fcs-lint.yaml': 'early_warning: {window_days: 60}\nmarkets:\n  ETH:\n    upcoming_events: [{type: election, date: 2027-01-10, note: general election}]\n  IND:\n    risk_signals: [{signal: internet_shutdown, since: 2026-11-20}, {signal: old, since: 2025-01-01}, violence_rising]\n' });
    const f = lint(r, '/w/a.fcs.yaml').filter((x) => x.ruleId === 'EW-REVIEW');
    assert.equal(f.length, 2, JSON.stringify(f.map((x) => x.message)));
    assert.match(f[0]!.message, /Ethiopia: election on 2027-01-10 \(general election\), in 43 days — within the 60-day/);
    assert.match(f[1]!.message, /India: new risk signal "internet_shutdown" since 2026-11-20/);
    const narrow = resolver({ '/w/.fcs-lint.yaml': 'early_warning: {window_days: 30}\nmarkets:\n  ETH:\n    upcoming_events: [{type: election, date: 2027-01-10}]\n' });
    assert.equal(lint(narrow, '/w/a.fcs.yaml').filter((x) => x.ruleId === 'EW-REVIEW').length, 0);
  });

  it('says the embedded list is stale after July (FY27 expected on 2026-11-28), not before', () => {
    assert.match(staleDataNotice(TEST_NOW) ?? '', /FY26 list is out of date.*FY27 is expected/);
    assert.equal(staleDataNotice(new Date('2026-03-01T00:00:00Z')), undefined);
  });
});

describe('safety', () => {
  it('bounds YAML alias expansion (billion laughs) in configs and checklists', () => {
    const lol = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lol.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const text = lol.join('\n') + '\n';
    assert.throws(() => toData(parseYamlSource(text).doc), /alias/i);
    const r = resolver({ '/y/.fcs-lint.yaml': text });
    const p = r.forFile('/y/a.fcs.yaml').problems;
    assert.equal(p.length, 1);
    assert.match(p[0]!.message, /alias/i);
  });
});
