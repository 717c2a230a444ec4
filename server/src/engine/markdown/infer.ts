// Infer capabilities from a PRD's prose: phrase patterns per capability (capabilities.ts),
// run over the masked, folded prose blocks (document.ts), with negation and research-context
// checks in the same clause. Everything is compiled once at module load.
import { CAPABILITIES, type CapabilityDef } from './capabilities';
import type { MarkdownDocument, ProseBlock } from './document';
import { compilePhrases, LANGS, type Lang, type PhraseTable } from './patterns';

export interface CapabilityMention {
  capability: CapabilityDef;
  /** Source offsets of the matched words. */
  start: number;
  end: number;
  /** The words as written in the file. */
  words: string;
}

/** Words that, shortly before a mention in the same clause, say the capability is absent. */
const NEGATION_BEFORE: PhraseTable = {
  en: [`not|never|without|nor|neither|none|cannot|can't|won't|don't|doesn't|didn't|isn't|aren't|wasn't|shan't|no longer|instead of|rather than|non goals?|out of scope|not in scope|exclude|excludes|excluding|prohibit|prohibits|ban|bans`],
  fr: [`ne|n'|pas|aucun|aucune|sans|jamais|ni|plutot que|au lieu de|hors (?:perimetre|champ)|exclut|exclure|interdit|interdire`],
  es: [`sin|nunca|ningun|ninguna|ninguno|ni|tampoco|en lugar de|en vez de|fuera (?:de|del) alcance|excluye|excluir|prohibe|prohibir`],
  pt: [`nao|sem|nunca|nenhum|nenhuma|nem|em vez de|ao inves de|fora (?:do|de) escopo|exclui|excluir|proibe|proibir`],
  ar: [`لا|لن|لم|ليس|ليست|بدون|دون|عدم|بلا|خارج النطاق|نستبعد`],
};

/** Phrases right after a mention (same clause) that say it will not be built. */
const NEGATION_AFTER: PhraseTable = {
  en: [
    `(?:is|are|will|would|shall|must) (?:not|never) (?:be )?(?:shown|displayed|offered|supported|included|built|planned|available|collected|stored|shipped|implemented|enabled|part of)`,
    `(?:isn't|aren't|won't be) (?:shown|displayed|offered|supported|included|built|planned|available|collected|stored|shipped|implemented|enabled|part of)`,
    `out of scope|not in scope|not planned|descoped|is a non goal`,
  ],
  fr: [`(?:n'est|ne sont|ne sera|ne seront) pas (?:affiche|affichee|affiches|propose|proposee|prevu|prevue|inclus|incluse|collecte|collectee|disponible|active|activee)`, `hors (?:perimetre|champ)`],
  es: [`no (?:se )?(?:mostrara|ofrecera|incluira|recopilara|construira|implementara|activara|estara disponible|esta previsto|esta prevista)`, `fuera (?:de|del) alcance`],
  pt: [`nao (?:sera|serao|esta|estao) (?:exibid|oferecid|incluid|coletad|previst|disponive|ativad)`, `fora (?:do|de) escopo`],
  ar: [`لن (?:يتم|تعرض|يعرض|تتوفر|يتوفر)`, `خارج النطاق`],
};

/** A sentence with one of these is about research or the market, not the feature being designed. */
const RESEARCH_CONTEXT: PhraseTable = {
  en: [`according to (?:a |the |our )?(?:survey|study|report|research|data|gsma|world bank)|penetration|market share|adoption rate|survey|surveyed|respondents|interviewees|percent`],
  fr: [`selon (?:une |l'|la |le |les )?(?:etude|enquete|rapport|donnees|gsma|banque mondiale)|taux de penetration|penetration|part de marche|enquete|repondants|personnes interrogees|pour cent`],
  es: [`segun (?:un |una |el |la |los )?(?:estudio|encuesta|informe|datos|gsma|banco mundial)|penetracion|cuota de mercado|encuesta|encuestados|entrevistados|por ciento`],
  pt: [`(?:de acordo com|segundo) (?:um |uma |o |a |os )?(?:estudo|inquerito|relatorio|dados|gsma|banco mundial)|penetracao|participacao de mercado|inquerito|entrevistados|respondentes|por cento`],
  ar: [`وفقا (?:لدراسه|لتقرير|لاستطلاع|للبنك الدولي|لبيانات)|نسبه انتشار|معدل انتشار|حصه السوق|استطلاع|المستطلعين|بالمئه|في المئه`],
};

