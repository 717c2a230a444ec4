// VS Code side: start the language server lazily, hand it fcs-lint's documents, and register the
// FCS commands, the lint task, the language status item and workspace-trust updates.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, TRUST_NOTIFICATION, type InitializationOptions, type StatusParams } from '../../server/src/lsp/protocol';
import { registerCommands } from './commands';
import { LintStatus } from './status';
import { registerTasks } from './tasks';

let client: LanguageClient | undefined;

/** Documents the server sees; it decides by name and content which ones it lints. */
const SELECTOR: { scheme: string; language?: string; pattern?: string }[] = [
  { scheme: 'file', language: 'yaml' },
  { scheme: 'untitled', language: 'yaml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'markdown' },
  { scheme: 'file', pattern: '**/*.fcs.{yaml,yml}' },
];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // dist/server.js, started through V8's code cache (server/src/loader/serverMain.ts).
  const serverModule = context.asAbsolutePath(path.join('dist', 'serverMain.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const output = vscode.window.createOutputChannel('fcs-lint');
  const initializationOptions: InitializationOptions = {
    snippetCommand: true,
    clientShowsDocumentation: true,
    trusted: vscode.workspace.isTrusted,
    workspaceFolders: (vscode.workspace.workspaceFolders ?? []).map((f) => ({ uri: f.uri.toString(), name: f.name })),
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    synchronize: { configurationSection: 'fcsLint' },
    outputChannel: output,
    initializationOptions,
  };
  client = new LanguageClient('fcsLint', 'fcs-lint', serverOptions, clientOptions);
  const status = new LintStatus(SELECTOR);
  context.subscriptions.push(
    output,
    status,
    ...registerCommands({ context, client: () => client, output }),
    registerTasks(context),
    client.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => status.update(p)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(TRUST_NOTIFICATION, { trusted: true })),
  );
  // Feature modules register here (one line each).
  registerAssessCommands(context); // FCS: Assess feature (loads dist/assess.js on first use)
  await client.start();
}

type AssessModule = typeof import('./assess');
let assessModule: AssessModule | undefined;

/** The Assess feature is bundled separately (dist/assess.js) and required on first use. */
function loadAssess(): AssessModule {
  // A computed path keeps esbuild from inlining the module into this bundle.
  assessModule ??= require(path.join(__dirname, 'assess.js')) as AssessModule;
  return assessModule;
}

function registerAssessCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('fcsLint.assessFeature', (arg?: unknown) => loadAssess().assessFeatureCommand(arg)),
    vscode.commands.registerCommand('fcsLint.assessFeature.export', (arg?: unknown) => loadAssess().exportCommand(arg)),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
