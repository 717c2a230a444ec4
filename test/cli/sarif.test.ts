// SARIF output of the built CLI: valid against the official SARIF 2.1.0 schema, rule
// metadata with help and helpUri, relative URIs with uriBaseId, exact regions, and
// fingerprints that survive moved lines.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { ROOT, runCli } from '../helpers/runCli';
import { fixture, project } from './fixtures';

// The SARIF 2.1.0 schema (rtm.5, the OASIS final) as published by Microsoft in @microsoft/jest-sarif.
// It is a draft-04 schema; one of its patterns is only valid without the RegExp u flag.
const SCHEMA = path.join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as object);

function assertValidSarif(log: unknown): asserts log is Sarif.Log {
  const ok = validate(log);
  assert.ok(ok, `SARIF is invalid: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
}

function sarifOf(dir: string, file: string, extra: string[] = []): Sarif.Log {
  const r = runCli([file, '-f', 'sarif', ...extra], { cwd: dir });
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const log = JSON.parse(r.stdout) as unknown;
  assertValidSarif(log);
  return log;
}

describe('fcs-lint -f sarif', () => {
  it('the schema really rejects a broken log (the validator is armed)', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
    assert.equal(validate({ version: '2.0.0', runs: [] }), false);
  });

  it('validates against the SARIF 2.1.0 schema, with findings and with none', () => {
    const dir = project({ 'specs/conflict.fcs.yaml': '@conflict.fcs.yaml', 'specs/clean.fcs.yaml': '@clean.fcs.yaml' });
    const log = sarifOf(dir, 'specs/');
    assert.equal(log.version, '2.1.0');
    assert.ok(log.runs[0]!.results!.length >= 5);
    const clean = sarifOf(dir, 'specs/clean.fcs.yaml');
    assert.deepEqual(clean.runs[0]!.results, []);
  });

  it('carries rule metadata: title, why, prompts and mitigations in help, and a helpUri', () => {
    const dir = project({ 'conflict.fcs.yaml': '@conflict.fcs.yaml' });
    const log = sarifOf(dir, 'conflict.fcs.yaml', ['--docs-base-url', 'https://docs.example.org/fcs/rules']);
    const driver = log.runs[0]!.tool.driver;
    assert.equal(driver.name, 'fcs-lint');
    assert.match(driver.version!, /^\d+\.\d+\.\d+/);
    const ctx01 = driver.rules!.find((r) => r.id === 'CTX-01')!;
    assert.ok(ctx01.shortDescription!.text.length > 5);
    assert.equal(ctx01.helpUri, 'https://docs.example.org/fcs/rules/CTX-01.md');
    assert.match(ctx01.help!.text, /Due-diligence questions:\n- /);
    assert.match(ctx01.help!.markdown!, /\*\*Due-diligence questions\*\*/);
    assert.equal(ctx01.defaultConfiguration!.level, 'error');
    // Engine rules are in the catalogue too.
    assert.ok(driver.rules!.some((r) => r.id === 'SPEC-PARSE' && r.helpUri === 'https://docs.example.org/fcs/rules/SPEC-PARSE.md'));
    // Every result points at its rule by index.
    for (const res of log.runs[0]!.results!) assert.equal(driver.rules![res.ruleIndex!]!.id, res.ruleId);
  });

  it('defaults helpUri to the repository from package.json + /blob/main/docs/rules/ID.md', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } };
    const repo = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    const dir = project({ 'conflict.fcs.yaml': '@conflict.fcs.yaml' });
    const log = sarifOf(dir, 'conflict.fcs.yaml');
    const rule = log.runs[0]!.tool.driver.rules!.find((r) => r.id === 'CTX-01')!;
    assert.equal(rule.helpUri, `${repo}/blob/main/docs/rules/CTX-01.md`);
    assert.ok(fs.existsSync(path.join(ROOT, 'docs', 'rules', 'CTX-01.md')), 'the page the link names exists in the repository');
  });

  it('uses relative artifact URIs with uriBaseId SRCROOT and exact 1-based regions', () => {
    const dir = project({ 'specs/conflict.fcs.yaml': '@conflict.fcs.yaml' });
    const log = sarifOf(dir, 'specs/conflict.fcs.yaml');
    const run = log.runs[0]!;
    assert.equal(run.originalUriBaseIds!['SRCROOT']!.uri, `file://${fs.realpathSync(dir)}/`);
    const ctx01 = run.results!.find((r) => r.ruleId === 'CTX-01')!;
    const loc = ctx01.locations![0]!.physicalLocation!;
    assert.deepEqual(loc.artifactLocation, { uri: 'specs/conflict.fcs.yaml', uriBaseId: 'SRCROOT', index: 0 });
    // `  - country: SDN` is line 9; the value SDN spans columns 14–16.
    assert.deepEqual(loc.region, { startLine: 9, startColumn: 14, endLine: 9, endColumn: 17 });
    assert.equal(ctx01.level, 'error');
    assert.equal(ctx01.locations![0]!.logicalLocations![0]!.fullyQualifiedName, '/markets/0/country');
    assert.match(ctx01.partialFingerprints!['fcsFinding/v1']!, /^[0-9a-f]{64}$/);
    assert.equal(run.artifacts![0]!.location!.uri, 'specs/conflict.fcs.yaml');
  });

  it('keeps partial fingerprints stable when lines move, and distinct per finding', () => {
    const dir = project({ 'conflict.fcs.yaml': '@conflict.fcs.yaml' });
    const before = sarifOf(dir, 'conflict.fcs.yaml').runs[0]!.results!;
    fs.writeFileSync(path.join(dir, 'conflict.fcs.yaml'), '# moved down\n\n# by a comment block\n' + fixture('conflict.fcs.yaml'));
    const after = sarifOf(dir, 'conflict.fcs.yaml').runs[0]!.results!;
    const key = (r: Sarif.Result) => `${r.ruleId} ${r.partialFingerprints!['fcsFinding/v1']}`;
    assert.deepEqual(after.map(key).sort(), before.map(key).sort());
    const b = before.find((r) => r.ruleId === 'CTX-01')!;
    const a = after.find((r) => r.ruleId === 'CTX-01')!;
    assert.equal(a.locations![0]!.physicalLocation!.region!.startLine, b.locations![0]!.physicalLocation!.region!.startLine! + 3);
    const fps = before.map((r) => r.partialFingerprints!['fcsFinding/v1']);
    assert.equal(new Set(fps).size, fps.length);
  });

  it('the fingerprint changes when the finding changes (another file, another market)', () => {
    const dir = project({ 'a.fcs.yaml': '@conflict.fcs.yaml', 'b.fcs.yaml': fixture('conflict.fcs.yaml').replace('SDN', 'SOM').replace('[ar]', '[so]') });
    const log = sarifOf(dir, '.');
    const ctx = log.runs[0]!.results!.filter((r) => r.ruleId === 'CTX-01');
    assert.equal(ctx.length, 2);
    assert.notEqual(ctx[0]!.partialFingerprints!['fcsFinding/v1'], ctx[1]!.partialFingerprints!['fcsFinding/v1']);
  });

  it('records --stage and the data edition in run properties', () => {
    const dir = project({ 'early.fcs.yaml': '@early.fcs.yaml' });
    const log = sarifOf(dir, 'early.fcs.yaml', ['--stage', 'deployment']);
    assert.equal(log.runs[0]!.properties!['stage'], 'deployment');
    assert.match(String(log.runs[0]!.properties!['dataEdition']), /World Bank FCS/);
    assert.ok(log.runs[0]!.results!.length > 0);
  });
});
