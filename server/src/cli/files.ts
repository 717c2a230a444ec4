// Turn the command line's files, folders and globs into a sorted list of files to lint.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { isLintable } from '../engine/documentKind';

export class MissingPathError extends Error {}

const SKIP_DIRS = ['**/node_modules/**', '**/.git/**'];

export function resolveFiles(patterns: string[], cwd: string): string[] {
  const out = new Set<string>();
  for (const p of patterns) {
    if (isDynamicPattern(p)) {
      const hits = globSync(p, { cwd, absolute: true, ignore: SKIP_DIRS, dot: false });
      if (hits.length === 0) throw new MissingPathError(`No files match the pattern '${p}'.`);
      for (const h of hits) out.add(path.normalize(h));
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
      for (const h of hits) if (isLintable(h)) out.add(path.normalize(h));
    } else {
      out.add(abs);
    }
  }
  return [...out].sort();
}
