// Turn the command line's files, folders and globs into a sorted list of files to lint.
// Folders are searched for *.fcs.yaml, flag files and Markdown PRDs (`fcs:` front matter or a
// prd/, prds/ or rfcs/ folder); globs match any file. `.fcs-lintignore` and
// `.gitignore` in the current directory (gitignore syntax, via the `ignore` package) exclude
// paths found in folders or by globs and also explicitly named files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { isLintable } from '../engine/documentKind';
import { isLintableMarkdown, isMarkdownPath } from '../engine/markdown/detect';

export class MissingPathError extends Error {}

const SKIP_DIRS = ['**/node_modules/**', '**/.git/**'];
export const IGNORE_FILES = ['.fcs-lintignore', '.gitignore'];

export interface ResolveOptions {
  /** Read .fcs-lintignore and .gitignore from cwd (default true). */
  useIgnoreFiles?: boolean;
}

export interface ResolvedFiles {
  files: string[];
  /** How many files the ignore files excluded. */
  ignored: number;
  /** Files named explicitly on the command line that an ignore file excludes (warned about). */
  ignoredExplicit: string[];
}

/** The ignore matcher for cwd, or undefined when there are no ignore files. */
export function loadIgnore(cwd: string): Ignore | undefined {
  let ig: Ignore | undefined;
  for (const name of IGNORE_FILES) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(cwd, name), 'utf8');
    } catch {
      continue;
    }
    ig = (ig ?? ignore()).add(text);
  }
  return ig;
}

function isIgnored(ig: Ignore | undefined, abs: string, cwd: string): boolean {
  if (!ig) return false;
  const rel = path.relative(cwd, abs);
  // Only paths inside cwd are matched; the ignore files speak about this folder.
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return false;
  return ig.ignores(rel.split(path.sep).join('/'));
}

/** A Markdown file that is a product document: `fcs:` front matter, or a PRD/RFC folder. */
function isPrd(file: string): boolean {
  if (!isMarkdownPath(file)) return false;
  let head: string;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(65536);
      head = buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
  return isLintableMarkdown(file.split(path.sep).join('/'), head);
}

export function resolveFiles(patterns: string[], cwd: string, opts: ResolveOptions = {}): ResolvedFiles {
  const ig = opts.useIgnoreFiles === false ? undefined : loadIgnore(cwd);
  const out = new Set<string>();
  let ignored = 0;
  const ignoredExplicit: string[] = [];
  const add = (abs: string, explicit = false) => {
    if (!isIgnored(ig, abs, cwd)) out.add(path.normalize(abs));
    else if (explicit) ignoredExplicit.push(abs);
    else ignored++;
  };
  for (const p of patterns) {
    if (isDynamicPattern(p)) {
      const hits = globSync(p, { cwd, absolute: true, ignore: SKIP_DIRS, dot: false, onlyFiles: true });
      if (hits.length === 0) throw new MissingPathError(`No files match the pattern '${p}'.`);
      for (const h of hits) add(h);
      continue;
    }
    const abs = path.resolve(cwd, p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      throw new MissingPathError(`No such file or directory: ${p}`);
    }
    if (st.isDirectory()) {
      const hits = globSync('**/*', { cwd: abs, absolute: true, ignore: SKIP_DIRS, onlyFiles: true });
      for (const h of hits) if (isLintable(h) || isPrd(h)) add(h);
    } else {
      add(abs, true);
    }
  }
  return { files: [...out].sort(), ignored, ignoredExplicit };
}
