// Language server wiring only: documents in, diagnostics out, editor features on request.
// All checking is in the engine; the protocol adapters are in lsp/.
import * as path from 'node:path';
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { createLintEnvironment, type LintEnvironment } from './engine/lint';
import { detectKind } from './engine/documentKind';
import { DEFAULT_PRD_GLOBS } from './engine/markdown/detect';
import { AnalysisCache } from './lsp/analysis';
import { toDiagnostic } from './lsp/diagnostics';
import { clientFeatures, featureCapabilities, registerFeatures, type ClientFeatures } from './lsp/features';
import { STATUS_NOTIFICATION, TRUST_NOTIFICATION, type StatusParams, type TrustParams } from './lsp/protocol';
import { ValidationQueue } from './lsp/validationQueue';
import { SourceCache } from './lsp/sourceCache';
import { LspConfig } from './lsp/config';
import { WorkspaceIndexer } from './lsp/workspaceIndexer';
import type { DocumentKind } from './engine/types';

interface Settings {
  enable: boolean;
  run: 'onType' | 'onSave';
  markdown: { globs: string[] };
}

const DEFAULTS: Settings = { enable: true, run: 'onType', markdown: { globs: [...DEFAULT_PRD_GLOBS] } };
/** The package root: dist/server.js lives one level below it. */
const PACKAGE_ROOT = path.join(__dirname, '..');

/** Time budget for one document's rules, so no file can freeze the server. */
const DOCUMENT_BUDGET = { ms: 3000, clock: () => performance.now() };

const connection = createConnection(ProposedFeatures.all);
const sources = new SourceCache();
const documents = new TextDocuments(sources.documentsConfiguration());
const lspConfig = new LspConfig(connection, documents);
let settings: Settings = DEFAULTS;
let canPullConfig = false;
let clientHasFolders = false;
let features: ClientFeatures;
let baseEnv: LintEnvironment | undefined;
let workspaceFolders: string[] = [];
let indexer: WorkspaceIndexer | undefined;

function builtinEnv(): LintEnvironment {
  baseEnv ??= createLintEnvironment();
  return { ...baseEnv, now: new Date() };
}

/** The lint environment for a document: its folder's configuration (lsp/config), else the built-in one, plus the workspace index. */
function envFor(uri: string): LintEnvironment {
  return { ...(lspConfig.environmentFor(uri) ?? builtinEnv()), workspace: indexer?.index };
}

/** A document's kind; a possible flag file is parsed through the source cache, so the lint reuses that parse. */
function kindOf(uri: string, text: string, version: number) {
  return detectKind(uri, text.slice(0, 65536), settings.markdown.globs, (t) => sources.parse(uri, version, t));
}

/**
 * Documents from this size on keep per-item results and derived models between lints: typing in
 * them re-evaluates what changed. Smaller ones lint from scratch in a few milliseconds, and
 * keeping all that for each of many open documents would only cost memory.
 */
const REMEMBER_FROM_CHARS = 16_384;

/** The one way the server lints: configuration, ledger, workspace index, Markdown globs. */
function lint(uri: string, text: string, version: number) {
  const parseYaml = (t: string) => sources.parse(uri, version, t);
  const rememberItemResults = text.length >= REMEMBER_FROM_CHARS;
  return lspConfig.lint(uri, text, builtinEnv, { workspace: indexer?.index, budget: DOCUMENT_BUDGET, parseYaml, rememberItemResults }, kindOf(uri, text, version));
}

const analyses = new AnalysisCache(lint, (uri, version, text) => sources.parse(uri, version, text));

connection.onInitialize((params): InitializeResult => {
  canPullConfig = !!params.capabilities.workspace?.configuration;
  clientHasFolders = !!params.capabilities.workspace?.workspaceFolders;
  // Workspace trust and folders (InitializationOptions) are read by lspConfig.
  lspConfig.initialize(params);
  features = clientFeatures(params);
  workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      ...featureCapabilities(features),
      // Folders added to or removed from the workspace are indexed or forgotten (cross-file checks).
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'fcs-lint', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canPullConfig) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  lspConfig.registerWatchers();
  void refreshSettings();
  // Cross-file checks (a spec's kill switch names a flag; a flag names its spec): index the
  // workspace in the background, then re-check open documents once.
  indexer = new WorkspaceIndexer(builtinEnv(), (_uri, kind) => revalidateOthers(kind));
  void indexer.scan(workspaceFolders).then(
    () => revalidateAll(),
    (e: unknown) => connection.console.error(`fcs-lint: indexing the workspace failed: ${String(e)}`),
  );
  if (clientHasFolders) connection.workspace.onDidChangeWorkspaceFolders((e) => void foldersChanged(e.added.map((f) => f.uri), e.removed.map((f) => f.uri)));
});

