// Keeps the engine's WorkspaceIndex (specs ↔ flag files, for cross-file checks) current in the
// server: an initial scan of the workspace folders in the background, then one file at a time as
// documents are opened, edited (debounced, off the keystroke path) or changed on disk.
import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import { isLintable } from '../engine/documentKind';
import type { LintEnvironment } from '../engine/lint';
import type { DocumentKind } from '../engine/types';
import { WorkspaceIndex } from '../engine/workspace/index';

/** Most files the initial scan reads, so a huge monorepo cannot stall the server. */
const MAX_SCAN_FILES = 5000;
/** Quiet time after an edit before the index re-reads the document. */
const EDIT_DELAY_MS = 400;

export class WorkspaceIndexer {
  readonly index: WorkspaceIndex;
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /** `onChanged(kind)` is called after a file of that kind changed the index. */
  constructor(env: LintEnvironment, private readonly onChanged: (uri: string, kind: DocumentKind) => void) {
    this.index = new WorkspaceIndex(env);
  }

  /** Read every spec and flag file under the folders, yielding between files. */
  async scan(folderUris: string[]): Promise<number> {
    let n = 0;
    for (const folder of folderUris) {
      let dir: string;
      try {
        dir = fileURLToPath(folder);
      } catch {
        continue;
      }
      const files = await glob(['**/*.{yaml,yml,json}'], { cwd: dir, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'], onlyFiles: true });
      for (const f of files) {
        if (n >= MAX_SCAN_FILES) return n;
        if (!isLintable(f)) continue;
        try {
          this.index.update(pathToFileURL(f).toString(), await fs.promises.readFile(f, 'utf8'));
          n++;
        } catch {
          // unreadable or vanished: skip
        }
        await new Promise((r) => setImmediate(r));
      }
    }
    return n;
  }

  /** A document's text changed: re-index it after a quiet moment (never on the keystroke). */
  changed(uri: string, text: () => string, delayMs = EDIT_DELAY_MS): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        const before = this.index.version;
        const kind = this.index.update(uri, text());
        if (this.index.version !== before && (kind === 'spec' || kind === 'flags')) this.onChanged(uri, kind);
      }, delayMs),
    );
  }

  /** A file was deleted on disk. */
  removed(uri: string): void {
    this.index.remove(uri);
  }

  /** A workspace folder was removed: forget its files, except the documents `isOpen` says are open. */
  removedFolder(folderUri: string, isOpen: (uri: string) => boolean): number {
    return this.index.removeFolder(folderUri, isOpen);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
