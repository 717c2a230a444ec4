// Unit tests of the pure pieces behind the editor features: YAML insertion, snippet rendering,
// suppression comments, schema navigation.
import assert from 'node:assert/strict';
import { parseYamlSource } from '../../server/src/engine/parse/yamlSource';
import { schemaAt, isCountryField, isRuleField } from '../../server/src/lsp/schemaNav';
import { commentSyntaxFor, disableNextLine } from '../../server/src/lsp/suppressComment';
import { insertAt, detectStyle } from '../../server/src/lsp/yaml/insert';
import { placeholder, render } from '../../server/src/lsp/yaml/render';
import { resolveSnippet } from './support';

function apply(text: string, path: (string | number)[], value: unknown, comments?: Record<string, string>): string {
  const c = insertAt(parseYamlSource(text), path, value, comments);
  assert.ok(c, 'no change');
  const out = text.slice(0, c.start) + c.text + text.slice(c.end);
  assert.equal(parseYamlSource(out).errors.length, 0, out);
  assert.equal(text.slice(0, c.start) + resolveSnippet(c.snippet) + text.slice(c.end), out, 'snippet defaults = plain text');
  return out;
}

describe('YAML insertion (minimal edits from the syntax tree)', () => {
  it('adds a key to a block map after its last entry, keeping comments', () => {
    assert.equal(apply('a:\n  b: 1 # keep\n# after\nc: 2\n', ['a', 'x'], 'y'), 'a:\n  b: 1 # keep\n  x: y\n# after\nc: 2\n');
  });
  it('fills an empty value and one with only a comment', () => {
    assert.equal(apply('k:\nz: 1\n', ['k', 'x'], 1), 'k:\n  x: 1\nz: 1\n');
    assert.equal(apply('k: # later\nz: 1\n', ['k', 'x'], 1), 'k: # later\n  x: 1\nz: 1\n');
    assert.equal(apply('k: null # c\n', ['k'], 1), 'k: 1 # c\n');
  });
  it('writes into flow collections in flow style', () => {
    assert.equal(apply('m: {}  # none\n', ['m', 'K'], { a: '' }), 'm: {K: {a: ""}}  # none\n');
    assert.equal(apply('m: { x: 1 }\n', ['m', 'K'], 2), 'm: { x: 1, K: 2 }\n');
    assert.equal(apply('l: [a]\n', ['l', '-'], 'b'), 'l: [a, b]\n');
  });
  it('appends sequence items at the existing dash column', () => {
    assert.equal(apply('s:\n- a: 1\nt: 2\n', ['s', '-'], { a: 2 }), 's:\n- a: 1\n- a: 2\nt: 2\n');
    assert.equal(apply('s:\n    - a: 1\n', ['s', '-'], { a: 2 }), 's:\n    - a: 1\n    - a: 2\n');
  });
  it('adds the missing keys of an existing map only', () => {
    assert.equal(apply('k:\n  a: 1\n', ['k'], { a: 9, b: 2 }), 'k:\n  a: 1\n  b: 2\n');
    assert.equal(insertAt(parseYamlSource('k:\n  a: 1\n'), ['k'], { a: 9 }), undefined);
  });
  it('adds a top-level section with a blank line, also without a final newline or content', () => {
    assert.equal(apply('a: 1', ['b'], { c: 1 }), 'a: 1\n\nb:\n  c: 1\n');
    assert.equal(apply('# only a comment\n', ['b'], 1), '# only a comment\nb: 1\n');
  });
  it('never writes through a scalar that has a value', () => {
    assert.equal(insertAt(parseYamlSource('a: text\n'), ['a', 'b'], 1), undefined);
  });
  it('detects indentation and sequence style', () => {
    assert.deepEqual(detectStyle(parseYamlSource('a:\n    b: 1\nl:\n- x\n')), { indent: 4, indentSeq: false });
    assert.deepEqual(detectStyle(parseYamlSource('a: 1\n')), { indent: 2, indentSeq: true });
  });
  it('puts comments before keys, addressed from the document root', () => {
    const out = apply('x: 1\n', ['dd', 'R-1'], { answer: placeholder('') }, { 'dd.R-1.answer': 'Q: why?\nQ: who?' });
    assert.equal(out, 'x: 1\n\ndd:\n  R-1:\n    # Q: why?\n    # Q: who?\n    answer: ""\n');
  });
});

