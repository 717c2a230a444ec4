// The report webview: theme-aware, strict CSP with a nonce, no remote resources. Clicking a
// finding or a matrix cell reveals the spec line; the report follows edits to the spec;
// "Export report…" writes the same Markdown, HTML or JSON as the CLI.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildAssessment, renderHtml, renderJson, renderMarkdown, type Assessment } from '../../../server/src/engine/assess';
import { createLintEnvironment, type LintEnvironment } from '../../../server/src/engine/lint';
import { writeAtomic } from './writeAtomic';

export type ExportFormat = 'markdown' | 'html' | 'json';
const EXT: Record<ExportFormat, string> = { markdown: 'md', html: 'html', json: 'json' };

let env: LintEnvironment | undefined;
/** One environment per session (checklists compile once); the clock is refreshed per build. */
export function assessEnvironment(): LintEnvironment {
  env ??= createLintEnvironment();
  env.now = new Date();
  return env;
}

export async function specText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
}

export async function assess(uri: vscode.Uri, includeEngagements = false): Promise<Assessment> {
  return buildAssessment(uri.toString(), await specText(uri), assessEnvironment(), { includeEngagements, file: vscode.workspace.asRelativePath(uri) });
}

export function render(a: Assessment, format: ExportFormat): string {
  return format === 'markdown' ? renderMarkdown(a) : format === 'json' ? renderJson(a) : renderHtml(a);
}

export async function exportReport(uri: vscode.Uri, format: ExportFormat, target: vscode.Uri, includeEngagements = false): Promise<void> {
  await writeAtomic(target, render(await assess(uri, includeEngagements), format));
}

export class ReportPanel {
  private static readonly panels = new Map<string, ReportPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** The last assessment shown (for tests and exports). */
  current: Assessment | undefined;

  static async show(uri: vscode.Uri): Promise<ReportPanel> {
    const key = uri.toString();
    let p = ReportPanel.panels.get(key);
    if (p) p.panel.reveal(undefined, true);
    else {
      p = new ReportPanel(uri);
      ReportPanel.panels.set(key, p);
    }
    await p.refresh();
    return p;
  }

  private readonly panel: vscode.WebviewPanel;

  private constructor(private readonly uri: vscode.Uri) {
    this.panel = vscode.window.createWebviewPanel('fcsLint.assessReport', `Assessment: ${path.basename(uri.path)}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [],
      retainContextWhenHidden: false,
    });
    this.panel.onDidDispose(() => this.dispose(), null, this.disposables);
    this.panel.webview.onDidReceiveMessage((m: { type?: string; line?: number; character?: number }) => void this.onMessage(m), null, this.disposables);
    vscode.workspace.onDidChangeTextDocument((e) => e.document.uri.toString() === uri.toString() && this.schedule(), null, this.disposables);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), path.basename(uri.path)));
    watcher.onDidChange(() => this.schedule(), null, this.disposables);
    watcher.onDidCreate(() => this.schedule(), null, this.disposables);
    this.disposables.push(watcher);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 250);
  }

  async refresh(): Promise<void> {
    try {
      this.current = await assess(this.uri);
      const nonce = randomBytes(16).toString('base64');
      this.panel.webview.html = renderHtml(this.current, { webview: { nonce, cspSource: this.panel.webview.cspSource } });
    } catch (e) {
      void vscode.window.showErrorMessage(`FCS: the assessment could not be built: ${(e as Error).message}`);
    }
  }

  private async onMessage(m: { type?: string; line?: number; character?: number }): Promise<void> {
    if (m.type === 'reveal' && typeof m.line === 'number') {
      const doc = await vscode.workspace.openTextDocument(this.uri);
      const pos = new vscode.Position(Math.max(0, m.line), Math.max(0, m.character ?? 0));
      const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(pos, pos), preserveFocus: false });
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } else if (m.type === 'export') {
      await vscode.commands.executeCommand('fcsLint.assessFeature.export', this.uri);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    ReportPanel.panels.delete(this.uri.toString());
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

export async function exportInteractive(uri: vscode.Uri): Promise<vscode.Uri | undefined> {
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'Markdown', description: 'for pull-request comments', format: 'markdown' as const },
      { label: 'HTML', description: 'a self-contained file for sharing', format: 'html' as const },
      { label: 'JSON', description: 'for other tools', format: 'json' as const },
    ],
    { title: 'FCS: Export report', placeHolder: 'Format (engagement details are left out)' },
  );
  if (!pick) return undefined;
  const base = path.basename(uri.path).replace(/\.fcs\.ya?ml$/i, '').replace(/\.[^.]+$/, '');
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(uri, '..', `${base}.assessment.${EXT[pick.format]}`),
    filters: { [pick.label]: [EXT[pick.format]] },
    title: 'Export the assessment',
  });
  if (!target) return undefined;
  await exportReport(uri, pick.format, target);
  void vscode.window.showInformationMessage(`FCS: assessment exported to ${vscode.workspace.asRelativePath(target)}.`);
  return target;
}
