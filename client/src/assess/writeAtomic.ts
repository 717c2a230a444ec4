// Export writes: a temporary file in the same folder, then a rename, so a reader never sees
// a half-written report. Non-file URIs go through the workspace file system.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export async function writeAtomic(uri: vscode.Uri, content: string): Promise<void> {
  if (uri.scheme !== 'file') {
    await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
    return;
  }
  const file = uri.fsPath;
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await fs.promises.writeFile(tmp, content, { encoding: 'utf8', flag: 'wx' });
    await fs.promises.rename(tmp, file);
  } catch (e) {
    await fs.promises.unlink(tmp).catch(() => undefined);
    throw e;
  }
}
