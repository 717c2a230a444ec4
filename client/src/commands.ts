// The FCS commands: show a rule's documentation, insert a quick fix's snippet, reveal the
// findings, lint the whole workspace (including files not open), restart, show the output.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, LINT_FILES_REQUEST, type LintFilesResult, type SnippetEditArgs } from '../../server/src/lsp/protocol';

const RULE_ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;

export interface CommandDeps {
  context: vscode.ExtensionContext;
  client: () => LanguageClient | undefined;
  output: vscode.OutputChannel;
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { context } = deps;
  return [
    vscode.commands.registerCommand(COMMANDS.showDocumentation, (ruleId?: string) => showDocumentation(context, ruleId)),
    vscode.commands.registerCommand(COMMANDS.applySnippet, (args: SnippetEditArgs) => applySnippet(deps, args)),
    vscode.commands.registerCommand(COMMANDS.showFindings, () => vscode.commands.executeCommand('workbench.actions.view.problems')),
    vscode.commands.registerCommand(COMMANDS.lintWorkspace, () => lintWorkspace(deps)),
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      await deps.client()?.restart();
      deps.output.appendLine(`[${new Date().toLocaleTimeString()}] language server restarted`);
    }),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => deps.output.show(true)),
  ];
}

async function showDocumentation(context: vscode.ExtensionContext, ruleId?: string): Promise<void> {
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  if (!id) {
    // The finding under the cursor, else a pick from the rule pages.
    const ed = vscode.window.activeTextEditor;
    const here = ed ? vscode.languages.getDiagnostics(ed.document.uri).find((d) => d.source === 'fcs-lint' && d.range.contains(ed.selection.active)) : undefined;
    id = here ? String(typeof here.code === 'object' ? here.code.value : here.code) : undefined;
  }
  if (!id) {
    const dir = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
    const entries = await vscode.workspace.fs.readDirectory(dir).then(
      (e) => e.map(([n]) => n.replace(/\.md$/, '')).filter((n) => RULE_ID.test(n)).sort(),
      () => [] as string[],
    );
    id = await vscode.window.showQuickPick(entries, { placeHolder: 'Rule to show the documentation of' });
  }
  if (!id || !RULE_ID.test(id)) return;
  const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
  try {
    await vscode.workspace.fs.stat(page);
  } catch {
    void vscode.window.showInformationMessage(`${id} has no documentation page in fcs-lint (it may come from an organisation's checklist). Hover the finding for its card.`);
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreview', page);
}

async function applySnippet(deps: CommandDeps, args: SnippetEditArgs): Promise<void> {
  const c = deps.client();
  if (!c) return;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  if (doc.version !== args.version) {
    void vscode.window.showWarningMessage('The file changed since the fix was computed; try the quick fix again.');
    return;
  }
  const editor = await vscode.window.showTextDocument(doc);
  const range = c.protocol2CodeConverter.asRange(args.range);
  // The snippet carries the file's own indentation already: keep its whitespace as is.
  await editor.insertSnippet(new vscode.SnippetString(args.snippet), range, { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true });
}

async function lintWorkspace(deps: CommandDeps): Promise<void> {
  const c = deps.client();
  if (!c) return;
  const markdown = vscode.workspace.getConfiguration('fcsLint').get<string[]>('markdown.globs', []);
  const patterns = ['**/*.fcs.yaml', '**/*.fcs.yml', ...markdown];
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'fcs-lint: linting workspace' }, async () => {
    const t0 = Date.now();
    const found = (await Promise.all(patterns.map((p) => vscode.workspace.findFiles(p, '**/{node_modules,.git}/**', 5000)))).flat();
    const uris = [...new Set(found.map((u) => u.toString()))];
    let findings = 0;
    const failed: string[] = [];
    for (let i = 0; i < uris.length; i += 100) {
      const r = await c.sendRequest<LintFilesResult>(LINT_FILES_REQUEST, { uris: uris.slice(i, i + 100) });
      findings += r.findings;
      failed.push(...r.failed);
    }
    deps.output.appendLine(`[${new Date().toLocaleTimeString()}] linted ${uris.length} files in ${Date.now() - t0} ms: ${findings} findings${failed.length ? `; could not read ${failed.join(', ')}` : ''}`);
    void vscode.window.showInformationMessage(`fcs-lint: ${findings} finding${findings === 1 ? '' : 's'} in ${uris.length} file${uris.length === 1 ? '' : 's'} (for the rules and data evaluated).`);
  });
}