/** Words after which a new clause starts (a negation before them does not carry over). */
const CONTRAST: PhraseTable = {
  en: [`but|however|although|though|whereas|while|yet`],
  fr: [`mais|cependant|toutefois|tandis que|alors que`],
  es: [`pero|sino|sin embargo|aunque|mientras que`],
  pt: [`mas|porem|contudo|entretanto|embora|enquanto`],
  ar: [`لكن|ولكن|بينما|بل`],
};

/** Common short words per language, to tell which negation words apply to a block. */
const STOPWORDS: Record<Lang, string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'are', 'will', 'we', 'with', 'for', 'this', 'that', 'be', 'can', 'users', 'it', 'on', 'in'],
  fr: ['le', 'la', 'un', 'en', 'les', 'des', 'et', 'est', 'du', 'une', 'nous', 'pour', 'avec', 'sur', 'dans', 'pas', 'qui', 'au', 'aux', 'sont', 'ce'],
  es: ['el', 'la', 'un', 'en', 'hay', 'este', 'esta', 'los', 'las', 'y', 'del', 'con', 'una', 'es', 'por', 'se', 'al', 'lo', 'su', 'sus', 'como', 'mas', 'pero', 'muy'],
  // Not "no" (English and Spanish use it too): it is the word this guess is for.
  pt: ['o', 'um', 'ha', 'este', 'esta', 'os', 'do', 'da', 'dos', 'das', 'com', 'uma', 'em', 'na', 'nos', 'nas', 'nao', 'sao', 'ao', 'pelo', 'pela'],
  ar: ['في', 'من', 'على', 'الى', 'ان', 'التي', 'الذي', 'عن', 'مع', 'هذا', 'هذه', 'او', 'لا', 'ما', 'كل', 'بين'],
};
const STOPWORD_LANG = new Map<string, Lang[]>();
for (const lang of LANGS) for (const w of STOPWORDS[lang]) STOPWORD_LANG.set(w, [...(STOPWORD_LANG.get(w) ?? []), lang]);

