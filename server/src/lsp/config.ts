// The language server's configuration: the same resolver as the CLI (engine/config), with a
// FileAccess that prefers open editor buffers, so an unsaved .fcs-lint.yaml already counts.
// Config changes (watched files or edits) clear the caches and re-lint open documents without
// a restart; config problems are published as diagnostics on the config file; the stale-data
// notice is shown once per session. Untrusted workspaces do not load npm checklist packages.
import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Connection,
  type FileEvent,
  type InitializeParams,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyAccountability, staleDataNotice } from '../engine/config/accountability';
import type { FileAccess } from '../engine/config/fileAccess';
import { toPosix } from '../engine/config/paths';
import { ConfigResolver, type ResolvedConfig } from '../engine/config/resolve';
import { lintDocument, type LintEnvironment } from '../engine/lint';
import type { DocumentKind, LintResult } from '../engine/types';

export const CONFIG_WATCH_GLOBS = ['**/.fcs-lint.yaml', '**/.fcs-lint.yml', '**/.fcs-lint-ledger.yaml', '**/*.fcs-checklist.yaml', '**/node_modules/*/package.json'];

function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? toPosix(fileURLToPath(uri)) : undefined;
  } catch {
    return undefined;
  }
}

export function isConfigUri(uri: string): boolean {
  return /\/\.fcs-lint(\.ya?ml|-ledger\.yaml)$/.test(uri);
}

export class LspConfig {
  private resolver: ConfigResolver;
  private trusted = true;
  private canWatch = false;
  private staleShown = false;
  /** Config files that currently carry diagnostics (to clear them when fixed). */
  private published = new Set<string>();
  private readonly seen = new Map<string, ResolvedConfig>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
  ) {
    this.resolver = this.createResolver();
  }

  /** Files deleted on disk: an editor tab still showing one must not keep it in effect. */
  private readonly deleted = new Set<string>();

  private createResolver(): ConfigResolver {
    const files: FileAccess = {
      readFile: (p) => {
        const uri = pathToFileURL(p).toString();
        if (this.deleted.has(uri)) return undefined;
        const open = this.documents.get(uri);
        if (open) return open.getText();
        try {
          return fs.readFileSync(p, 'utf8');
        } catch {
          return undefined;
        }
      },
      exists: (p) => {
        const uri = pathToFileURL(p).toString();
        return !this.deleted.has(uri) && (!!this.documents.get(uri) || fs.existsSync(p));
      },
    };
    return new ConfigResolver({ files, trusted: this.trusted });
  }

  initialize(params: InitializeParams): void {
    const opts = (params.initializationOptions ?? {}) as { workspaceTrusted?: boolean; trusted?: boolean };
    this.trusted = opts.trusted === true || opts.workspaceTrusted === true;
    this.canWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.resolver = this.createResolver();
  }

  /** Ask the client to tell us about config, ledger and package changes (no restart needed). */
  registerWatchers(): void {
    if (!this.canWatch) return;
    void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: CONFIG_WATCH_GLOBS.map((globPattern) => ({ globPattern })) });
  }

  /** Trust changed (the client sends fcsLint/trust or restarts us with new options). */
  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    this.invalidate();
  }

  /** Forget every resolved configuration; the caller re-lints open documents. */
  invalidate(): void {
    this.resolver = this.createResolver();
    this.seen.clear();
  }

  onFilesChanged(changes: FileEvent[]): boolean {
    for (const c of changes) {
      if (c.type === FileChangeType.Deleted) this.deleted.add(c.uri);
      else this.deleted.delete(c.uri);
    }
    const relevant = changes.some((c) => isConfigUri(c.uri) || /\.ya?ml$|package\.json$/.test(c.uri));
    if (relevant) this.invalidate();
    return relevant;
  }

  private configFor(uri: string): { config: ResolvedConfig; file: string } | undefined {
    const file = uriToPath(uri);
    if (!file) return undefined;
    const config = this.resolver.forFile(file);
    if (!this.seen.has(config.key)) {
      this.seen.set(config.key, config);
      this.publishProblems();
    }
    return { config, file };
  }

  /** The lint environment for a document under its configuration (undefined for non-file URIs: use the built-ins). */
  environmentFor(uri: string): LintEnvironment | undefined {
    const now = new Date();
    this.showStaleOnce(now);
    const c = this.configFor(uri);
    return c ? this.resolver.environmentFor(c.config, c.file, { now }) : undefined;
  }

  /**
   * Lint a document under its configuration (ledger applied); falls back to the built-ins for
   * non-file URIs. `patch` adds per-server context (the workspace index); `kind` is the document
   * kind as the editor's settings decide it (Markdown globs).
   */
  lint(uri: string, text: string, fallback: () => LintEnvironment, patch: Partial<LintEnvironment> = {}, kind?: DocumentKind): LintResult {
    const now = new Date();
    this.showStaleOnce(now);
    const c = this.configFor(uri);
    if (!c) return lintDocument(uri, text, { ...fallback(), ...patch }, kind);
    const env = this.resolver.environmentFor(c.config, c.file, { now });
    return applyAccountability(lintDocument(uri, text, { ...env, ...patch }, kind), c.file, c.config, now);
  }

  private showStaleOnce(now: Date): void {
    if (this.staleShown) return;
    this.staleShown = true;
    const notice = staleDataNotice(now);
    if (notice) void this.connection.window.showWarningMessage(`fcs-lint: ${notice}`);
  }

  /** Config problems as diagnostics on the config (or checklist, ledger) files. */
  private publishProblems(): void {
    const byFile = new Map<string, { range: ResolvedConfig['problems'][number]['range']; message: string; level: string }[]>();
    for (const config of this.seen.values()) {
      for (const p of config.problems) {
        if (p.file.startsWith('server/checklists/')) continue;
        const uri = pathToFileURL(p.file).toString();
        const list = byFile.get(uri) ?? [];
        if (!list.some((x) => x.message === p.message && x.range.start.line === p.range.start.line)) list.push(p);
        byFile.set(uri, list);
      }
    }
    for (const uri of this.published) if (!byFile.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, list] of byFile) {
      void this.connection.sendDiagnostics({
        uri,
        diagnostics: list.map((p) => ({ range: p.range, message: p.message, source: 'fcs-lint', code: 'CONFIG', severity: p.level === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning })),
      });
    }
    this.published = new Set(byFile.keys());
  }

  /** After an invalidation: publish again (clears fixed problems) even before a spec is re-linted. */
  refreshProblems(uris: string[]): void {
    for (const u of uris) this.configFor(u);
    this.publishProblems();
  }
}
