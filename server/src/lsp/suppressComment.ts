// "Disable RULE for this line (with reason)": the inline suppression comment, in the grammar
// `fcs-lint-disable-next-line RULE[, RULE…] -- reason`, written in the file's comment syntax.
// An existing directive on the line above is extended instead of stacking a second one.

export interface CommentSyntax {
  open: string;
  close: string;
}

/**
 * Comment syntax by file extension; files without comments (JSON) get no disable action. In a
 * Markdown file's YAML front matter the directive is a YAML comment (the engine reads both).
 */
export function commentSyntaxFor(uri: string, text = '', line = -1): CommentSyntax | undefined {
  const path = uri.replace(/[?#].*$/, '').toLowerCase();
  if (/\.(ya?ml)$/.test(path)) return { open: '# ', close: '' };
  if (/\.(md|markdown|mdx)$/.test(path)) return inFrontMatter(text, line) ? { open: '# ', close: '' } : { open: '<!-- ', close: ' -->' };
  if (/\.(toml)$/.test(path)) return { open: '# ', close: '' };
  return undefined;
}

export const DIRECTIVE = 'fcs-lint-disable-next-line';
const DIRECTIVE_RE = /^(\s*)(#|<!--)\s*fcs-lint-disable-next-line\s+([A-Za-z0-9_, -]*?)\s*(--.*?)?\s*(-->)?\s*$/;

export interface LineEdit {
  line: number;
  /** Replace the whole line (true) or insert a new line before `line` (false). */
  replace: boolean;
  text: string;
  snippet: string;
}

export function disableNextLine(text: string, line: number, ruleId: string, syntax: CommentSyntax): LineEdit | undefined {
  const lines = text.split('\n');
  const target = lines[line];
  if (target === undefined) return undefined;
  const prev = line > 0 ? lines[line - 1]!.replace(/\r$/, '') : undefined;
  const m = prev !== undefined ? DIRECTIVE_RE.exec(prev) : null;
  if (m) {
    const rules = m[3]!.split(',').map((r) => r.trim()).filter(Boolean);
    if (rules.includes(ruleId)) return undefined;
    const reason = m[4] ? ` ${m[4]}` : ' -- ';
    const head = `${m[1]}${m[2] === '#' ? '# ' : '<!-- '}${DIRECTIVE} ${[...rules, ruleId].join(', ')}`;
    const close = m[2] === '#' ? '' : ' -->';
    const t = head + reason + close;
    return { line: line - 1, replace: true, text: t, snippet: escape(t) };
  }
  const indent = /^\s*/.exec(target)![0];
  const head = `${indent}${syntax.open}${DIRECTIVE} ${ruleId} -- `;
  return {
    line,
    replace: false,
    text: `${head}reason${syntax.close}\n`,
    snippet: `${escape(head)}\${1:reason}${escape(syntax.close)}\n`,
  };
}

function escape(s: string): string {
  return s.replace(/[\\$}]/g, (c) => '\\' + c);
}

/** Whether a 0-based line lies inside a leading `---` … `---` YAML front matter. */
export function inFrontMatter(text: string, line: number): boolean {
  if (line <= 0 || !/^---\r?\n/.test(text)) return false;
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    if (/^(---|\.\.\.)\s*$/.test(lines[i]!)) return line < i;
  }
  return false;
}
