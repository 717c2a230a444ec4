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

/**
 * Fold `source[from, to)`, where `masked(i)` says a character is hidden (markup, code, URLs):
 * hidden characters count as spaces. Runs of spaces fold to one.
 */
export function foldRange(source: string, from: number, to: number, masked: (i: number) => boolean): FoldedText {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let lastSpace = true;
  let i = from;
  while (i < to) {
    const code = source.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < to ? 2 : 1;
    const raw = source.slice(i, i + width);
    const folded = masked(i) || isSpace(raw) ? ' ' : foldChar(raw);
    for (let k = 0; k < folded.length; k++) {
      const f = folded[k]!;
      if (isSpace(f)) {
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
