// Which Markdown files are product documents the linter reads: those with an `fcs:` block in
// their YAML front matter (content decides), and those matching the configured globs.
import picomatch from 'picomatch';
import { frontMatterHasFcs } from './frontMatter';

/** Default globs for PRDs and RFCs without an `fcs:` block (setting fcsLint.markdown.globs). */
export const DEFAULT_PRD_GLOBS: readonly string[] = ['**/prd/**/*.md', '**/prds/**/*.md', '**/rfcs/**/*.md'];

const MARKDOWN_NAME = /\.(md|markdown)$/i;

const matchers = new Map<string, (p: string) => boolean>();

function matcherFor(globs: readonly string[]): (p: string) => boolean {
  const key = globs.join('\n');
  let m = matchers.get(key);
  if (!m) {
    m = globs.length ? picomatch([...globs], { dot: true, nocase: true }) : () => false;
    matchers.set(key, m);
  }
  return m;
}

/** A file path (or file: URI) with forward slashes and no query, for glob matching. */
export function toMatchPath(pathOrUri: string): string {
  let p = pathOrUri.replace(/[?#].*$/, '');
  if (/^file:\/\//i.test(p)) {
    p = p.replace(/^file:\/\//i, '');
    try {
      p = decodeURIComponent(p);
    } catch {
      // keep it encoded
    }
    if (/^\/[A-Za-z]:/.test(p)) p = p.slice(1);
  }
  return p.replace(/\\/g, '/');
}

export function isMarkdownPath(pathOrUri: string): boolean {
  return MARKDOWN_NAME.test(toMatchPath(pathOrUri));
}

export function matchesPrdGlobs(pathOrUri: string, globs: readonly string[] = DEFAULT_PRD_GLOBS): boolean {
  return matcherFor(globs)(toMatchPath(pathOrUri));
}

/**
 * Whether a Markdown file is one the linter reads: an `fcs:` block in the front matter, or a
 * path matching one of `globs`. For the CLI's folder walk and the language server.
 */
export function isLintableMarkdown(path: string, text: string, globs: readonly string[] = DEFAULT_PRD_GLOBS): boolean {
  if (!isMarkdownPath(path)) return false;
  return frontMatterHasFcs(text) || matchesPrdGlobs(path, globs);
}
