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
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLintEnvironment, type LintEnvironment } from './engine/lint';
import { detectKind } from './engine/documentKind';
import { AnalysisCache } from './lsp/analysis';
import { toDiagnostic } from './lsp/diagnostics';
import { clientFeatures, featureCapabilities, registerFeatures, type ClientFeatures } from './lsp/features';
import { STATUS_NOTIFICATION, TRUST_NOTIFICATION, type StatusParams, type TrustParams } from './lsp/protocol';
import { ValidationQueue } from './lsp/validationQueue';
import { LspConfig } from './lsp/config';

interface Settings {
  enable: boolean;
  run: 'onType' | 'onSave';
}

const DEFAULTS: Settings = { enable: true, run: 'onType' };
/** The package root: dist/server.js lives one level below it. */
const PACKAGE_ROOT = path.join(__dirname, '..');
/** Files larger than this are not linted (a clear diagnostic says so). */
const MAX_BYTES = 5 * 1024 * 1024;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const lspConfig = new LspConfig(connection, documents);
let settings: Settings = DEFAULTS;
let canPullConfig = false;
let features: ClientFeatures;
let baseEnv: LintEnvironment | undefined;

/** The lint environment for a document: its folder's configuration (lsp/config), else the built-in one. */
function envFor(uri: string): LintEnvironment {
  const configured = lspConfig.environmentFor(uri);
  if (configured) return configured;
  baseEnv ??= createLintEnvironment();
  return { ...baseEnv, now: new Date() };
}

const analyses = new AnalysisCache(envFor);

connection.onInitialize((params): InitializeResult => {
  canPullConfig = !!params.capabilities.workspace?.configuration;
  // Workspace trust and folders (InitializationOptions) are read by lspConfig.
  lspConfig.initialize(params);
  features = clientFeatures(params);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      ...featureCapabilities(features),
    },
    serverInfo: { name: 'fcs-lint', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canPullConfig) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  lspConfig.registerWatchers();
  void refreshSettings();
});

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
    settings = { ...DEFAULTS, ...(s ?? {}) };
  } catch {
    settings = DEFAULTS;
  }
  revalidateAll();
}

function revalidateAll(): void {
  analyses.clear();
  for (const d of documents.all()) queue.schedule(d.uri, 0);
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
  if (detectKind(uri, doc.getText().slice(0, 8192)) === 'unknown') return;
  try {
    if (doc.getText().length > MAX_BYTES) {
      void connection.sendDiagnostics({
        uri,
        version,
        diagnostics: [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
            message: `fcs-lint skipped this file: it is larger than ${MAX_BYTES / 1024 / 1024} MB.`,
            source: 'fcs-lint',
            severity: 2,
          },
        ],
      });
      return;
    }
    const a = analyses.get(doc);
    // The document may have changed while we were linting: never publish stale results.
    if (documents.get(uri)?.version !== version) return;
    void connection.sendDiagnostics({ uri, version, diagnostics: a.result.findings.map((f) => toDiagnostic(f, PACKAGE_ROOT)) });
    const counts: Record<string, number> = {};
    for (const f of a.result.findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
    const status: StatusParams = { uri, counts, open: a.result.findings.filter((f) => f.status === 'open').length, durationMs: Math.round(a.durationMs), at: new Date().toISOString() };
    void connection.sendNotification(STATUS_NOTIFICATION, status);
  } catch (e) {
    connection.console.error(`fcs-lint: linting ${uri} failed: ${(e as Error).stack ?? String(e)}`);
  }
}

const queue = new ValidationQueue(120, validate);

documents.onDidOpen((e) => queue.schedule(e.document.uri, 0));
documents.onDidChangeContent((e) => {
  if (settings.run === 'onType') queue.schedule(e.document.uri);
});
documents.onDidSave((e) => queue.schedule(e.document.uri, 0));
documents.onDidClose((e) => {
  queue.cancel(e.document.uri);
  analyses.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

registerFeatures(
  { connection, documents, analyses, envFor, packageRoot: PACKAGE_ROOT, enabled: () => settings.enable, onSave: () => settings.run === 'onSave' },
  () => features,
);

process.on('uncaughtException', (e) => connection.console.error(`fcs-lint: ${e.stack ?? String(e)}`));

documents.listen(connection);
connection.listen();
