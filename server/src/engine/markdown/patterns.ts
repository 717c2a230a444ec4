// Phrase patterns are data: plain regex sources written in folded form (lower case, spaces
// for hyphens). They are compiled once, wrapped in Unicode word boundaries, and checked to
// have no nested quantifiers, so matching stays linear in the text.
import { foldChar } from './fold';

export const LANGS = ['en', 'fr', 'es', 'pt', 'ar'] as const;
export type Lang = (typeof LANGS)[number];
export type PhraseTable = Partial<Record<Lang, string[]>>;

/** Fold the non-ASCII characters of a pattern source the way the text is folded. */
function foldPatternSource(src: string): string {
  let out = '';
  for (const ch of src) out += ch.charCodeAt(0) < 128 ? ch : foldChar(ch);
  return out;
}

const ARABIC_PREFIX = '[وفبلك]?';

/** One regex for every phrase of every language, with word boundaries that understand accents and Arabic. */
export function compilePhrases(table: PhraseTable): RegExp {
  const parts: string[] = [];
  for (const lang of LANGS) {
    for (const src of table[lang] ?? []) {
      const problem = quantifierProblem(src);
      if (problem) throw new Error(`pattern ${JSON.stringify(src)}: ${problem}`);
      const body = foldPatternSource(src);
      parts.push(lang === 'ar' ? `${ARABIC_PREFIX}(?:${body})` : `(?:${body})`);
    }
  }
  if (parts.length === 0) return /(?!)/gu;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

/**
 * Why a pattern source is unsafe, or null. Rejected: a quantified group that itself holds a
 * quantifier (nested quantifiers are what makes backtracking blow up), back-references, and
 * unbounded `{n,}` repetition.
 */
export function quantifierProblem(src: string): string | null {
  if (/\\[1-9]/.test(src)) return 'back-references are not allowed';
  if (/\{\d*,\}/.test(src)) return 'unbounded {n,} repetition is not allowed';
  const stack: { hasQuantifier: boolean }[] = [{ hasQuantifier: false }];
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(') {
      stack.push({ hasQuantifier: false });
      if (src[i + 1] === '?') i += src[i + 2] === '<' && (src[i + 3] === '=' || src[i + 3] === '!') ? 3 : 2;
      continue;
    }
    if (c === ')') {
      const group = stack.pop();
      if (!group || stack.length === 0) return 'unbalanced parentheses';
      const next = src[i + 1];
      const quantified = next === '*' || next === '+' || next === '?' || next === '{';
      if (quantified && group.hasQuantifier) return 'nested quantifier';
      if (group.hasQuantifier || quantified) stack[stack.length - 1]!.hasQuantifier = true;
      if (quantified) i++;
      continue;
    }
    if (c === '*' || c === '+' || c === '?' || c === '{') stack[stack.length - 1]!.hasQuantifier = true;
  }
  return stack.length === 1 ? null : 'unbalanced parentheses';
}
