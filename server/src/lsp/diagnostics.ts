// Findings -> LSP diagnostics. The rule id is the code, with a link to its documentation page;
// the finding's identity and status travel in `data` for code actions. The questions do not
// (code actions and hovers read them from the server's own findings): a large spec's
// diagnostics are published on every keystroke, and the questions would be most of the bytes.
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, Severity } from '../engine/types';

export const SOURCE = 'fcs-lint';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  blocker: DiagnosticSeverity.Error,
  high: DiagnosticSeverity.Error,
  medium: DiagnosticSeverity.Warning,
  low: DiagnosticSeverity.Information,
  info: DiagnosticSeverity.Hint,
};

/** What a code action needs to find the finding again (the rest stays on the server). */
export interface DiagnosticData {
  ruleId: string;
  status: Finding['status'];
  pointer: string;
  /** A "did you mean" replacement for the text at the range (quick fix). */
  suggestion?: string;
}

const docsUris = new Map<string, string>();

/** Where the rule documentation pages are (docs/rules next to the bundle's parent folder); one URL per page, made once. */
export function docsUri(docsPath: string, packageRoot: string): string {
  const key = packageRoot + '\u0000' + docsPath;
  let uri = docsUris.get(key);
  if (uri === undefined) {
    uri = pathToFileURL(path.join(packageRoot, docsPath)).toString();
    if (docsUris.size > 1000) docsUris.clear();
    docsUris.set(key, uri);
  }
  return uri;
}

export function toDiagnostic(f: Finding, packageRoot: string): Diagnostic {
  const data: DiagnosticData = {
    ruleId: f.ruleId,
    status: f.status,
    pointer: f.pointer,
    ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
  };
  return {
    range: f.range,
    severity: LSP_SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: f.docsPath ? { href: docsUri(f.docsPath, packageRoot) } : undefined,
    source: SOURCE,
    message: `[${f.severity}] ${f.message}`,
    data,
  };
}
