// The incremental re-parse must give exactly what a full parse of the new text gives — values,
// node kinds, ranges, comments — or decline. Checked on random edits of every fixture.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { isAlias, isCollection, isPair, isScalar, visit, type Document } from 'yaml';
import { reparseAfterEdits, type OffsetEdit } from '../../../server/src/engine/parse/incremental';
import { joinPointer, locatePointer, parseYamlSource, sourceData, toData, type RangePart, type YamlSource } from '../../../server/src/engine/parse/yamlSource';

const ROOT = path.join(__dirname, '..', '..', '..');

function fixtures(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ya?ml|json)$/.test(e.name)) out.push({ name: path.relative(ROOT, p), text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(path.join(ROOT, 'examples'));
  walk(path.join(ROOT, 'test', 'fixtures'));
  return out.filter((f) => parseYamlSource(f.text).errors.length === 0);
}

/** Everything a consumer of the tree can see: kinds, values, ranges, comments, styles. */
function snapshot(src: YamlSource): unknown {
  const node = (n: unknown): unknown => {
    if (n === null || n === undefined) return n ?? null;
    if (isPair(n)) return { pair: [node(n.key), node(n.value)] };
    if (isScalar(n)) {
      return { scalar: typeof n.value === 'bigint' ? String(n.value) : n.value, kind: typeof n.value, range: n.range, type: n.type, format: n.format, source: n.source, comment: n.comment, commentBefore: n.commentBefore, spaceBefore: n.spaceBefore, anchor: n.anchor, tag: n.tag };
    }
    if (isAlias(n)) return { alias: n.source, range: n.range };
    if (isCollection(n)) return { items: n.items.map(node), range: n.range, flow: n.flow, comment: n.comment, commentBefore: n.commentBefore, anchor: n.anchor, tag: n.tag };
    return { other: String(n) };
  };
  const doc = (d: Document.Parsed) => ({ range: d.range, contents: node(d.contents), comment: d.comment, commentBefore: d.commentBefore });
  return { text: src.text, lines: src.lineCounter.lineStarts, docs: src.docs.map(doc), errors: src.errors, warnings: src.warnings };
}

/** Value scalars (not keys) of a source: the spans edits land in. */
function valueScalars(src: YamlSource): [number, number][] {
  const spans: [number, number][] = [];
  for (const d of src.docs) {
    visit(d, {
      Pair(_k, p) {
        if (isScalar(p.value) && p.value.range) spans.push([p.value.range[0], p.value.range[1]]);
      },
      Seq(_k, s) {
        for (const it of s.items) if (isScalar(it) && it.range) spans.push([it.range[0], it.range[1]]);
      },
    });
  }
  return spans.filter(([a, b]) => b > a);
}

/** Every pointer of the data, plus a missing child of each collection (located through an ancestor). */
function pointersOf(data: unknown, base = '', out: string[] = [], depth = 0): string[] {
  out.push(base);
  if (depth > 12 || data === null || typeof data !== 'object') return out;
  const keys = Array.isArray(data) ? data.map((_x, i) => i) : Object.keys(data);
  for (const k of keys) pointersOf((data as Record<string | number, unknown>)[k], joinPointer(base, k), out, depth + 1);
  out.push(joinPointer(base, 'no_such_key'));
  return out;
}

const PARTS: RangePart[] = ['auto', 'key', 'value'];

function locateAll(src: YamlSource, pointers: string[]): unknown[] {
  return pointers.flatMap((p) => PARTS.map((part) => locatePointer(src, p, part)));
}

const apply = (text: string, e: OffsetEdit) => text.slice(0, e.start) + e.text + text.slice(e.end);

describe('incremental re-parse (engine/parse/incremental)', () => {
  const all = fixtures();

  it('gives exactly the full parse of the new text, or declines, on random edits inside values', () => {
    assert.ok(all.length >= 10, 'fixtures found');
    let fast = 0;
    let runs = 0;
    let patched = 0;
    let carried = 0;
    const insert = fc.array(fc.constantFrom(...'0123456789abcXYZ _-.:#\'"\n,[]{}&*!|>%@/'.split('')), { maxLength: 3 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), fc.nat(), insert, (fi, si, a, b, ins) => {
        const f = all[fi % all.length]!;
        const prev = parseYamlSource(f.text);
        // Half the runs convert the data first, so the re-parse must keep it in step (and
        // leave the previous version's data as it was).
        const before = fi % 2 === 0 ? JSON.stringify(sourceData(prev)) : undefined;
        // A third locate every pointer first, so the re-parse carries located places over.
        const pointers = pointersOf(toData(prev.doc));
        if (fi % 3 === 0) {
          prev.locations = new Map();
          locateAll(prev, pointers);
        }
        const spans = valueScalars(prev);
        if (spans.length === 0) return;
        const [s0, s1] = spans[si % spans.length]!;
        const x = s0 + (a % (s1 - s0 + 1));
        const y = Math.min(s1, x + (b % 3));
        const edit = { start: x, end: y, text: ins };
        const next = apply(f.text, edit);
        runs++;
        const got = reparseAfterEdits(prev, [edit], next);
        if (!got) return;
        fast++;
        const full = parseYamlSource(next);
        assert.deepEqual(snapshot(got), snapshot(full), `${f.name}: edit ${JSON.stringify(edit)}`);
        if (got.data) patched++;
        assert.deepEqual(sourceData(got), toData(full.doc), `${f.name}: data after edit ${JSON.stringify(edit)}`);
        if (before !== undefined) assert.equal(JSON.stringify(prev.data?.value), before, 'the previous data is not changed');
        if (fi % 3 === 0) carried += got.locations?.size ?? 0;
        assert.deepEqual(locateAll(got, pointers), locateAll(full, pointers), `${f.name}: located places after edit ${JSON.stringify(edit)}`);
      }),
      { numRuns: 600, seed: 20261128 },
    );
    // Not vacuous: most random edits made of safe characters take the fast path.
    assert.ok(fast > runs * 0.15, `fast path taken ${fast} of ${runs} times`);
    assert.ok(patched > fast * 0.2, `converted data patched ${patched} of ${fast} times`);
    assert.ok(carried > 0, 'located places carried over');
  });

  it('a sequence of keystrokes in different values, applied in order, equals the full parse', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'messaging-conflict.fcs.yaml'), 'utf8');
    let src = parseYamlSource(text);
    let cur = text;
    const spans = valueScalars(src).slice(0, 12);
    // Type a character at the end of each value, from the last value to the first (so earlier offsets stay valid).
    const edits: OffsetEdit[] = [];
    for (const [, end] of [...spans].reverse()) edits.push({ start: end, end, text: '7' });
    for (const e of edits) cur = apply(cur, e);
    const got = reparseAfterEdits(src, edits, cur);
    assert.ok(got, 'the fast path applies to one-line values');
    assert.deepEqual(snapshot(got), snapshot(parseYamlSource(cur)));
    // The old source was taken over.
    assert.equal(src.consumed, true);
    assert.equal(reparseAfterEdits(src, [{ start: 0, end: 0, text: '' }], text), undefined, 'a consumed source is not reused');
    src = got;
    const again = reparseAfterEdits(src, [{ start: spans[0]![0], end: spans[0]![0] + 1, text: '' }], apply(cur, { start: spans[0]![0], end: spans[0]![0] + 1, text: '' }));
    assert.ok(again === undefined || JSON.stringify(snapshot(again)) === JSON.stringify(snapshot(parseYamlSource(again.text))));
  });

  it('declines edits that can change the structure: keys, new lines, indicators, comments, empty values, broken documents', () => {
    const text = 'feature:\n  id: chat\n  name: "Chat v2" # shown in the app\nmarkets:\n  - country: ETH\n  - country:\n';
    const cases: [string, OffsetEdit][] = [
      ['a key', { start: text.indexOf('id'), end: text.indexOf('id') + 1, text: 'x' }],
      ['a new line', { start: text.indexOf('chat') + 4, end: text.indexOf('chat') + 4, text: '\n  x' }],
      ['a colon and space', { start: text.indexOf('chat') + 4, end: text.indexOf('chat') + 4, text: ': ' }],
      ['a comment', { start: text.indexOf('chat') + 4, end: text.indexOf('chat') + 4, text: ' #' }],
      ['a closing quote', { start: text.indexOf('v2"') + 2, end: text.indexOf('v2"') + 3, text: '' }],
      ['a flow indicator', { start: text.indexOf('ETH'), end: text.indexOf('ETH'), text: '[' }],
      ['an empty value', { start: text.length - 1, end: text.length - 1, text: ' SDN' }],
      ['trailing space', { start: text.indexOf('ETH') + 3, end: text.indexOf('ETH') + 3, text: ' ' }],
    ];
    for (const [label, e] of cases) assert.equal(reparseAfterEdits(parseYamlSource(text), [e], apply(text, e)), undefined, label);
    const broken = 'a: [1, 2\nb: 3\n';
    assert.equal(reparseAfterEdits(parseYamlSource(broken), [{ start: 13, end: 14, text: '4' }], 'a: [1, 2\nb: 4\n'), undefined, 'a document with errors');
    const wrong = { start: text.indexOf('ETH'), end: text.indexOf('ETH') + 3, text: 'SDN' };
    assert.equal(reparseAfterEdits(parseYamlSource(text), [wrong], text), undefined, 'edits that do not produce the given text');
  });

  it('typing in a number, a word and a quoted string keeps kinds and moves later ranges', () => {
    const text = 'data:\n  - name: phone\n    retention_days: 30 # days\n  - name: "home town"\n    retention_days: 7\n';
    const at = text.indexOf('30') + 2;
    const next = apply(text, { start: at, end: at, text: '5' });
    const got = reparseAfterEdits(parseYamlSource(text), [{ start: at, end: at, text: '5' }], next)!;
    assert.ok(got);
    const data = got.doc.toJS() as { data: { name: string; retention_days: number }[] };
    assert.deepEqual(data.data, [{ name: 'phone', retention_days: 305 }, { name: 'home town', retention_days: 7 }]);
    assert.deepEqual(snapshot(got), snapshot(parseYamlSource(next)));
    const q = next.indexOf('town');
    const next2 = apply(next, { start: q, end: q + 4, text: 'village' });
    const got2 = reparseAfterEdits(got, [{ start: q, end: q + 4, text: 'village' }], next2)!;
    assert.ok(got2);
    assert.deepEqual(snapshot(got2), snapshot(parseYamlSource(next2)));
    const w = next2.indexOf('7\n');
    const next3 = apply(next2, { start: w, end: w + 1, text: 'seven' });
    const got3 = reparseAfterEdits(got2, [{ start: w, end: w + 1, text: 'seven' }], next3)!;
    assert.ok(got3, 'a number may become a word');
    assert.equal((got3.doc.toJS() as { data: { retention_days: unknown }[] }).data[1]!.retention_days, 'seven');
    assert.deepEqual(snapshot(got3), snapshot(parseYamlSource(next3)));
  });

  it('several edits at once: places on every edited line are located again', () => {
    // The first edit shortens line 1, so the second one's offset lies before line 2's old start.
    const text = 'a: 1000000\nb: 2\n';
    const prev = parseYamlSource(text);
    prev.locations = new Map();
    const pointers = ['', '/a', '/b'];
    locateAll(prev, pointers);
    const next = 'a: 1\nb: 345\n';
    const got = reparseAfterEdits(prev, [{ start: 3, end: 10, text: '1' }, { start: 8, end: 9, text: '345' }], next);
    assert.ok(got);
    assert.deepEqual(locateAll(got, pointers), locateAll(parseYamlSource(next), pointers));
  });

  it('copies only the path to the edited value: the rest of the data keeps its identity', () => {
    const text = 'feature:\n  id: chat\ndata:\n  - name: phone\n    retention_days: 30\n  - name: town\n    retention_days: 7\nharms: [a, b]\n';
    const prev = parseYamlSource(text);
    const old = sourceData(prev) as { feature: object; data: object[]; harms: string[] };
    const at = text.indexOf('30');
    const got = reparseAfterEdits(prev, [{ start: at, end: at + 2, text: '45' }], apply(text, { start: at, end: at + 2, text: '45' }))!;
    const now = sourceData(got) as { feature: object; data: { retention_days: number }[]; harms: string[] };
    assert.equal(now.data[0]!.retention_days, 45);
    assert.equal((old.data[0] as { retention_days: number }).retention_days, 30, 'the old version is unchanged');
    assert.notEqual(now, old);
    assert.notEqual(now.data, old.data);
    assert.notEqual(now.data[0], old.data[0]);
    assert.equal(now.data[1], old.data[1], 'a sibling item is shared');
    assert.equal(now.feature, old.feature, 'an untouched branch is shared');
    assert.equal(now.harms, old.harms);
  });

  it('multi-document streams: an edit in the first document moves the documents after it', () => {
    const text = 'a: 1\n---\nb: 2\n---\nc: [3, 4]\n';
    const e = { start: 3, end: 4, text: '100' };
    const got = reparseAfterEdits(parseYamlSource(text), [e], apply(text, e));
    assert.ok(got);
    assert.deepEqual(snapshot(got), snapshot(parseYamlSource(apply(text, e))));
  });
});
