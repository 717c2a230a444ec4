// --changed-since: the files that differ between a git ref and the working tree (committed
// since the ref, staged or unstaged), plus untracked files that are not ignored.
// git runs through execFile with an argument list, never a shell.
import * as path from 'node:path';
import { UsageError } from '../options';

function git(args: string[], cwd: string): string {
  // Loaded on use: most runs never ask git (node:child_process costs a few ms at start-up).
  const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

function gitError(e: unknown): string {
  const err = e as NodeJS.ErrnoException & { stderr?: string };
  if (err.code === 'ENOENT') return 'git is not installed or not on PATH';
  return (err.stderr ?? err.message ?? String(e)).trim().split('\n')[0] ?? '';
}

/** Absolute paths of files changed since `ref` (added, copied, modified, renamed) or untracked. */
export function changedFiles(ref: string, cwd: string): Set<string> {
  if (ref.startsWith('-')) throw new UsageError(`--changed-since expects a git ref such as origin/main or HEAD~1, got '${ref}'.`);
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch (e) {
    throw new UsageError(`--changed-since needs a git repository, but ${cwd} is not inside one (${gitError(e)}).`);
  }
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  } catch {
    throw new UsageError(`--changed-since: git does not know the ref '${ref}'. Fetch it first (e.g. git fetch origin main) or use another ref.`);
  }
  let out: string;
  try {
    out = git(['diff', '--name-only', '-z', '--diff-filter=ACMR', ref, '--'], top) + git(['ls-files', '-z', '--others', '--exclude-standard'], top);
  } catch (e) {
    throw new UsageError(`--changed-since: git failed: ${gitError(e)}`);
  }
  return new Set(out.split('\0').filter(Boolean).map((p) => path.resolve(top, p)));
}
