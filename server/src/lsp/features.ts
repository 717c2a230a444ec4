// Request handlers for the editor features (code actions, hover, completion, code lens,
// document symbols, commands). Each computes its answer on request from the shared analysis;
// nothing here runs on a keystroke.
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CodeActionKind, type Connection, type InitializeParams, type ServerCapabilities, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocument as TD } from 'vscode-languageserver-textdocument';
import type { LintEnvironment } from '../engine/lint';
import { lintDocument } from '../engine/lint';
import { detectKind } from '../engine/documentKind';
import type { AnalysisCache } from './analysis';
import { codeActions, type ActionOptions } from './codeActions';
import { codeLenses } from './codeLens';
import { complete } from './completion';
import { docsUri, toDiagnostic } from './diagnostics';
import { hover } from './hover';
import { COMMANDS, FIX_ALL_KIND, LINT_FILES_REQUEST, type InitializationOptions, type LintFilesParams, type LintFilesResult } from './protocol';
import { documentSymbols } from './symbols';

export interface FeatureDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analyses: AnalysisCache;
  envFor: (uri: string) => LintEnvironment;
  packageRoot: string;
  enabled: () => boolean;
  /** `fcsLint.run` is onSave: lenses show the last lint instead of linting unsaved edits. */
  onSave: () => boolean;
}

export interface ClientFeatures {
  actions: ActionOptions;
  serverShowsDocumentation: boolean;
}

export function clientFeatures(params: InitializeParams): ClientFeatures {
  const init = (params.initializationOptions ?? {}) as InitializationOptions;
  const we = params.capabilities.workspace?.workspaceEdit as { documentChanges?: boolean; snippetEditSupport?: boolean } | undefined;
  const mode = we?.snippetEditSupport && we.documentChanges ? 'snippetEdit' : init.snippetCommand ? 'snippetCommand' : 'plain';
  return { actions: { mode, documentChanges: !!we?.documentChanges }, serverShowsDocumentation: !init.clientShowsDocumentation };
}

export function featureCapabilities(f: ClientFeatures): Partial<ServerCapabilities> {
  return {
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
    hoverProvider: true,
    completionProvider: { triggerCharacters: [' ', ':', '-', ',', '['], resolveProvider: false },
    codeLensProvider: { resolveProvider: false },
    documentSymbolProvider: true,
    ...(f.serverShowsDocumentation ? { executeCommandProvider: { commands: [COMMANDS.showDocumentation] } } : {}),
  };
}

export function registerFeatures(deps: FeatureDeps, features: () => ClientFeatures): void {
  const { connection, documents, analyses } = deps;
  const lintable = (uri: string) => {
    const d = documents.get(uri);
    return d && deps.enabled() && detectKind(uri, d.getText().slice(0, 8192)) !== 'unknown' ? d : undefined;
  };

  connection.onCodeAction((p) => {
    const doc = lintable(p.textDocument.uri);
    if (!doc) return [];
    const a = analyses.get(doc);
    return codeActions(
      {
        uri: doc.uri,
        version: doc.version,
        text: a.text,
        src: a.result.kind === 'spec' || a.result.kind === 'flags' ? a.yaml() : undefined,
        kind: a.result.kind,
        diagnostics: p.context.diagnostics,
        only: p.context.only,
        env: deps.envFor(doc.uri),
        findings: a.result.findings,
      },
      features().actions,
    );
  });

  connection.onHover((p) => {
    const doc = lintable(p.textDocument.uri);
    return doc ? hover(analyses.get(doc), p.position, { env: deps.envFor(doc.uri), packageRoot: deps.packageRoot }) : null;
  });

  connection.onCompletion((p) => {
    const doc = lintable(p.textDocument.uri);
    if (!doc) return [];
    // The last analysis is good enough for "which rules fire on the next line".
    const last = analyses.peek(doc.uri)?.result;
    const kind = last?.kind ?? detectKind(doc.uri, doc.getText().slice(0, 8192));
    return complete({ text: doc.getText(), position: p.position, env: deps.envFor(doc.uri), findings: last?.findings ?? [], kind });
  });

  connection.onCodeLens((p) => {
    const doc = lintable(p.textDocument.uri);
    if (!doc) return [];
    const a = (deps.onSave() && analyses.peek(doc.uri)) || analyses.get(doc);
    return codeLenses(a, deps.envFor(doc.uri));
  });

  connection.onDocumentSymbol((p) => {
    const doc = lintable(p.textDocument.uri);
    if (!doc) return [];
    const a = analyses.get(doc);
    return a.result.kind === 'spec' ? documentSymbols(a.yaml()) : [];
  });

  connection.onExecuteCommand(async (p) => {
    if (p.command === COMMANDS.showDocumentation) {
      const id = String(p.arguments?.[0] ?? '');
      if (!/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/.test(id)) return null;
      await connection.window.showDocument({ uri: docsUri(`docs/rules/${id}.md`, deps.packageRoot), takeFocus: true });
    }
    return null;
  });

  // "Lint workspace": the client lists the files (it knows the folders and excludes), the
  // server reads and lints them and publishes their findings like those of open documents.
  connection.onRequest(LINT_FILES_REQUEST, (p: LintFilesParams): LintFilesResult => {
    let findings = 0;
    const failed: string[] = [];
    for (const uri of p.uris) {
      if (documents.get(uri)) continue; // open documents are linted as they change
      try {
        const text = fs.readFileSync(fileURLToPath(uri), 'utf8');
        const doc = TD.create(uri, 'yaml', 0, text);
        const result = lintDocument(uri, doc.getText(), deps.envFor(uri));
        findings += result.findings.length;
        void connection.sendDiagnostics({ uri, diagnostics: result.findings.map((f) => toDiagnostic(f, deps.packageRoot)) });
      } catch {
        failed.push(uri);
      }
    }
    return { files: p.uris.length, findings, failed };
  });
}
