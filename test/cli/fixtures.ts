// Shared helpers for the CLI process tests: fixture paths and throwaway project folders.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../helpers/runCli';

export const FIX = path.join(ROOT, 'test', 'fixtures', 'cli');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIX, name), 'utf8');
}

/** A temporary folder holding `files` (path → content, or a fixture name prefixed with @). */
export function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fcs-lint-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content.startsWith('@') ? fixture(content.slice(1)) : content);
  }
  return dir;
}
