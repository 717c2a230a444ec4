// The language status item: findings of the active spec by severity, and when it was last linted.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';
import { COMMANDS } from '../../server/src/lsp/protocol';

const ORDER = ['blocker', 'high', 'medium', 'low', 'info'];

export class LintStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly last = new Map<string, StatusParams>();
  private readonly sub: vscode.Disposable;

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('fcsLint.status', selector);
    this.item.name = 'fcs-lint';
    this.item.text = 'fcs-lint';
    this.item.command = { title: 'Show output', command: COMMANDS.showOutput };
    this.sub = vscode.window.onDidChangeActiveTextEditor(() => this.render());
  }

  update(p: StatusParams): void {
    this.last.set(p.uri, p);
    this.render();
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const p = uri ? this.last.get(uri) : undefined;
    if (!p) {
      this.item.text = 'fcs-lint';
      this.item.detail = 'not linted yet';
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const parts = ORDER.filter((s) => p.counts[s]).map((s) => `${p.counts[s]} ${s}`);
    this.item.text = parts.length ? `fcs-lint: ${parts.join(', ')}` : 'fcs-lint: no findings';
    this.item.detail = `${p.open} open · linted ${new Date(p.at).toLocaleTimeString()} in ${p.durationMs} ms`;
    this.item.severity = p.counts['blocker'] ? vscode.LanguageStatusSeverity.Error : p.counts['high'] ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.item.dispose();
    this.sub.dispose();
  }
}
