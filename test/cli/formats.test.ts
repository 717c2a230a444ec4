// JUnit, GitHub annotations, Markdown, stylish colour and several outputs in one run,
// from the built CLI as a process.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { runCli } from '../helpers/runCli';
import { project } from './fixtures';

function parseXml(text: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(text, 'text/xml');
  assert.deepEqual(errors, [], 'well-formed XML');
  return doc;
}

function elements(parent: { getElementsByTagName(n: string): ArrayLike<Element> }, name: string): Element[] {
  return Array.from(parent.getElementsByTagName(name));
}

describe('fcs-lint -f junit', () => {
  it('writes one testsuite per file, a failure per open finding and a passing case for a clean file', () => {
    const dir = project({ 'specs/conflict.fcs.yaml': '@conflict.fcs.yaml', 'specs/clean.fcs.yaml': '@clean.fcs.yaml' });
    const r = runCli(['specs/', '-f', 'junit'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    const doc = parseXml(r.stdout);
    const root = doc.documentElement!;
    assert.equal(root.tagName, 'testsuites');
    const suites = elements(root, 'testsuite');
    assert.deepEqual(suites.map((s) => s.getAttribute('name')), ['specs/clean.fcs.yaml', 'specs/conflict.fcs.yaml']);
    const [clean, conflict] = suites as [Element, Element];
    assert.equal(clean.getAttribute('failures'), '0');
    assert.equal(elements(clean, 'testcase').length, 1);
    assert.equal(elements(clean, 'failure').length, 0);
    const failures = elements(conflict, 'failure');
    assert.equal(conflict.getAttribute('failures'), String(failures.length));
    assert.equal(root.getAttribute('failures'), String(failures.length));
    assert.equal(root.getAttribute('tests'), String(1 + elements(conflict, 'testcase').length));
    const ctx = failures.find((f) => f.getAttribute('type') === 'CTX-01')!;
    assert.match(ctx.getAttribute('message')!, /^blocker: Sudan is listed as conflict/);
    assert.match(ctx.textContent!, /at specs\/conflict\.fcs\.yaml:9:14 \(\/markets\/0\/country\)/);
    assert.match(ctx.textContent!, /Due-diligence questions:\n- /);
    const tc = ctx.parentNode as Element;
    assert.equal(tc.getAttribute('name'), 'CTX-01 9:14 /markets/0/country');
    assert.equal(tc.getAttribute('file'), 'specs/conflict.fcs.yaml');
    assert.equal(tc.getAttribute('line'), '9');
  });

  it('escapes XML special characters in messages', () => {
    const dir = project({ 'odd.fcs.yaml': '@odd-country.fcs.yaml' });
    fs.writeFileSync(path.join(dir, 'odd.fcs.yaml'), fs.readFileSync(path.join(dir, 'odd.fcs.yaml'), 'utf8').replace('X%,:Y', `<&'>`));
    const r = runCli(['odd.fcs.yaml', '-f', 'junit'], { cwd: dir });
    const doc = parseXml(r.stdout);
    const msgs = elements(doc, 'failure').map((f) => f.getAttribute('message'));
    assert.ok(msgs.some((m) => m!.includes(`'<&'>'`)), msgs.join('\n'));
  });
});

describe('fcs-lint -f github', () => {
  it('prints one workflow-command annotation per finding with position, end and title', () => {
    const dir = project({ 'specs/conflict.fcs.yaml': '@conflict.fcs.yaml', 'two.fcs.yaml': '@two-docs.fcs.yaml' });
    const r = runCli(['specs/conflict.fcs.yaml', 'two.fcs.yaml', '-f', 'github'], { cwd: dir });
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    const ctx = lines.find((l) => l.includes('title=CTX-01'))!;
    assert.ok(
      ctx.startsWith('::error file=specs/conflict.fcs.yaml,line=9,col=14,endLine=9,endColumn=17,title=CTX-01::Sudan is listed as conflict, and no conflict analysis covers it.'),
      ctx,
    );
    // Due-diligence questions follow on new lines, encoded as %0A; the line itself has no raw newline.
    assert.match(ctx, /\(World Bank FCS FY\d+\)%0A- [^\n]+\?/);
    assert.ok(lines.includes('::warning file=two.fcs.yaml,line=11,col=1,endLine=11,endColumn=16,title=SPEC-MULTIDOC::This file holds 2 YAML documents; only the first is checked.%0A- Move each feature into its own *.fcs.yaml file.'), lines.join('\n'));
    assert.match(lines[lines.length - 1]!, /^fcs-lint: 7 findings \(2 blocker, 4 high, 1 medium\) in 2 files/);
  });

  it('escapes %, CR/LF in the message and also , and : in properties', () => {
    const dir = project({ 'a,b:c.fcs.yaml': '@odd-country.fcs.yaml' });
    const r = runCli(['a,b:c.fcs.yaml', '-f', 'github'], { cwd: dir });
    const line = r.stdout.split('\n').find((l) => l.includes('title=SPEC-COUNTRY'))!;
    assert.equal(
      line,
      "::error file=a%2Cb%3Ac.fcs.yaml,line=8,col=14,endLine=8,endColumn=21,title=SPEC-COUNTRY::Unknown country code 'X%25,:Y'. Use an ISO 3166-1 alpha-3 or alpha-2 code.%0A- Use an ISO 3166-1 alpha-3 (ETH) or alpha-2 (ET) code, and ISO 3166-2 codes (ET-TI) for regions.",
    );
  });

  it('says "no findings" for the rules evaluated on a clean run', () => {
    const dir = project({ 'clean.fcs.yaml': '@clean.fcs.yaml' });
    const r = runCli(['clean.fcs.yaml', '-f', 'github'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, 'fcs-lint: no findings in 1 file for the rules and data evaluated (World Bank FCS FY26).\n');
  });
});

describe('fcs-lint -f markdown', () => {
  it('writes a pull-request summary: headline, a table with rule links, and the questions', () => {
    const dir = project({ 'conflict.fcs.yaml': '@conflict.fcs.yaml' });
    const r = runCli(['conflict.fcs.yaml', '-f', 'markdown', '--docs-base-url', 'https://docs.example.org/rules/'], { cwd: dir });
    assert.equal(r.code, 1);
    const md = r.stdout;
    assert.match(md, /^## fcs-lint: 6 findings \(2 blocker, 4 high\) in 1 file\n/);
    assert.match(md, /^\| Severity \| Rule \| Location \| Finding \|$/m);
    assert.match(md, /^\| blocker \| \[CTX-01\]\(https:\/\/docs\.example\.org\/rules\/CTX-01\.md\) \| `conflict\.fcs\.yaml:9:14` \| Sudan is listed as conflict[^|\n]*\|$/m);
    assert.match(md, /<details><summary>Due-diligence questions<\/summary>/);
    assert.match(md, /^\*\*CTX-01: [^*]+\*\*$/m);
    // Every table row has exactly four cells (pipes in text would break it).
    for (const row of md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'))) assert.equal(row.split(/(?<!\\)\|/).length, 6, row);
  });

  it('never says "safe" when there are no findings, and names the stage', () => {
    const dir = project({ 'clean.fcs.yaml': '@clean.fcs.yaml' });
    const r = runCli(['clean.fcs.yaml', '-f', 'markdown', '--stage', 'ideation'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^## fcs-lint: no findings\n\nNo findings in 1 file for the rules and data evaluated \(World Bank FCS FY\d+, evaluated as if at stage \*\*ideation\*\*\)\. Not being flagged does not make a feature safe\.\n$/);
  });
});

describe('fcs-lint stylish colour', () => {
  it('has no escape codes off a terminal or with NO_COLOR, and colours with --color', () => {
    const dir = project({ 'conflict.fcs.yaml': '@conflict.fcs.yaml' });
    const plain = runCli(['conflict.fcs.yaml'], { cwd: dir, env: { NO_COLOR: '' } });
    assert.doesNotMatch(plain.stdout, /\x1b\[/);
    const forced = runCli(['conflict.fcs.yaml', '--color'], { cwd: dir });
    assert.match(forced.stdout, /\x1b\[1;31mblocker/);
    const off = runCli(['conflict.fcs.yaml', '--no-color'], { cwd: dir });
    assert.doesNotMatch(off.stdout, /\x1b\[/);
    const both = runCli(['conflict.fcs.yaml', '--color', '--no-color'], { cwd: dir });
    assert.equal(both.code, 2);
  });
});

describe('fcs-lint several outputs in one run', () => {
  it('-f stylish -f sarif -o F -f junit -o G: stylish on stdout, the others in files', () => {
    const dir = project({ 'conflict.fcs.yaml': '@conflict.fcs.yaml' });
    const r = runCli(['conflict.fcs.yaml', '-f', 'stylish', '-f', 'sarif', '-o', 'out/fcs.sarif', '-f', 'junit', '-o', 'fcs.xml'], { cwd: dir });
    assert.equal(r.code, 2, 'out/ does not exist: a write error is a tool error');
    assert.match(r.stderr, /cannot write out\/fcs\.sarif: ENOENT/);
    fs.mkdirSync(path.join(dir, 'out'));
    const ok = runCli(['conflict.fcs.yaml', '-f', 'stylish', '-f', 'sarif', '-o', 'out/fcs.sarif', '-f', 'junit', '-o', 'fcs.xml'], { cwd: dir });
    assert.equal(ok.code, 1, ok.stderr);
    assert.match(ok.stdout, /conflict\.fcs\.yaml:9:14 {2}blocker/);
    assert.equal((JSON.parse(fs.readFileSync(path.join(dir, 'out', 'fcs.sarif'), 'utf8')) as { version: string }).version, '2.1.0');
    assert.match(fs.readFileSync(path.join(dir, 'fcs.xml'), 'utf8'), /^<\?xml/);
    // Atomic writes leave no temporary files behind.
    assert.deepEqual(fs.readdirSync(path.join(dir, 'out')), ['fcs.sarif']);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['conflict.fcs.yaml', 'fcs.xml', 'out']);
  });

  it('replaces an existing output file whole, and a lone -o writes stylish to a file', () => {
    const dir = project({ 'clean.fcs.yaml': '@clean.fcs.yaml', 'report.txt': 'old content that is longer than the new one '.repeat(50) });
    const r = runCli(['clean.fcs.yaml', '-o', 'report.txt'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    assert.match(fs.readFileSync(path.join(dir, 'report.txt'), 'utf8'), /^No findings in 1 file/);
  });

  it('rejects ambiguous output grammar with exit 2', () => {
    const dir = project({ 'clean.fcs.yaml': '@clean.fcs.yaml' });
    const twoStdout = runCli(['clean.fcs.yaml', '-f', 'json', '-f', 'sarif'], { cwd: dir });
    assert.equal(twoStdout.code, 2);
    assert.match(twoStdout.stderr, /Only one format can go to stdout, got json and sarif/);
    const twoO = runCli(['clean.fcs.yaml', '-f', 'json', '-o', 'a.json', '-o', 'b.json'], { cwd: dir });
    assert.equal(twoO.code, 2);
    assert.match(twoO.stderr, /already writes to a\.json/);
    const early = runCli(['clean.fcs.yaml', '-o', 'a.json', '-f', 'json'], { cwd: dir });
    assert.equal(early.code, 2);
    assert.match(early.stderr, /comes before any -f/);
    const same = runCli(['clean.fcs.yaml', '-f', 'json', '-o', 'a', '-f', 'sarif', '-o', 'a'], { cwd: dir });
    assert.equal(same.code, 2);
    assert.match(same.stderr, /Two outputs write to a/);
  });
});
