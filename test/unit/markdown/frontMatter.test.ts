// The fcs: block of the front matter is a spec: same schema, same checklist, exact positions.
import assert from 'node:assert/strict';
import { detectKind } from '../../../server/src/engine/documentKind';
import { isLintableMarkdown, DEFAULT_PRD_GLOBS } from '../../../server/src/engine/markdown/detect';
import { lintSpec, posOf } from '../../helpers/lintText';
import { fixture, lintMd } from './helpers';

const SPEC = `spec_version: 1
feature:
  id: nearby
  name: Nearby
  lifecycle_stage: development
  functions: [fn.messaging]
markets:
  - country: SDN
    languages: [ar]
  - country: KEN
    languages: [en, sw]
  - country: XXX
data:
  - name: faces
    category: biometrics
    sensitivity: special
kill_switch:
  scope: [global]
dd_waivers:
  - rule: CTX-99
    reason: test
    approver: VP
    expires: 2026-01-01
`;

const indent = (s: string) =>
  s
    .split('\n')
    .map((l) => (l ? '  ' + l : l))
    .join('\n');

const asMarkdown = (spec: string) => `---
title: Nearby
status: Draft
fcs:
${indent(spec)}---

# Nearby

Plain text without capabilities.
`;

const key = (f: { ruleId: string; range: { start: { line: number; character: number } } }, dl = 0, dc = 0) => `${f.ruleId}@${f.range.start.line - dl}:${f.range.start.character - dc}`;

describe('Markdown PRDs: the fcs: front matter', () => {
  it('gives the same findings as the same spec in a .fcs.yaml file, shifted by where the block starts', () => {
    const yaml = lintSpec(SPEC).map((f) => key(f));
    const md = lintMd(asMarkdown(SPEC)).map((f) => key(f, 4, 2));
    assert.ok(yaml.length >= 8, yaml.join(' '));
    assert.deepEqual(md, yaml);
  });

  it('YAML comments in the front matter suppress its findings like in a .fcs.yaml file', () => {
    const plain = asMarkdown(SPEC);
    assert.ok(lintMd(plain).some((f) => f.ruleId === 'CTX-01'), 'CTX-01 fires without a directive');
    const directive = '# fcs-lint-disable-next-line CTX-01 -- reviewed with the Sudan country team';
    const suppressed = asMarkdown(SPEC.replace('  - country: SDN', `  ${directive}\n  - country: SDN`));
    const got = lintMd(suppressed);
    assert.ok(!got.some((f) => f.ruleId === 'CTX-01'), got.map((f) => f.ruleId).join(' '));
    assert.ok(!got.some((f) => f.ruleId === 'SUPPRESS-UNUSED'));
    // Without a reason: the finding stays suppressed, and the directive is reported where it is.
    const bare = asMarkdown(SPEC.replace('  - country: SDN', '  # fcs-lint-disable-next-line CTX-01\n  - country: SDN'));
    const noReason = lintMd(bare).find((f) => f.ruleId === 'SUPPRESS-NO-REASON');
    assert.deepEqual(noReason && { line: noReason.range.start.line + 1, column: noReason.range.start.character + 1 }, posOf(bare, '# fcs-lint-disable'));
    // A directive for a rule that does not fire there is unused.
    const unused = asMarkdown(SPEC.replace('  - country: KEN', '  # fcs-lint-disable-next-line CTX-01 -- not needed\n  - country: KEN'));
    assert.ok(lintMd(unused).some((f) => f.ruleId === 'SUPPRESS-UNUSED'));
    // In the prose, `#` starts a heading, not a comment: no directive there.
    const prose = asMarkdown(SPEC).replace('# Nearby', '# fcs-lint-disable-next-line CTX-01 -- a heading');
    assert.ok(lintMd(prose).some((f) => f.ruleId === 'CTX-01'));
  });

  it('lands findings on the exact value in the .md file', () => {
    const t = asMarkdown(SPEC);
    const f = lintMd(t).find((x) => x.ruleId === 'CTX-01')!;
    const p = posOf(t, 'SDN');
    assert.deepEqual({ line: f.range.start.line + 1, column: f.range.start.character + 1 }, p);
    assert.equal(f.range.end.character - f.range.start.character, 3);
    const unknown = lintMd(t).find((x) => x.ruleId === 'SPEC-COUNTRY')!;
    assert.deepEqual({ line: unknown.range.start.line + 1, column: unknown.range.start.character + 1 }, posOf(t, 'XXX'));
  });

  it('needs no spec_version or feature id/name: they default from the front matter title or id', () => {
    const t = `---\ntitle: Live location for couriers\nid: PRD-042\nfcs:\n  markets:\n    - country: KEN\n---\n\n# Live location\n`;
    const f = lintMd(t);
    assert.deepEqual(f.filter((x) => x.ruleId.startsWith('SPEC-')), []);
  });

  it('reports YAML errors in the block at their position, and still reads the prose', () => {
    const t = `---\ntitle: X\nfcs:\n  markets: [SDN\n---\n\nUsers can share their live location.\n`;
    const f = lintMd(t);
    const parse = f.filter((x) => x.ruleId === 'SPEC-PARSE');
    assert.ok(parse.length >= 1);
    assert.ok(parse[0]!.range.start.line >= 2 && parse[0]!.range.start.line <= 4, JSON.stringify(parse[0]!.range));
    assert.ok(f.some((x) => x.ruleId === 'PRD-LOC-02' && x.severity === 'low'));
  });

  it('schema problems in the block point at the key inside the .md file', () => {
    const t = `---\nfcs:\n  feature:\n    lifecycle_stag: design\n---\n`;
    const f = lintMd(t).find((x) => x.ruleId === 'SPEC-SCHEMA')!;
    assert.deepEqual({ line: f.range.start.line + 1, column: f.range.start.character + 1 }, posOf(t, 'lifecycle_stag'));
  });

  it('other front-matter keys (title, status, tags) are not the spec and are not checked', () => {
    const t = fixture('en/community-map.md');
    assert.deepEqual(lintMd(t).filter((x) => x.ruleId === 'SPEC-SCHEMA'), []);
  });

  it('fcs: true opts a file in without a spec: prose findings only, advisory', () => {
    const t = `---\ntitle: X\nfcs: true\n---\n\nWe add face recognition at sign-up.\n`;
    assert.equal(detectKind('file:///repo/docs/x.md', t), 'markdown');
    const f = lintMd(t, {}, 'file:///repo/docs/x.md');
    assert.deepEqual(f.map((x) => `${x.ruleId}:${x.severity}`), ['PRD-AI-01:low']);
  });
});

