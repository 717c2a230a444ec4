// "Add an FCS exclusion to this flag's targeting" over LSP: for each supported flag format the
// action is offered on FLAG-02/FLAG-03, its edit is applied to the text, and re-linting the
// result shows the same format, no parse errors and no FLAG-02/FLAG-03 left on the flag; what the
// flag had (rules, rollouts, strategies) is still there, and the fix is not offered again.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { currentEdition } from '../../server/src/engine/contexts/fcsList';
import { detectFlagFormat } from '../../server/src/engine/formats/readFlags';
import { parseYamlSource } from '../../server/src/engine/parse/yamlSource';
import { parse as parseYaml } from 'yaml';
import type { LspTestClient } from '../helpers/lspClient';
import { applyTextEdits, editsOf, startEditClients } from './support';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'flags', name), 'utf8');
const TITLE = /^Serve .+ in FCS countries \(World Bank FCS FY\d+, \d+ countries\) — add an exclusion rule$/;
const data = (d: Diagnostic) => d.data as { ruleId: string; pointer: string };

async function actionsFor(client: LspTestClient, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
}

type Data = Record<string, unknown>;
const rec = (v: unknown): Data => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Data) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const dig = (v: unknown, ...path: (string | number)[]): unknown => path.reduce<unknown>((x, k) => (typeof k === 'number' ? list(x)[k] : rec(x)[k]), v);
const strip = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown;

/** Flipt: the segment the fix adds (country isoneof the codes) and the flag's rules/rollouts, new one first. */
function fliptChecks(flagIndex: number, expect: { property: string; list: boolean; ranks?: number[] }) {
  return (before: unknown, after: unknown) => {
    const seg = list(dig(after, 'segments')).map(rec).find((x) => x['key'] === 'fcs-excluded-countries');
    assert.ok(seg, 'segment fcs-excluded-countries added');
    assert.equal(seg['match_type'], 'ANY_MATCH_TYPE');
    const c = rec(list(seg['constraints'])[0]);
    assert.equal(c['property'], expect.property);
    assert.equal(c['operator'], 'isoneof');
    const values = expect.list ? c['value'] : JSON.parse(String(c['value']));
    assert.ok(Array.isArray(values) && values.length > 30, `isoneof ${expect.list ? 'list (Flipt 1.6)' : 'JSON array string (before 1.6)'}: ${JSON.stringify(c['value']).slice(0, 60)}`);
    // Every segment of the file is still there.
    for (const s of list(dig(before, 'segments'))) assert.ok(list(dig(after, 'segments')).some((x) => JSON.stringify(x) === JSON.stringify(s)), `segment kept: ${JSON.stringify(s).slice(0, 60)}`);
    const flagBefore = rec(dig(before, 'flags', flagIndex));
    const flagAfter = rec(dig(after, 'flags', flagIndex));
    if (flagBefore['type'] === 'BOOLEAN_FLAG_TYPE') {
      assert.deepEqual(dig(flagAfter, 'rollouts', 0), { segment: { key: 'fcs-excluded-countries', value: false } });
      assert.deepEqual(list(flagAfter['rollouts']).slice(1), list(flagBefore['rollouts']), 'the rollouts follow, unchanged');
    } else {
      const rules = list(flagAfter['rules']).map(rec);
      assert.equal(rules[0]!['segment'], 'fcs-excluded-countries');
      assert.equal(rules.length, list(flagBefore['rules']).length + 1);
      const withoutRank = (r: unknown) => Object.fromEntries(Object.entries(rec(r)).filter(([k]) => k !== 'rank'));
      assert.deepEqual(rules.slice(1).map(withoutRank), list(flagBefore['rules']).map(withoutRank), 'the rules follow, unchanged');
      if (expect.ranks) assert.deepEqual(rules.map((r) => r['rank']), expect.ranks, 'ranks stay unique, the new rule first');
    }
  };
}

