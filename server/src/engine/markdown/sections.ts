// Recognise due-diligence sections by heading and decide what each fills in the spec model.
//
// What a recognised section with content fills (only where the front matter leaves it empty):
//   conflict_analysis -> conflict_analysis.ref = "#anchor" (covers every market; no date)
//   engagements       -> one engagement record per declared market the section names (by ISO
//                        code or English name), or per declared market when it names none:
//                        {id: "md-<anchor>-<ISO3>", country}
//   kill_switch       -> kill_switch.flag_key = the first `inline code` in the section that looks
//                        like a flag key, else "#anchor"
//   harms, mitigations, grievance, moderation, data, markets
//                     -> nothing in the fields; the block name is added to the keys the spec
//                        has (facts.sections), so rules can tell the topic is covered in prose
// A section "has content" when its text (without sub-headings, HTML comments and placeholders
// such as TBD / À compléter / Por definir / سيتم تحديده) holds at least 3 words.
import type { InlineCode, Nodes } from 'mdast';
import { findCountry } from '../contexts/countries';
import type { ModelObject } from '../model/normalise';
import type { Pointer, Range } from '../types';
import { foldString } from './fold';
import { rangeAt, type HeadingSection, type MarkdownDocument } from './document';
import { compilePhrases } from './patterns';
import { SECTIONS, type SectionDef } from './sectionTable';

export interface RecognisedSection {
  def: SectionDef;
  heading: HeadingSection;
  hasContent: boolean;
}

// Compiled on first use (start-up should not pay for the phrase tables of every language).
let compiled: { sections: { def: SectionDef; re: RegExp }[]; placeholder: RegExp } | undefined;
function patterns(): NonNullable<typeof compiled> {
  return (compiled ??= {
    sections: SECTIONS.map((def) => ({ def, re: compilePhrases(def.phrases) })),
    placeholder: compilePhrases({
      en: [`tbd|tbc|todo|to do|n a|na|none yet|to be (?:defined|determined|completed|written|confirmed|added)|coming soon|lorem ipsum`],
      fr: [`a completer|a definir|a rediger|a venir|en cours de redaction`],
      es: [`por definir|por completar|pendiente|a definir|proximamente`],
      pt: [`a definir|por definir|a preencher|por preencher|em breve|pendente`],
      ar: [`سيتم تحديده|سيتم تحديدها|قيد الاعداد|لاحقا|يحدد لاحقا`],
    }),
  });
}

export function recogniseSections(doc: MarkdownDocument): RecognisedSection[] {
  const out: RecognisedSection[] = [];
  for (const h of doc.sections) {
    const matched = patterns().sections.filter((c) => {
      c.re.lastIndex = 0;
      return c.re.test(h.folded);
    }).map((c) => c.def);
    if (matched.length === 0) continue;
    // A heading that marks a skip section ("Out of scope: data retention") is only that.
    const skip = matched.find((d) => d.role === 'skip');
    const defs = skip ? [skip] : matched;
    const content = skip ? true : sectionHasContent(doc, h);
    for (const def of defs) out.push({ def, heading: h, hasContent: content });
  }
  return out;
}

function sectionHasContent(doc: MarkdownDocument, h: HeadingSection): boolean {
  const own = doc.sections.filter((s) => s !== h && s.headingStart >= h.headingEnd && s.headingStart < h.end);
  const inSub = (o: number) => own.some((s) => o >= s.headingStart && o < s.headingEnd);
  let text = '';
  for (const b of doc.blocks) if (b.start >= h.headingEnd && b.start < h.end && !inSub(b.start)) text += ' ' + b.folded.text;
  for (const c of doc.codeBlocks) if (c.start >= h.headingEnd && c.start < h.end) text += ' ' + foldString(doc.text.slice(c.start, c.end));
  const PLACEHOLDER = patterns().placeholder;
  PLACEHOLDER.lastIndex = 0;
  const stripped = text.replace(PLACEHOLDER, ' ').replace(/[^\p{L}\p{N}\s]/gu, ' ');
  return stripped.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= 3;
}