describe('Markdown PRDs: detection', () => {
  const withFcs = '---\ntitle: A\nfcs:\n  markets: []\n---\n# A\n';
  const withoutFcs = '---\ntitle: A\n---\n# A\n';

  it('content decides: an fcs: key in the front matter makes any .md file a PRD', () => {
    assert.equal(detectKind('file:///repo/notes/a.md', withFcs), 'markdown');
    assert.equal(detectKind('file:///repo/notes/a.md', withoutFcs), 'unknown');
    assert.equal(detectKind('file:///repo/notes/a.md', '# A\n\nfcs: not front matter\n'), 'unknown');
    assert.equal(detectKind('file:///repo/notes/a.txt', withFcs), 'unknown');
  });

  it('globs decide for files without fcs: (defaults prd/, prds/, rfcs/; configurable)', () => {
    assert.deepEqual([...DEFAULT_PRD_GLOBS], ['**/prd/**/*.md', '**/prds/**/*.md', '**/rfcs/**/*.md']);
    assert.equal(detectKind('file:///repo/docs/prd/a.md', withoutFcs), 'markdown');
    assert.equal(detectKind('file:///repo/rfcs/0001-x.md', '# RFC'), 'markdown');
    assert.equal(detectKind('file:///repo/specs/a.md', '# A', ['**/specs/*.md']), 'markdown');
    assert.equal(detectKind('file:///repo/docs/prd/a.md', '# A', []), 'unknown');
    assert.equal(detectKind('file:///C:/work/prds/a.md', '# A'), 'markdown');
  });

  it('isLintableMarkdown(path, text, globs) is what the CLI folder walk asks', () => {
    assert.equal(isLintableMarkdown('/repo/notes/a.md', withFcs, []), true);
    assert.equal(isLintableMarkdown('/repo/notes/a.md', withoutFcs, DEFAULT_PRD_GLOBS), false);
    assert.equal(isLintableMarkdown('/repo/prd/a.md', withoutFcs, DEFAULT_PRD_GLOBS), true);
    assert.equal(isLintableMarkdown('/repo/prd/a.fcs.yaml', withFcs, DEFAULT_PRD_GLOBS), false);
  });

  it('a glob-matched PRD without front matter gets prose findings only', () => {
    const f = lintMd('# Chat\n\nUsers can forward messages to many groups.\n', {}, 'file:///repo/docs/prd/chat.md');
    assert.deepEqual(f.map((x) => `${x.ruleId}:${x.severity}`), ['PRD-COMM-01:low']);
    assert.match(f[0]!.message, /No fcs: block/);
  });
});