/** Unleash: every strategy of the flag (in `strategies` or the export's featureStrategies) gets country NOT_IN the codes. */
function unleashChecks(name: string, expect: { contextName: string; added?: Data }) {
  return (before: unknown, after: unknown) => {
    const strategiesOf = (d: unknown) => {
      const f = list(dig(d, 'features')).map(rec).find((x) => x['name'] === name)!;
      return Array.isArray(f['strategies']) ? f['strategies'].map(rec) : list(dig(d, 'featureStrategies')).map(rec).filter((x) => x['featureName'] === name);
    };
    const b = strategiesOf(before);
    const a = strategiesOf(after);
    assert.equal(a.length, Math.max(1, b.length), 'one strategy per strategy (one default strategy when there were none)');
    for (const s of a) {
      const ex = list(s['constraints']).map(rec).find((c) => c['operator'] === 'NOT_IN');
      assert.ok(ex, `strategy ${String(s['name'])} excludes the countries`);
      assert.equal(ex['contextName'], expect.contextName);
      assert.ok(list(ex['values']).length > 30);
    }
    if (b.length === 0) assert.deepEqual(Object.fromEntries(Object.entries(a[0]!).filter(([k]) => k !== 'constraints')), expect.added ?? { name: 'default', parameters: {} });
    // What each strategy had is still there.
    const added = (c: unknown) => rec(c)['operator'] === 'NOT_IN' && list(rec(c)['values']).length > 30;
    b.forEach((s, i) => assert.deepEqual(strip({ ...a[i]!, constraints: list(a[i]!['constraints']).filter((c) => !added(c)) }), strip({ ...s, constraints: list(s['constraints']) })));
  };
}

interface Case {
  file: string;
  format: string;
  flag: string;
  variant: string;
  json: boolean;
  insertOnly: boolean;
  /** Codes the fixed text must contain (the file's own code form). */
  codes?: string[];
  /** Lines the fix rewrites (renumbered ranks): left out of the "every line kept in order" check. */
  rewrites?: RegExp;
  check?: (before: unknown, after: unknown) => void;
}

