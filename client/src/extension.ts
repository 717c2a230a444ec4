// VS Code side: start the language server lazily and hand it fcs-lint's documents.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const output = vscode.window.createOutputChannel('fcs-lint');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', pattern: '**/*.fcs.yaml' },
      { scheme: 'file', pattern: '**/*.fcs.yml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: { configurationSection: 'fcsLint' },
    outputChannel: output,
  };
  client = new LanguageClient('fcsLint', 'fcs-lint', serverOptions, clientOptions);
  context.subscriptions.push(output);
  (require('./assess') as typeof import('./assess')).registerAssessFeature(context); // FCS: Assess feature
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
