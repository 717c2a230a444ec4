// "fcs-lint: lint workspace" as a task: runs the CLI on each workspace folder with stylish
// output, which the `$fcs-lint` problem matcher turns into problems.
import * as fs from 'node:fs';
import * as vscode from 'vscode';

export const TASK_TYPE = 'fcs-lint';

interface FcsLintTaskDefinition extends vscode.TaskDefinition {
  paths?: string[];
}

/** The CLI command: the setting, else the bundled CLI when present, else the workspace's. */
function cliCommand(context: vscode.ExtensionContext, folder: vscode.WorkspaceFolder): string {
  const configured = vscode.workspace.getConfiguration('fcsLint', folder.uri).get<string>('lintTask.command', '').trim();
  if (configured) return configured;
  const bundled = context.asAbsolutePath('dist/cli.js');
  return fs.existsSync(bundled) ? `node "${bundled}"` : 'npx --no-install fcs-lint';
}

function taskFor(context: vscode.ExtensionContext, folder: vscode.WorkspaceFolder, def: FcsLintTaskDefinition): vscode.Task {
  const paths = (def.paths?.length ? def.paths : ['.']).map((p) => JSON.stringify(p)).join(' ');
  const exec = new vscode.ShellExecution(`${cliCommand(context, folder)} lint ${paths} --format stylish --no-color --no-progress`, { cwd: folder.uri.fsPath });
  const task = new vscode.Task(def, folder, 'lint workspace', 'fcs-lint', exec, ['$fcs-lint']);
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}

export function registerTasks(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.tasks.registerTaskProvider(TASK_TYPE, {
    provideTasks: () => (vscode.workspace.isTrusted ? (vscode.workspace.workspaceFolders ?? []).map((f) => taskFor(context, f, { type: TASK_TYPE })) : []),
    resolveTask: (task) => {
      const folder = task.scope && typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
      return folder ? taskFor(context, folder, task.definition as FcsLintTaskDefinition) : undefined;
    },
  });
}