const CASES: Case[] = [
  { file: 'nearby.flagd.json', format: 'flagd', flag: '/flags/nearby-people', variant: '"off"', json: true, insertOnly: false },
  { file: 'flags.goff.yaml', format: 'goff', flag: '/msg.forward_v2', variant: '"disabled"', json: false, insertOnly: true },
  { file: 'launchdarkly-flags.json', format: 'launchdarkly', flag: '/flags/maps-heatmap', variant: 'false (variation 0)', json: true, insertOnly: true },
  // Flipt 1.4: isoneof values are a JSON array string; rules without ranks (order is rank).
  { file: 'features.yml', format: 'flipt', flag: '/flags/1', variant: '"disabled"', json: false, insertOnly: false, check: fliptChecks(1, { property: 'country', list: false }) },
  // A disabled Flipt BOOLEAN flag still evaluates its rollouts: the exclusion is a first rollout.
  { file: 'features.yml', format: 'flipt', flag: '/flags/0', variant: 'false', json: false, insertOnly: false, check: fliptChecks(0, { property: 'country', list: false }) },
  // Flipt 1.6: a list; alpha-3 codes and the file's country property; explicit ranks renumbered.
  { file: 'flipt-ranked.features.yaml', format: 'flipt', flag: '/flags/0', variant: '"off"', json: false, insertOnly: false, codes: ['"SDN"', '"AFG"'], rewrites: /^\s*rank:/, check: fliptChecks(0, { property: 'country_code', list: true, ranks: [1, 2, 3] }) },
  { file: 'flipt-ranked.features.yaml', format: 'flipt', flag: '/flags/1', variant: 'false', json: false, insertOnly: false, codes: ['"SDN"', '"AFG"'], check: fliptChecks(1, { property: 'country_code', list: true }) },
  { file: 'unleash-features.json', format: 'unleash', flag: '/features/0', variant: '"disabled"', json: true, insertOnly: false, check: unleashChecks('payments.wallet', { contextName: 'country' }) },
  // v4.22 export: strategies in featureStrategies (FLAG-03 lands there), every environment's.
  { file: 'unleash-export.json', format: 'unleash', flag: '/features/0', variant: '"disabled"', json: true, insertOnly: false, rewrites: /"constraints": \[/, check: unleashChecks('location.live-share', { contextName: 'country' }) },
  // No strategies: on for everyone, so a default strategy with the exclusion, for the evaluated environment.
  { file: 'unleash-export.json', format: 'unleash', flag: '/features/1', variant: '"disabled"', json: true, insertOnly: true, check: unleashChecks('payments.topup', { contextName: 'country', added: { featureName: 'payments.topup', environment: 'production', name: 'default', parameters: {} } }) },
  // Legacy state export in YAML, alpha-3 (a custom country strategy), block style kept.
  { file: 'unleash-state.yml', format: 'unleash', flag: '/features/1', variant: '"disabled"', json: false, insertOnly: false, codes: ['"SDN"', '"AFG"'], check: unleashChecks('chat.forward-many', { contextName: 'country' }) },
  { file: 'unleash-state.yml', format: 'unleash', flag: '/features/0', variant: '"disabled"', json: false, insertOnly: false, rewrites: /strategies: \[\]/, codes: ['"SDN"', '"AFG"'], check: unleashChecks('location.nearby', { contextName: 'country' }) },
];

describe('code action: add an FCS exclusion to a flag', function () {
  this.timeout(60_000);
  let plain: LspTestClient;
  let snippets: LspTestClient;
  let n = 0;
  before(async () => ({ plain, snippets } = await startEditClients()));
  after(async () => {
    await plain.shutdown();
    await snippets.shutdown();
  });

  for (const c of CASES) {
    it(`${c.format}: the exclusion removes FLAG-02/FLAG-03 of ${c.flag} in ${c.file} and keeps the file's format`, async () => {
      const text = fixture(c.file);
      const uri = `file:///ws/${++n}-${c.file}`;
      plain.open(uri, text);
      snippets.open(uri, text);
      const { diagnostics } = await plain.diagnostics(uri);
      const onFlag = (ds: Diagnostic[], ids: string[]) => ds.filter((d) => ids.includes(data(d).ruleId) && (data(d).pointer === c.flag || data(d).pointer.startsWith(c.flag + '/')));
      const targets = onFlag(diagnostics, ['FLAG-02', 'FLAG-03']);
      assert.ok(targets.some((d) => data(d).ruleId === 'FLAG-02'), `FLAG-02 on ${c.flag} expected before the fix`);
      let after: string | undefined;
      for (const d of targets) {
        const actions = await actionsFor(plain, uri, d);
        const a = actions.find((x) => TITLE.test(x.title));
        assert.ok(a, `no exclusion action for ${data(d).ruleId}: ${actions.map((x) => x.title).join(' | ')}`);
        assert.ok(a.title.startsWith(`Serve ${c.variant} in FCS countries (World Bank FCS ${currentEdition().edition}, ${currentEdition().conflict.length + currentEdition().fragility.length} countries)`), a.title);
        const edits = editsOf(a.edit, uri);
        assert.equal(edits.length, 1);
        if (c.insertOnly) assert.deepEqual(edits[0]!.range.start, edits[0]!.range.end, 'an insertion, not a rewrite');
        const result = applyTextEdits(text, edits);
        after ??= result;
        assert.equal(result, after, 'the same edit whichever finding it is offered on');
        const twin = (await actionsFor(snippets, uri, d)).find((x) => x.title === a.title);
        assert.ok(twin, 'offered in snippet mode too');
        assert.equal(applyTextEdits(text, editsOf(twin.edit, uri)), after, 'snippet and plain edits insert the same text');
      }
      const fixed = after!;
      // Same format, parses cleanly, JSON stays JSON; what the user wrote is still there in order.
      assert.equal(detectFlagFormat(fixed), c.format);
      assert.deepEqual(parseYamlSource(fixed).errors, []);
      if (c.json) assert.doesNotThrow(() => JSON.parse(fixed));
      let at = 0;
      for (const line of text.split('\n')) {
        if (c.rewrites?.test(line)) continue;
        const i = fixed.indexOf(c.insertOnly ? line : line.trim(), at);
        assert.ok(i >= 0, `lost line: ${line}`);
        at = i;
      }
      for (const code of c.codes ?? ['"SD"', '"AF"']) assert.ok(fixed.includes(code), `${code}: the FCS list in the file's code form`);
      c.check?.(parseYaml(text), parseYaml(fixed));
      // Re-lint through the server.
      const uri2 = `file:///ws/fixed-${++n}-${c.file}`;
      plain.open(uri2, fixed);
      const relinted = (await plain.diagnostics(uri2)).diagnostics;
      assert.deepEqual(onFlag(relinted, ['FLAG-02', 'FLAG-03', 'SPEC-PARSE']).map((d) => `${data(d).ruleId} ${data(d).pointer}: ${d.message}`), []);
      assert.ok(relinted.every((d) => data(d).ruleId !== 'SPEC-PARSE'));
      // The flag is excluded now: asked again (the finding as it was), the fix is not offered.
      for (const d of targets) assert.ok(!(await actionsFor(plain, uri2, d)).some((a) => TITLE.test(a.title)), `offered again for ${data(d).ruleId} on the fixed file`);
    });
  }

  it('is not offered on a flag that is switched off (its targeting is not evaluated)', async () => {
    const text = fixture('launchdarkly-flags.json');
    const uri = 'file:///ws/off-launchdarkly-flags.json';
    plain.open(uri, text);
    const { diagnostics } = await plain.diagnostics(uri);
    const d = diagnostics.find((x) => data(x).ruleId === 'FLAG-02' && data(x).pointer === '/flags/contacts-sync');
    assert.ok(d);
    assert.ok(!(await actionsFor(plain, uri, d)).some((a) => TITLE.test(a.title)));
  });

  /** A finding as the server would send it, moved to another flag (to ask for a fix where none fires). */
  const moved = (d: Diagnostic, pointer: string): Diagnostic => ({ ...d, data: { ...(d.data as object), ruleId: 'FLAG-02', pointer } });

  it('Flipt and Unleash: not offered on a switched-off flag or on one that serves nothing "on" in FCS countries', async () => {
    const inline = [
      'version: "1.4"',
      'flags:',
      '  - key: live_location',
      '    name: Live location',
      '    type: VARIANT_FLAG_TYPE',
      '    enabled: false # a disabled VARIANT flag matches nobody',
      '    variants:',
      '      - key: on',
      '      - key: off',
      '    rules:',
      '      - segment: everyone',
      '        distributions:',
      '          - variant: on',
      '            rollout: 100',
      '  - key: location_pins',
      '    name: Location pins',
      '    enabled: true',
      '    variants:',
      '      - key: on',
      '      - key: off',
      '    rules:',
      '      - segment: everyone',
      '        distributions:',
      '          - variant: on',
      '            rollout: 100',
      'segments:',
      '  - key: everyone',
      '    name: Everyone',
      '    match_type: ALL_MATCH_TYPE',
      '    constraints: []',
      '',
    ].join('\n');
    const cases: { name: string; text: string; flag: string }[] = [
      { name: 'unleash-features.json', text: fixture('unleash-features.json'), flag: '/features/1' }, // dark-mode: enabled: false
      { name: 'unleash-export.json', text: fixture('unleash-export.json'), flag: '/features/2' }, // ui.dark-mode: DE and FR only
      { name: 'inline.features.yml', text: inline, flag: '/flags/0' }, // disabled VARIANT flag
    ];
    for (const c of cases) {
      const uri = `file:///ws/not-${++n}-${c.name}`;
      plain.open(uri, c.text);
      const { diagnostics } = await plain.diagnostics(uri);
      assert.deepEqual(diagnostics.filter((d) => ['FLAG-02', 'FLAG-03'].includes(data(d).ruleId) && (data(d).pointer === c.flag || data(d).pointer.startsWith(c.flag + '/'))).map((d) => d.message), [], `${c.name}: no FCS finding on ${c.flag}`);
      const any = diagnostics.find((d) => ['FLAG-02', 'FLAG-03'].includes(data(d).ruleId));
      assert.ok(any, `${c.name}: some other flag has a finding`);
      // The fix is offered on that other flag's finding, but not when asked about this flag.
      assert.ok((await actionsFor(plain, uri, any)).some((a) => TITLE.test(a.title)), `${c.name}: offered on ${data(any).pointer}`);
      assert.ok(!(await actionsFor(plain, uri, moved(any, c.flag))).some((a) => TITLE.test(a.title)), `${c.name}: not offered on ${c.flag}`);
    }
  });

  it('Flipt: a second flag reuses the segment the first fix added', async () => {
    let text = fixture('features.yml');
    for (const flag of ['/flags/1', '/flags/0']) {
      const uri = `file:///ws/reuse-${++n}-features.yml`;
      plain.open(uri, text);
      const d = (await plain.diagnostics(uri)).diagnostics.find((x) => data(x).ruleId === 'FLAG-02' && data(x).pointer === flag);
      assert.ok(d, `FLAG-02 on ${flag}`);
      const a = (await actionsFor(plain, uri, d)).find((x) => TITLE.test(x.title));
      assert.ok(a, `offered on ${flag}`);
      text = applyTextEdits(text, editsOf(a.edit, uri));
    }
    const doc = parseYaml(text) as unknown;
    assert.equal(list(dig(doc, 'segments')).filter((s) => rec(s)['key'] === 'fcs-excluded-countries').length, 1, 'one exclusion segment');
    assert.equal(dig(doc, 'flags', 0, 'rollouts', 0, 'segment', 'key'), 'fcs-excluded-countries');
    assert.equal(dig(doc, 'flags', 1, 'rules', 0, 'segment'), 'fcs-excluded-countries');
    const uri = `file:///ws/reuse-${++n}-features.yml`;
    plain.open(uri, text);
    const left = (await plain.diagnostics(uri)).diagnostics.filter((x) => ['FLAG-02', 'FLAG-03', 'SPEC-PARSE'].includes(data(x).ruleId));
    assert.deepEqual(left.map((x) => `${data(x).ruleId} ${data(x).pointer}`), []);
  });

  it('adds a targeting rule when the GO Feature Flag flag has none, in alpha-3 when the file uses alpha-3', async () => {
    const text = [
      '# comment kept',
      'chat.location_share:',
      '  variations:',
      '    on: true',
      '    off: false',
      '  defaultRule:',
      '    variation: "on"',
      'other-flag:',
      '  variations: {a: true, b: false}',
      '  targeting:',
      '    - query: country in ["ETH"]',
      '      variation: b',
      '  defaultRule: {variation: a}',
      '',
    ].join('\n');
    const uri = 'file:///ws/new.goff.yaml';
    plain.open(uri, text);
    const { diagnostics } = await plain.diagnostics(uri);
    const d = diagnostics.find((x) => data(x).ruleId === 'FLAG-02' && data(x).pointer === '/chat.location_share');
    assert.ok(d, diagnostics.map((x) => `${data(x).ruleId} ${data(x).pointer}`).join('\n'));
    const a = (await actionsFor(plain, uri, d)).find((x) => TITLE.test(x.title));
    assert.ok(a);
    const fixed = applyTextEdits(text, editsOf(a.edit, uri));
    assert.match(fixed, /targeting:\n\s+- name: fcs-exclusion\n\s+query: .*"SDN"/);
    assert.ok(fixed.startsWith('# comment kept\n'));
    assert.equal(detectFlagFormat(fixed), 'goff');
    const uri2 = 'file:///ws/new-fixed.goff.yaml';
    plain.open(uri2, fixed);
    const relinted = (await plain.diagnostics(uri2)).diagnostics;
    assert.deepEqual(relinted.filter((x) => ['FLAG-02', 'FLAG-03', 'SPEC-PARSE'].includes(data(x).ruleId) && data(x).pointer.startsWith('/chat.location_share')).map((x) => x.message), []);
  });
});
