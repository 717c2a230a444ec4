// A small multi-step quick input with back navigation (the pattern from VS Code's samples):
// each step resolves to a value, to BACK (the Back button), or to undefined (cancelled).
import * as vscode from 'vscode';

export const BACK = Symbol('back');
export type StepResult<T> = T | typeof BACK | undefined;

export interface PickItem<V> extends vscode.QuickPickItem {
  value?: V;
}

function stepTitle(title: string, step: number, total: number): string {
  return `${title} (${step}/${total})`;
}

export function inputStep(o: { title: string; step: number; total: number; prompt: string; value: string; validate?: (v: string) => string | undefined }): Promise<StepResult<string>> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    box.title = stepTitle(o.title, o.step, o.total);
    box.prompt = o.prompt;
    box.value = o.value;
    box.ignoreFocusOut = true;
    box.buttons = o.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    let done = false;
    const finish = (r: StepResult<string>) => {
      if (done) return;
      done = true;
      resolve(r);
      box.dispose();
    };
    box.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && finish(BACK));
    box.onDidChangeValue((v) => (box.validationMessage = o.validate?.(v)));
    box.onDidAccept(() => {
      const err = o.validate?.(box.value);
      if (err) box.validationMessage = err;
      else finish(box.value);
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}

export function pickStep<V>(o: { title: string; step: number; total: number; placeholder: string; items: PickItem<V>[]; selected: V[]; many: boolean }): Promise<StepResult<V[]>> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<PickItem<V>>();
    qp.title = stepTitle(o.title, o.step, o.total);
    qp.placeholder = o.placeholder;
    qp.canSelectMany = o.many;
    qp.matchOnDescription = true;
    qp.ignoreFocusOut = true;
    qp.items = o.items;
    const sel = o.items.filter((i) => i.value !== undefined && o.selected.includes(i.value));
    if (o.many) qp.selectedItems = sel;
    else if (sel[0]) qp.activeItems = [sel[0]];
    qp.buttons = o.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    let done = false;
    const finish = (r: StepResult<V[]>) => {
      if (done) return;
      done = true;
      resolve(r);
      qp.dispose();
    };
    qp.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && finish(BACK));
    qp.onDidAccept(() => {
      const chosen = (o.many ? qp.selectedItems : qp.activeItems).map((i) => i.value).filter((v): v is V => v !== undefined);
      finish(chosen);
    });
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}
