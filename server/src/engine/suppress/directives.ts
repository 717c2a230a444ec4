// Inline suppression directives:
//   YAML      # fcs-lint-disable-next-line CTX-01, CTX-04 -- reason
//   Markdown  <!-- fcs-lint-disable-next-line CTX-01 -- reason -->
// A directive applies to the next line that is not blank and not itself a comment, so several
// directives can be stacked above one line. The reason after `--` is required.
// Only string operations here (no user-supplied regular expressions): linear in the input.
import { CST, Lexer } from 'yaml';
import type { Range } from '../types';

export const DIRECTIVE = 'fcs-lint-disable-next-line';

export interface Directive {
  rules: string[];
  /** The text after `--`, trimmed; undefined when missing or empty. */
  reason?: string;
  /** Where the comment is (0-based, LSP convention). */
  range: Range;
  /** 0-based line the directive applies to; -1 when no line follows. */
  targetLine: number;
}

/** Parse a comment body such as ` fcs-lint-disable-next-line CTX-01 -- why`. */
export function parseDirectiveBody(body: string): { rules: string[]; reason?: string } | undefined {
  const text = body.trim();
  if (!text.startsWith(DIRECTIVE)) return undefined;
  const rest = text.slice(DIRECTIVE.length);
  if (rest !== '' && !/^\s/.test(rest)) return undefined; // e.g. fcs-lint-disable-next-lines
  let ruleText = rest;
  let reason: string | undefined;
  const sep = findReasonSeparator(rest);
  if (sep >= 0) {
    ruleText = rest.slice(0, sep);
    reason = rest.slice(sep + 2).trim() || undefined;
  }
  const rules = ruleText
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter(Boolean);
  return { rules, reason };
}

/** Index of the `--` that starts the reason: preceded by whitespace (or at the start). */
function findReasonSeparator(s: string): number {
  let i = s.indexOf('--');
  while (i >= 0) {
    if (i === 0 || /\s/.test(s[i - 1] ?? '')) return i;
    i = s.indexOf('--', i + 2);
  }
  return -1;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function positionAt(starts: number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - (starts[lo] ?? 0) };
}

/** The first line after `line` that is not blank and not only a comment (`isComment`). */
function nextContentLine(lines: string[], line: number, isComment: (l: string) => boolean): number {
  for (let i = line + 1; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (l.trim() === '' || isComment(l.trim())) continue;
    return i;
  }
  return -1;
}

/**
 * Directives from a list of comments whose bodies and positions a parser found. Markdown and
 * other formats plug in here with their own comment nodes.
 */
export function directivesFromComments(
  text: string,
  comments: { body: string; start: number; end: number }[],
  isCommentLine: (trimmedLine: string) => boolean,
): Directive[] {
  const starts = lineStarts(text);
  const lines = text.split('\n');
  const out: Directive[] = [];
  for (const c of comments) {
    const parsed = parseDirectiveBody(c.body);
    if (!parsed) continue;
    const range = { start: positionAt(starts, c.start), end: positionAt(starts, c.end) };
    out.push({ ...parsed, range, targetLine: nextContentLine(lines, range.end.line, isCommentLine) });
  }
  return out;
}

const CONTROL = new Set(['\x02', '\x18', '\x1f']);

/**
 * Directives in YAML comments, found with the yaml lexer (so `#` inside strings and block scalars
 * is not a comment). `from`/`to`: the YAML is only that part of `text` (a Markdown front matter).
 */
export function yamlDirectives(text: string, from = 0, to = text.length): Directive[] {
  const yaml = from === 0 && to === text.length ? text : text.slice(from, to);
  if (!yaml.includes(DIRECTIVE)) return [];
  const comments: { body: string; start: number; end: number }[] = [];
  let offset = from;
  for (const token of new Lexer().lex(yaml)) {
    if (token.length === 1 && CONTROL.has(token)) continue; // lexer control codes take no source
    if (CST.tokenType(token) === 'comment' && token.includes(DIRECTIVE)) {
      comments.push({ body: token.slice(1), start: offset, end: offset + token.length });
    }
    offset += token.length;
  }
  return directivesFromComments(text, comments, (l) => l.startsWith('#'));
}

/**
 * Directives in Markdown HTML comments (`<!-- … -->` on one line), outside fenced code blocks.
 * A Markdown adapter with mdast positions can call directivesFromComments with its html nodes instead.
 */
export function markdownDirectives(text: string): Directive[] {
  if (!text.includes(DIRECTIVE)) return [];
  const comments: { body: string; start: number; end: number }[] = [];
  let offset = 0;
  let fence: string | undefined;
  for (const line of text.split('\n')) {
    const t = line.trimStart();
    const f = /^(`{3,}|~{3,})/.exec(t)?.[1];
    if (f && (!fence || (f[0] === fence[0] && f.length >= fence.length))) fence = fence ? undefined : f;
    else if (!fence) {
      let from = 0;
      for (;;) {
        const a = line.indexOf('<!--', from);
        if (a < 0) break;
        const b = line.indexOf('-->', a + 4);
        if (b < 0) break;
        const body = line.slice(a + 4, b);
        if (body.includes(DIRECTIVE)) comments.push({ body, start: offset + a, end: offset + b + 3 });
        from = b + 3;
      }
    }
    offset += line.length + 1;
  }
  const isComment = (l: string) => l.startsWith('<!--') && l.endsWith('-->');
  return directivesFromComments(text, comments, isComment);
}