describe('snippet rendering', () => {
  it('turns placeholders into tab stops and choices, escaping literal text', () => {
    const r = render({ price: '$5 }', a: placeholder(null), b: placeholder('x', ['y', 'x']), c: placeholder('') }, { indent: 2, indentSeq: true });
    assert.equal(r.text, 'price: $5 }\na: null\nb: x\nc: ""\n');
    assert.equal(r.snippet, 'price: \\$5 \\}\na: ${1:null}\nb: ${2|x,y|}\nc: "${3}"\n');
    assert.equal(resolveSnippet(r.snippet), r.text);
  });
});

describe('suppression comments', () => {
  it('uses the comment syntax of the file', () => {
    assert.deepEqual(commentSyntaxFor('file:///a/b.fcs.yaml'), { open: '# ', close: '' });
    assert.deepEqual(commentSyntaxFor('file:///a/prd.md'), { open: '<!-- ', close: ' -->' });
    assert.equal(commentSyntaxFor('file:///a/flags.json'), undefined);
    const prd = '---\nfcs:\n  spec_version: 1\n---\n# Title\n';
    assert.deepEqual(commentSyntaxFor('file:///a/prd.md', prd, 2), { open: '# ', close: '' }, 'a YAML comment inside the front matter');
    assert.deepEqual(commentSyntaxFor('file:///a/prd.md', prd, 4), { open: '<!-- ', close: ' -->' });
  });
  it('inserts a directive with a reason placeholder at the line indentation', () => {
    const e = disableNextLine('a:\n    - x: 1\n', 1, 'CTX-01', { open: '# ', close: '' })!;
    assert.deepEqual(e, { line: 1, replace: false, text: '    # fcs-lint-disable-next-line CTX-01 -- reason\n', snippet: '    # fcs-lint-disable-next-line CTX-01 -- ${1:reason}\n' });
    const m = disableNextLine('Intro\nPeople nearby\n', 1, 'LOC-01', { open: '<!-- ', close: ' -->' })!;
    assert.equal(m.text, '<!-- fcs-lint-disable-next-line LOC-01 -- reason -->\n');
  });
  it('extends an existing directive and keeps its reason; never duplicates a rule', () => {
    const t = '  # fcs-lint-disable-next-line A-01 -- known\n  x: 1\n';
    assert.equal(disableNextLine(t, 1, 'B-02', { open: '# ', close: '' })!.text, '  # fcs-lint-disable-next-line A-01, B-02 -- known');
    assert.equal(disableNextLine(t, 1, 'A-01', { open: '# ', close: '' }), undefined);
    const md = '<!-- fcs-lint-disable-next-line A-01 -- known -->\ntext\n';
    assert.equal(disableNextLine(md, 1, 'B-02', { open: '<!-- ', close: ' -->' })!.text, '<!-- fcs-lint-disable-next-line A-01, B-02 -- known -->');
  });
});

describe('schema navigation', () => {
  it('follows maps, sequences, oneOf and additionalProperties', () => {
    assert.equal(schemaAt(['markets', 0, 'setting'])?.description, 'Where users are');
    assert.ok(isCountryField(schemaAt(['markets', 0, 'country'])));
    assert.ok(isCountryField(schemaAt(['conflict_analysis', 'markets'])));
    assert.ok(isRuleField(schemaAt(['dd_waivers', 3, 'rule'])));
    assert.equal(schemaAt(['dd_answers', 'CTX-01', 'answer'])?.description, 'The answer');
    assert.equal(schemaAt(['user_groups', 0, 'note'])?.description, 'Why this group is at risk here');
    assert.equal(schemaAt(['nope', 'x']), undefined);
  });
});
