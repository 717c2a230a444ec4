// Language server wiring only: documents in, diagnostics out. All checking is in the engine.
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
import { createLintEnvironment, lintDocument, type LintEnvironment } from './engine/lint';
import { detectKind } from './engine/documentKind';
import { toDiagnostic } from './lsp/diagnostics';
import { ValidationQueue } from './lsp/validationQueue';

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
let settings: Settings = DEFAULTS;
let canPullConfig = false;
let baseEnv: LintEnvironment | undefined;

function env(): LintEnvironment {
  baseEnv ??= createLintEnvironment();
  return { ...baseEnv, now: new Date() };
}

connection.onInitialize((params): InitializeResult => {
  canPullConfig = !!params.capabilities.workspace?.configuration;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    },
    serverInfo: { name: 'fcs-lint', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canPullConfig) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  void refreshSettings();
});

async function refreshSettings(): Promise<void> {
  if (!canPullConfig) return;
  try {
    const s = (await connection.workspace.getConfiguration('fcsLint')) as Partial<Settings> | null;
    settings = { ...DEFAULTS, ...(s ?? {}) };
  } catch {
    settings = DEFAULTS;
  }
  for (const d of documents.all()) queue.schedule(d.uri, 0);
}

connection.onDidChangeConfiguration(() => void refreshSettings());

function validate(uri: string): void {
  const doc = documents.get(uri);
  if (!doc) return;
  const version = doc.version;
  if (!settings.enable) {
    void connection.sendDiagnostics({ uri, version, diagnostics: [] });
    return;
  }
  const text = doc.getText();
  if (detectKind(uri, text.slice(0, 8192)) === 'unknown') return;
  try {
    if (text.length > MAX_BYTES) {
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
    const result = lintDocument(uri, text, env());
    // The document may have changed while we were linting: never publish stale results.
    if (documents.get(uri)?.version !== version) return;
    void connection.sendDiagnostics({ uri, version, diagnostics: result.findings.map((f) => toDiagnostic(f, PACKAGE_ROOT)) });
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
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

process.on('uncaughtException', (e) => connection.console.error(`fcs-lint: ${e.stack ?? String(e)}`));

documents.listen(connection);
connection.listen();
