// Which format goes where: `-o PATH` belongs to the `-f` just before it; a `-f` without `-o`
// goes to stdout (at most one); a lone `-o` without any `-f` writes stylish to that file.
// Files are written atomically: a temporary file in the same folder, then a rename.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError, type ParsedOptions } from '../options';
import type { FormatName } from '../reporters';

export interface OutputTarget {
  format: FormatName;
  /** File to write, as given on the command line; undefined = stdout. */
  path?: string;
}

export function pairOutputs(order: ParsedOptions['order']): OutputTarget[] {
  const targets: OutputTarget[] = [];
  const lone: string[] = [];
  for (const t of order) {
    if (t.name === 'format') targets.push({ format: t.value as FormatName });
    else if (t.name === 'output') {
      const last = targets[targets.length - 1];
      if (!last) lone.push(t.value!);
      else if (last.path !== undefined) throw new UsageError(`-o ${t.value}: the -f ${last.format} before it already writes to ${last.path}. Give each -o its own -f (e.g. -f sarif -o fcs.sarif).`);
      else last.path = t.value!;
    }
  }
  if (lone.length > 0) {
    if (targets.length > 0 || lone.length > 1) throw new UsageError(`-o ${lone[0]} comes before any -f. Put each -o right after the -f it belongs to (e.g. -f sarif -o fcs.sarif).`);
    targets.push({ format: 'stylish', path: lone[0] });
  }
  if (targets.length === 0) targets.push({ format: 'stylish' });
  const toStdout = targets.filter((t) => t.path === undefined);
  if (toStdout.length > 1) throw new UsageError(`Only one format can go to stdout, got ${toStdout.map((t) => t.format).join(' and ')}. Add -o <path> after the others.`);
  const seen = new Set<string>();
  for (const t of targets) {
    if (t.path === undefined) continue;
    if (t.path === '') throw new UsageError('-o expects a file path.');
    const key = path.resolve(t.path);
    if (seen.has(key)) throw new UsageError(`Two outputs write to ${t.path}.`);
    seen.add(key);
  }
  return targets;
}

/** Write a file atomically: readers see the old content or the new, never a half-written file. */
export function writeFileAtomic(file: string, content: string): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    fs.writeFileSync(tmp, content, { encoding: 'utf8', flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* the temporary file was never created */
    }
    throw e;
  }
}
