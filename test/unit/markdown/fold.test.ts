// foldRange (the fast, table-driven folding of prose) must give exactly what folding one
// character at a time gives: the same text and the same map back to source offsets.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldChar, foldRange, type FoldedText } from '../../../server/src/engine/markdown/fold';

/** The obvious version: every character through foldChar, spaces collapsed. */
function reference(source: string, from: number, to: number, masked: (i: number) => boolean): FoldedText {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const space = (c: string) => /^[ \t\n\r\f\v]$/.test(c);
  let lastSpace = true;
  for (let i = from; i < to; ) {
    const code = source.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < to ? 2 : 1;
    const raw = source.slice(i, i + width);
    const folded = masked(i) || space(raw) ? ' ' : foldChar(raw);
    for (const f of folded.split('')) {
      if (space(f)) {
        if (lastSpace) continue;
        lastSpace = true;
        chars.push(' ');
      } else {
        lastSpace = false;
        chars.push(f);
      }
      starts.push(i);
      ends.push(i + width);
    }
    i += width;
  }
  return { text: chars.join(''), start: Int32Array.from(starts), end: Int32Array.from(ends) };
}

const ALPHABET = [...'abcXYZ019 -_/`\t\n\r.,:;\'"éÉçñÑøÅﬁǅ\u00a0‐—’“«»؟،أإآةىـمرحبا\u0301\u064b', '😀', '\ud800', '\udc00', '한', '\ufeff'];

describe('foldRange (engine/markdown/fold)', () => {
  it('equals folding one character at a time, offsets included, on random text and masks', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 60 }), fc.array(fc.boolean(), { maxLength: 80 }), fc.nat(), fc.nat(), (parts, maskBits, a, b) => {
        const text = parts.join('');
        const from = text.length ? a % text.length : 0;
        const to = from + (text.length - from ? b % (text.length - from + 1) : 0);
        const masked = (i: number) => maskBits[i % Math.max(1, maskBits.length)] === true;
        const got = foldRange(text, from, to, masked);
        const want = reference(text, from, to, masked);
        assert.equal(got.text, want.text);
        assert.deepEqual([...got.start], [...want.start]);
        assert.deepEqual([...got.end], [...want.end]);
      }),
      { numRuns: 2000, seed: 20261128 },
    );
  });

  it('folds case, accents, dashes and Arabic letter variants, and maps back to the source', () => {
    const text = 'Précise  GPS—location: أحمد';
    const f = foldRange(text, 0, text.length, () => false);
    assert.equal(f.text, 'precise gps location: احمد');
    const at = f.text.indexOf('gps');
    assert.equal(text.slice(f.start[at]!, f.end[at + 2]!), 'GPS');
  });

  it('grows its reused buffer (one character can fold to several), and a short fold after a long one is not stale', () => {
    // A Hangul syllable decomposes into three letters: 3,000 source characters fold to 9,000,
    // past the 4,096 units the shared buffer starts with.
    assert.equal(foldChar('한').length, 3);
    const text = '한'.repeat(3000);
    const f = foldRange(text, 0, text.length, () => false);
    assert.equal(f.text, foldChar('한').repeat(3000));
    assert.equal(f.start.length, 9000);
    assert.equal(f.start[8999], 2999);
    const g = foldRange('Ab', 0, 2, () => false);
    assert.equal(g.text, 'ab');
    assert.deepEqual([...g.start, ...g.end], [0, 1, 1, 2]);
    assert.equal(f.start[8999], 2999, 'an earlier result is a copy, not a view of the shared buffer');
  });
});