/** Workspace folders were added or removed at runtime: index the new ones, forget the old, re-check. */
async function foldersChanged(added: string[], removed: string[]): Promise<void> {
  workspaceFolders = [...workspaceFolders.filter((f) => !removed.includes(f)), ...added.filter((f) => !workspaceFolders.includes(f))];
  if (!indexer) return;
  // Open documents stay indexed from their editor text.
  for (const f of removed) indexer.removedFolder(f, (uri) => documents.get(uri) !== undefined);
  try {
    await indexer.scan(added);
  } catch (e) {
    connection.console.error(`fcs-lint: indexing ${added.join(', ')} failed: ${String(e)}`);
  }
  revalidateAll();
}

/**
 * A spec or flag file changed the workspace index: re-check the open documents its change can
 * affect (flag files read the specs that link them, specs and PRDs read flag files), once per
 * burst of changes.
 */
let affected = new Set<'spec' | 'flags'>();
let affectedTimer: NodeJS.Timeout | undefined;
function revalidateOthers(kind: DocumentKind): void {
  affected.add(kind === 'flags' ? 'spec' : 'flags');
  affectedTimer ??= setTimeout(() => {
    const kinds = affected;
    affected = new Set();
    affectedTimer = undefined;
    for (const d of documents.all()) {
      const k = kindOf(d.uri, d.getText(), d.version);
      if (!kinds.has(k === 'flags' ? 'flags' : 'spec') || k === 'unknown') continue;
      analyses.delete(d.uri);
      queue.schedule(d.uri);
    }
  }, 300);
}

// .fcs-lint.yaml, ledger or checklist package changed (watched files): new configuration, no restart.
connection.onDidChangeWatchedFiles((e) => {
  if (!lspConfig.onFilesChanged(e.changes)) return;
  lspConfig.refreshProblems(documents.all().map((d) => d.uri));
  revalidateAll();
});

async function refreshSettings(): Promise<void> {
  if (!canPullConfig) return;
  try {
    const s = (await connection.workspace.getConfiguration('fcsLint')) as Partial<Settings> | null;
    settings = { ...DEFAULTS, ...(s ?? {}), markdown: { globs: Array.isArray(s?.markdown?.globs) ? s.markdown.globs.filter((g): g is string => typeof g === 'string') : DEFAULTS.markdown.globs } };
  } catch {
    settings = DEFAULTS;
  }
  revalidateAll();
}

function revalidateAll(): void {
  analyses.clear();
  for (const d of documents.all()) queue.schedule(d.uri);
}

connection.onDidChangeConfiguration(() => void refreshSettings());
connection.onNotification(TRUST_NOTIFICATION, (p: TrustParams) => {
  baseEnv = undefined;
  lspConfig.setTrusted(p.trusted);
  revalidateAll();
});

function validate(uri: string): void {
  const doc = documents.get(uri);
  if (!doc) return;
  const version = doc.version;
  if (!settings.enable) {
    void connection.sendDiagnostics({ uri, version, diagnostics: [] });
    return;
  }
  // (Detecting a flag file parses it: that parse counts for the status's `incremental`.)
  const reused = sources.stats.incremental;
  if (kindOf(uri, doc.getText(), version) === 'unknown') return;
  try {
    const a = analyses.get(doc);
    const incremental = sources.stats.incremental > reused;
    // The document may have changed while we were linting: never publish stale results.
    if (documents.get(uri)?.version !== version) return;
    void connection.sendDiagnostics({ uri, version, diagnostics: a.result.findings.map((f) => toDiagnostic(f, PACKAGE_ROOT)) });
    const counts: Record<string, number> = {};
    for (const f of a.result.findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
    const status: StatusParams = { uri, version, counts, open: a.result.findings.filter((f) => f.status === 'open').length, durationMs: Math.round(a.durationMs), at: new Date().toISOString(), incremental };
    void connection.sendNotification(STATUS_NOTIFICATION, status);
  } catch (e) {
    connection.console.error(`fcs-lint: linting ${uri} failed: ${(e as Error).stack ?? String(e)}`);
  }
}

const queue = new ValidationQueue(validate);

documents.onDidOpen((e) => queue.schedule(e.document.uri));
documents.onDidChangeContent((e) => {
  if (settings.run === 'onType') queue.schedule(e.document.uri);
  const doc = e.document;
  indexer?.changed(doc.uri, () => documents.get(doc.uri)?.getText() ?? doc.getText());
});
documents.onDidSave((e) => queue.schedule(e.document.uri));
documents.onDidClose((e) => {
  queue.cancel(e.document.uri);
  analyses.delete(e.document.uri);
  sources.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

registerFeatures(
  { connection, documents, analyses, envFor, packageRoot: PACKAGE_ROOT, enabled: () => settings.enable, onSave: () => settings.run === 'onSave' },
  () => features,
);

process.on('uncaughtException', (e) => connection.console.error(`fcs-lint: ${e.stack ?? String(e)}`));

documents.listen(connection);
connection.listen();