/** Where a pointer into heading-filled parts of the model should be shown: the heading. */
export interface SectionFill {
  /** Apply to the parsed front-matter data (returns a new object). */
  augment(data: ModelObject): ModelObject;
  locate(pointer: Pointer): Range | undefined;
}

const FLAG_KEY = /^[A-Za-z][\w.:-]{1,80}$/;

export function sectionFill(doc: MarkdownDocument, sections: RecognisedSection[]): SectionFill {
  const located: { prefix: string; range: Range }[] = [];
  const headingRange = (h: HeadingSection) => rangeAt(doc, h.textStart, h.textEnd);
  const usable = sections.filter((s) => s.def.role === 'block' && s.hasContent);
  const augment = (input: ModelObject): ModelObject => {
    const data: ModelObject = { ...input };
    located.length = 0;
    for (const s of usable) {
      const block = s.def.block!;
      const range = headingRange(s.heading);
      const anchor = s.heading.anchor;
      if (block === 'conflict_analysis') {
        const ca = asObject(data['conflict_analysis']);
        if (ca['ref'] == null) {
          data['conflict_analysis'] = { ...ca, ref: anchor };
          located.push({ prefix: '/conflict_analysis', range });
        }
      } else if (block === 'engagements') {
        const existing = Array.isArray(data['engagements']) ? data['engagements'] : [];
        const markets = marketCodes(data);
        const named = markets.filter((m) => sectionNames(doc, s.heading, m));
        const countries = named.length > 0 ? named : markets;
        const added = countries.map((c) => ({ id: `md-${anchor.slice(1)}-${c.toLowerCase()}`, country: c }));
        if (added.length === 0) continue;
        added.forEach((_, k) => located.push({ prefix: `/engagements/${existing.length + k}`, range }));
        data['engagements'] = [...existing, ...added];
      } else if (block === 'kill_switch') {
        const ks = asObject(data['kill_switch']);
        if (ks['flag_key'] == null) {
          data['kill_switch'] = { ...ks, flag_key: firstFlagKey(doc, s.heading) ?? anchor };
          located.push({ prefix: '/kill_switch', range });
        }
      }
      if (!(block in data)) {
        // Only the key: the block is "present" for facts.sections; normalisation fills its shape.
        data[block] = block === 'harms' || block === 'mitigations' || block === 'data' || block === 'markets' ? [] : {};
        located.push({ prefix: '/' + block, range });
      }
    }
    return data;
  };
  const locate = (pointer: Pointer): Range | undefined => {
    for (const l of located) if (pointer === l.prefix || pointer.startsWith(l.prefix + '/')) return l.range;
    return undefined;
  };
  return { augment, locate };
}

function asObject(v: unknown): ModelObject {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as ModelObject) : {};
}

/** Alpha-3 codes of the declared markets (unknown codes are kept as written). */
function marketCodes(data: ModelObject): string[] {
  const ms = Array.isArray(data['markets']) ? data['markets'] : [];
  const out: string[] = [];
  for (const m of ms) {
    const code = asObject(m)['country'];
    if (typeof code !== 'string') continue;
    const c = findCountry(code);
    out.push(c ? c.alpha3 : code);
  }
  return [...new Set(out)];
}

function sectionNames(doc: MarkdownDocument, h: HeadingSection, alpha3: string): boolean {
  const c = findCountry(alpha3);
  if (!c) return false;
  const raw = doc.text.slice(h.headingEnd, h.end);
  if (new RegExp(`(?<![A-Za-z])(?:${c.alpha3}|${c.alpha2})(?![A-Za-z])`).test(raw)) return true;
  const name = foldString(c.name);
  let body = '';
  for (const b of doc.blocks) if (b.start >= h.headingEnd && b.start < h.end) body += ' ' + b.folded.text;
  return body.includes(name);
}

function firstFlagKey(doc: MarkdownDocument, h: HeadingSection): string | undefined {
  let found: string | undefined;
  const visit = (n: Nodes): void => {
    if (found) return;
    const s = n.position?.start.offset ?? -1;
    if (n.type === 'inlineCode' && s >= h.headingEnd && s < h.end) {
      const v = (n as InlineCode).value.trim();
      if (FLAG_KEY.test(v)) found = v;
      return;
    }
    if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
  };
  visit(doc.tree);
  return found;
}