/** The language of a folded text by its common words, or undefined when too short to tell. */
export function guessLanguage(folded: string): Lang | undefined {
  const score: Record<Lang, number> = { en: 0, fr: 0, es: 0, pt: 0, ar: 0 };
  let hits = 0;
  for (const w of folded.split(/[^\p{L}']+/u)) {
    const langs = STOPWORD_LANG.get(w);
    if (!langs) continue;
    hits++;
    for (const l of langs) score[l] += 1 / langs.length;
  }
  if (hits < 2) return undefined;
  let best: Lang = 'en';
  for (const l of LANGS) if (score[l] > score[best]) best = l;
  return best;
}

interface CompiledCapability {
  def: CapabilityDef;
  re: RegExp;
}

// Compiled on first use: start-up (the server's first diagnostics for a spec) should not pay
// for the phrase tables of every language.
let compiled: { capabilities: CompiledCapability[]; any: RegExp; negBefore: RegExp; noWord: RegExp; negAfter: RegExp; contrast: RegExp; research: RegExp } | undefined;
function patterns(): NonNullable<typeof compiled> {
  return (compiled ??= {
    capabilities: CAPABILITIES.map((def) => ({ def, re: compilePhrases(def.phrases) })),
    // Every capability's phrases in one pattern: a block it does not match mentions none of
    // them (alternation backtracks into the next phrase), so one scan rules the block out.
    any: compilePhrases(mergePhrases(CAPABILITIES.map((c) => c.phrases))),
    // Negation words of all languages apply everywhere (PRDs mix languages), except "no": a
    // negation in English and Spanish, but "in the" in Portuguese ("no mapa").
    negBefore: compilePhrases(NEGATION_BEFORE),
    noWord: compilePhrases({ en: ['no'] }),
    negAfter: compilePhrases(NEGATION_AFTER),
    contrast: compilePhrases(CONTRAST),
    research: compilePhrases(RESEARCH_CONTEXT),
  });
}

/** One phrase table holding every phrase of `tables`, language by language. */
function mergePhrases(tables: PhraseTable[]): PhraseTable {
  const out: PhraseTable = {};
  for (const t of tables) for (const lang of LANGS) for (const src of t[lang] ?? []) (out[lang] ??= []).push(src);
  return out;
}

const PERCENT = /[0-9] ?%/;
/** A bare "no" right after the mention ("Contact upload: no", a table cell "| No |"). */
const BARE_NO = /^[:=]? ?(?:no|non|nao|none|لا|out of scope|hors perimetre|fuera de alcance|fora do escopo|خارج النطاق) ?(?:$|[.,;:!?|])/u;

/** Clause and sentence ends (folded text: Arabic punctuation is already ASCII). */
const CLAUSE_END = '.;!?|';
const SENTENCE_END = '.!?|';
const BEFORE_WORDS = 8;
const AFTER_WORDS = 8;

/** All capability mentions in the document's prose, skipping blocks for which `skip` says so. */
export function inferCapabilities(doc: MarkdownDocument, skip: (offset: number) => boolean): CapabilityMention[] {
  const out: CapabilityMention[] = [];
  // The language decides how negation reads; it is guessed only for blocks that mention something.
  let docLang: Lang | undefined;
  const documentLanguage = (): Lang => (docLang ??= guessLanguage(doc.blocks.map((b) => b.folded.text).join(' ')) ?? 'en');
  for (const block of doc.blocks) {
    if (skip(block.start)) continue;
    if (!test(patterns().any, block.folded.text)) continue;
    let blockLang: Lang | undefined;
    const language = (): Lang => (blockLang ??= guessLanguage(block.folded.text) ?? documentLanguage());
    for (const c of patterns().capabilities) {
      c.re.lastIndex = 0;
      for (let m = c.re.exec(block.folded.text); m; m = c.re.exec(block.folded.text)) {
        const i = m.index;
        const j = i + m[0].length;
        if (m[0].length === 0) {
          c.re.lastIndex++;
          continue;
        }
        if (negated(block, i, j, language()) || researchContext(block, i)) continue;
        const start = block.folded.start[i]!;
        const end = block.folded.end[j - 1]!;
        out.push({ capability: c.def, start, end, words: doc.text.slice(start, end) });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start || a.capability.rule.localeCompare(b.capability.rule));
}

/** How far around a mention the clause checks look (characters): bounded work per mention. */
const WINDOW = 200;

/** Start of the clause holding `before` (a boundary char from `chars`), looking back at most WINDOW characters. */
function lastBoundary(text: string, chars: string, before: number): number {
  const stop = Math.max(0, before - WINDOW);
  for (let k = before - 1; k >= stop; k--) if (chars.includes(text[k]!)) return k + 1;
  return stop;
}

/** End of the clause starting at `after`, looking ahead at most WINDOW characters. */
function nextBoundary(text: string, chars: string, after: number): number {
  const stop = Math.min(text.length, after + WINDOW);
  for (let k = after; k < stop; k++) if (chars.includes(text[k]!)) return k;
  return stop;
}

function lastWords(s: string, n: number): string {
  const words = s.trim().split(' ');
  return words.slice(Math.max(0, words.length - n)).join(' ');
}

function firstWords(s: string, n: number): string {
  return s.trim().split(' ').slice(0, n).join(' ');
}

function test(re: RegExp, s: string): boolean {
  re.lastIndex = 0;
  return re.test(s);
}

function negated(block: ProseBlock, i: number, j: number, lang: Lang): boolean {
  const text = block.folded.text;
  let before = text.slice(lastBoundary(text, CLAUSE_END, i), i);
  // A contrast word ("but", "mais", "pero"…) starts a new clause.
  const CONTRAST_RE = patterns().contrast;
  CONTRAST_RE.lastIndex = 0;
  let cut = -1;
  for (let m = CONTRAST_RE.exec(before); m; m = CONTRAST_RE.exec(before)) cut = m.index + m[0].length;
  if (cut >= 0) before = before.slice(cut);
  const window = lastWords(before, BEFORE_WORDS);
  if (test(patterns().negBefore, window) || (lang !== 'pt' && test(patterns().noWord, window))) return true;
  const clauseEnd = nextBoundary(text, CLAUSE_END, j);
  const after = text.slice(j, clauseEnd);
  if (test(patterns().negAfter, firstWords(after, AFTER_WORDS)) || (lang !== 'pt' && BARE_NO.test(after.trim()))) return true;
  // A table row written as a paragraph: "| Contact upload | No |".
  if (text[clauseEnd] === '|') {
    const cell = text.slice(clauseEnd + 1, nextBoundary(text, CLAUSE_END, clauseEnd + 1)).trim();
    if (BARE_NO.test(cell) && cell.length <= 16) return true;
  }
  return false;
}

function researchContext(block: ProseBlock, i: number): boolean {
  const text = block.folded.text;
  const sentence = text.slice(lastBoundary(text, SENTENCE_END, i), nextBoundary(text, SENTENCE_END, i));
  return PERCENT.test(sentence) || test(patterns().research, sentence);
}
