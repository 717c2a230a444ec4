// Text folding for matching: lower case, no accents, Arabic letter variants unified, hyphens
// and whitespace runs as one space — with a map from every folded character back to the
// source offset it came from, so a match in folded text is an exact range in the file.

const ARABIC_MAP: Record<string, string> = {
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
  'ة': 'ه',
  'ى': 'ي',
  'ـ': '', // tatweel
};

const PUNCT_MAP: Record<string, string> = {
  '’': "'",
  '‘': "'",
  'ʼ': "'",
  '`': "'",
  '“': '"',
  '”': '"',
  '«': '"',
  '»': '"',
  '‐': ' ',
  '‑': ' ',
  '–': ' ',
  '—': ' ',
  '-': ' ',
  '_': ' ',
  '/': ' ',
  '\u00a0': ' ',
  '؟': '?',
  '؛': ';',
  '،': ',',
};

const COMBINING = /\p{M}/gu;

/** Fold one character (one UTF-16 unit or a surrogate pair) to zero or more characters. */
export function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 128) {
    if (c === '-' || c === '_' || c === '/' || c === '`') return PUNCT_MAP[c]!;
    return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
  }
  const p = PUNCT_MAP[c];
  if (p !== undefined) return p;
  const a = ARABIC_MAP[c];
  if (a !== undefined) return a;
  // Arabic diacritics (harakat, superscript alef) are combining marks: dropped below.
  return c.normalize('NFD').replace(COMBINING, '').toLowerCase();
}

/** Fold a literal string (used for patterns and headings; no offset map). */
export function foldString(s: string): string {
  let out = '';
  for (const ch of s) out += foldChar(ch);
  return out.replace(/\s+/g, ' ');
}

export interface FoldedText {
  text: string;
  /** Source offset of each folded character. */
  start: Int32Array;
  /** Source offset just after each folded character. */
  end: Int32Array;
}

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';

/** What an ASCII character folds to (a character code; 32 for a space), by code. */
const ASCII_FOLD = new Uint16Array(128).map((_x, code) => {
  const f = foldChar(String.fromCharCode(code));
  return isSpace(f) ? 32 : f.charCodeAt(0);
});

/** Growable parallel arrays: folded UTF-16 units and the source span of each. */
class FoldBuffer {
  units: Uint16Array;
  start: Int32Array;
  end: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.units = new Uint16Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
  }
  push(unit: number, s: number, e: number): void {
    if (this.length === this.units.length) this.grow();
    this.units[this.length] = unit;
    this.start[this.length] = s;
    this.end[this.length] = e;
    this.length++;
  }
  private grow(): void {
    const n = this.units.length * 2;
    const units = new Uint16Array(n);
    const start = new Int32Array(n);
    const end = new Int32Array(n);
    units.set(this.units);
    start.set(this.start);
    end.set(this.end);
    this.units = units;
    this.start = start;
    this.end = end;
  }
  /** Start again (the buffer is reused block after block). */
  reset(): void {
    this.length = 0;
    this.surrogates = false;
  }
  /** Whether a pushed unit is a surrogate (the text then keeps lone ones as they are). */
  surrogates = false;
  text(): string {
    const units = this.units.subarray(0, this.length);
    // A decoder is about 20x faster than fromCharCode(...units), but it replaces a lone
    // surrogate, which fromCharCode keeps; chunks, because apply takes its units as arguments.
    if (!this.surrogates) return UTF16.decode(units);
    let out = '';
    for (let i = 0; i < this.length; i += 8192) out += String.fromCharCode.apply(null, units.subarray(i, Math.min(this.length, i + 8192)) as unknown as number[]);
    return out;
  }
}

// ignoreBOM: keep a leading U+FEFF (a file's BOM can start a block); the default drops it.
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });
/** One buffer for every fold (typed arrays are slow to allocate; results are copied out). */
const scratch = new FoldBuffer(4096);

/**
 * Fold `source[from, to)`, where `masked(i)` says a character is hidden (markup, code, URLs):
 * hidden characters count as spaces. Runs of spaces fold to one.
 */
export function foldRange(source: string, from: number, to: number, masked: (i: number) => boolean): FoldedText {
  const out = scratch;
  out.reset();
  let lastSpace = true;
  let i = from;
  while (i < to) {
    const code = source.charCodeAt(i);
    if (code < 128) {
      // ASCII (most text): a table lookup.
      const f = masked(i) ? 32 : ASCII_FOLD[code]!;
      if (f !== 32) {
        lastSpace = false;
        out.push(f, i, i + 1);
      } else if (!lastSpace) {
        lastSpace = true;
        out.push(32, i, i + 1);
      }
      i++;
      continue;
    }
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < to ? 2 : 1;
    const raw = source.slice(i, i + width);
    const folded = masked(i) || isSpace(raw) ? ' ' : foldChar(raw);
    for (let k = 0; k < folded.length; k++) {
      const f = folded[k]!;
      if (isSpace(f)) {
        if (lastSpace) continue;
        lastSpace = true;
        out.push(32, i, i + width);
      } else {
        lastSpace = false;
        const unit = f.charCodeAt(0);
        if (unit >= 0xd800 && unit <= 0xdfff) out.surrogates = true;
        out.push(unit, i, i + width);
      }
    }
    i += width;
  }
  return { text: out.text(), start: out.start.slice(0, out.length), end: out.end.slice(0, out.length) };
}
