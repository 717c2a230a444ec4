// Property-based hardening (fast-check): arbitrary and mutated YAML, JSON and Markdown never make
// the engine throw, every range lies inside its document, and output is deterministic.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { createLintEnvironment, lintDocument } from '../../../server/src/engine/lint';
import type { Finding } from '../../../server/src/engine/types';
import { TEST_NOW } from '../../helpers/lintText';

const ROOT = path.join(__dirname, '..', '..', '..');
const env = createLintEnvironment({ now: TEST_NOW });

function seeds(): { uri: string; text: string }[] {
  const out: { uri: string; text: string }[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ya?ml|json|md)$/.test(e.name)) out.push({ uri: 'file://' + p, text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(path.join(ROOT, 'examples'));
  walk(path.join(ROOT, 'test', 'fixtures'));
  return out;
}

function assertInside(text: string, findings: Finding[], label: string): void {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (const f of findings) {
    for (const p of [f.range.start, f.range.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `${label}: line ${p.line} outside 0..${lines.length - 1} (${f.ruleId})`);
      assert.ok(p.character >= 0 && p.character <= (lines[p.line] ?? '').length, `${label}: column ${p.character} past line ${p.line} (${f.ruleId})`);
    }
    const s = f.range.start;
    const e = f.range.end;
    assert.ok(e.line > s.line || (e.line === s.line && e.character >= s.character), `${label}: inverted range (${f.ruleId})`);
  }
}

function check(uri: string, text: string): void {
  const a = lintDocument(uri, text, env);
  assertInside(text, a.findings, uri);
  const b = lintDocument(uri, text, env);
  assert.deepEqual(b, a, 'output must be deterministic');
}

const URIS = ['file:///p/feature.fcs.yaml', 'file:///p/flags.flagd.json', 'file:///p/features.yml', 'file:///p/prd/doc.md'];

describe('property: the engine never throws, ranges stay inside the document, output is deterministic', function () {
  this.timeout(120_000);
  const corpus = seeds();

  it('arbitrary text under every document kind', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.constantFrom(...URIS), (text, uri) => check(uri, text)),
      { numRuns: 300 },
    );
  });

  it('YAML-ish token soup', () => {
    const token = fc.constantFrom('spec_version: 1\n', 'feature:\n', '  id: x\n', '  name: y\n', 'markets:\n', '  - country: ETH\n', '  - ', '[', ']', '{', '}', ': ', '- ', '&a ', '*a', '"', "'", '#', '\n', '\r\n', '  ', '\t', '---\n', '?', '|', '>', 'null', '1e9', '\u0000');
    fc.assert(fc.property(fc.array(token, { maxLength: 80 }), fc.constantFrom(...URIS), (parts, uri) => check(uri, parts.join(''))), { numRuns: 300 });
  });

  it('mutations of the real fixtures (insert, delete, duplicate slices)', () => {
    if (corpus.length === 0) return;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: corpus.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.constantFrom('', ' ', '\n', ':', '- ', '"', '{', '[', '  ', 'ETH', '99999999999999999999', '#')), { maxLength: 6 }),
        (i, edits) => {
          const seed = corpus[i]!;
          let text = seed.text;
          for (const [pos, len, ins] of edits) {
            const at = text.length ? pos % text.length : 0;
            text = text.slice(0, at) + ins + text.slice(at + len);
          }
          check(seed.uri, text);
        },
      ),
      { numRuns: 250 },
    );
  });
});
