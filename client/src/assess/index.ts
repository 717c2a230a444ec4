// "FCS: Assess feature" (fcsLint.assessFeature): guided flow → spec created or updated by an
// undoable workspace edit → report webview. The builder runs here in the extension host
// (the engine is pure and bundled into the client), so the report needs no server round
// trip and works before the language server has started.
//
// Non-interactive use (tests, other extensions): pass an argument object with `answers` to
// skip the quick input, e.g.
//   vscode.commands.executeCommand('fcsLint.assessFeature', { uri, answers: { name: 'X', functions: ['fn.location'], markets: ['SDN'] }, export: { format: 'html', path: '/tmp/a.html' } })
// It resolves to an AssessFeatureResult (or undefined when cancelled).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { currentEdition } from '../../../server/src/engine/contexts/fcsList';
import { runGuidedFlow } from './flow';
import { inferFunctions, inferName } from './infer';
import { exportInteractive, exportReport, ReportPanel, type ExportFormat } from './panel';
import { slug, specInsertions, SpecSyntaxError, type AssessAnswers, type Insertion } from './specUpdate';

export interface AssessFeatureArgs {
  /** The document the command runs for (a spec, a PRD, a flag file); default: the active editor. */
  uri?: string | vscode.Uri;
  /** Where the spec is or should be created; default: next to `uri` (<name>.fcs.yaml). */
  specUri?: string | vscode.Uri;
  /** Answers; when given, the quick input is skipped (missing answers come from the pre-fill). */
  answers?: Partial<AssessAnswers>;
  /** Open the report webview (default true). */
  openReport?: boolean;
  /** Also write the report to a file. */
  export?: { format: ExportFormat; path: string; includeEngagements?: boolean };
}

export interface AssessFeatureResult {
  specUri: string;
  created: boolean;
  edited: boolean;
  summary: string;
  cells: number;
  suggested: number;
  findings: number;
  exported?: string;
}

const toUri = (u: string | vscode.Uri | undefined): vscode.Uri | undefined =>
  u === undefined ? undefined : typeof u === 'string' ? (/^[a-z][a-z0-9+.-]+:/i.test(u) && !/^[a-z]:[\\/]/i.test(u) ? vscode.Uri.parse(u) : vscode.Uri.file(u)) : u;

const isSpec = (u: vscode.Uri): boolean => /\.fcs\.ya?ml$/i.test(u.path);

function specFor(source: vscode.Uri): vscode.Uri | undefined {
  if (isSpec(source)) return source;
  if (source.scheme === 'untitled') return undefined;
  const base = path.posix.basename(source.path).replace(/\..*$/, '') || 'feature';
  return vscode.Uri.joinPath(source, '..', `${base}.fcs.yaml`);
}

async function readIfExists(uri: vscode.Uri): Promise<string | null> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  } catch {
    return null;
  }
}

const strings = (v: unknown, key?: string): string[] =>
  Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : key && x && typeof x === 'object' ? (x as Record<string, unknown>)[key] : undefined)).filter((x): x is string => typeof x === 'string') : [];

function prefill(spec: string | null, sourceText: string | null, fallbackName: string): AssessAnswers {
  if (spec) {
    try {
      const d = (parse(spec) ?? {}) as Record<string, unknown>;
      const f = (d['feature'] ?? {}) as Record<string, unknown>;
      return {
        name: typeof f['name'] === 'string' ? f['name'] : fallbackName,
        functions: strings(f['functions']),
        markets: strings(d['markets'], 'country').map((c) => c.toUpperCase()),
        userGroups: strings(d['user_groups'], 'id'),
        dataCategories: strings(d['data'], 'category'),
        stage: typeof f['lifecycle_stage'] === 'string' ? f['lifecycle_stage'] : 'design',
      };
    } catch {
      /* unparsable: fall through to inference */
    }
  }
  const text = sourceText ?? '';
  return { name: inferName(text, fallbackName), functions: inferFunctions(text), markets: [], userGroups: ['ug.general'], dataCategories: [], stage: 'design' };
}

async function applySpec(specUri: vscode.Uri, existing: string | null, insertions: Insertion[]): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  if (existing === null) {
    edit.createFile(specUri, { ignoreIfExists: true });
    edit.insert(specUri, new vscode.Position(0, 0), insertions.map((i) => i.text).join(''));
  } else {
    if (insertions.length === 0) return false;
    const doc = await vscode.workspace.openTextDocument(specUri);
    for (const i of insertions) edit.insert(specUri, doc.positionAt(i.offset), i.text);
  }
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`the edit to ${vscode.workspace.asRelativePath(specUri)} was not applied`);
  const doc = await vscode.workspace.openTextDocument(specUri);
  if (existing === null) await doc.save();
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false, preserveFocus: true });
  return true;
}

export async function assessFeature(arg?: vscode.Uri | AssessFeatureArgs): Promise<AssessFeatureResult | undefined> {
  const args: AssessFeatureArgs = arg instanceof vscode.Uri ? { uri: arg } : (arg ?? {});
  const source = toUri(args.uri) ?? vscode.window.activeTextEditor?.document.uri;
  let specUri = toUri(args.specUri) ?? (source ? specFor(source) : undefined);
  const existing = specUri ? await readIfExists(specUri) : null;
  const sourceText = source && (!specUri || source.toString() !== specUri.toString()) ? await readIfExists(source) : null;
  const fallbackName = source ? path.posix.basename(source.path).replace(/\..*$/, '').replace(/[-_]+/g, ' ') : '';
  const initial = prefill(existing, sourceText, fallbackName);
  const answers = args.answers ? { ...initial, ...args.answers } : await runGuidedFlow(initial, currentEdition());
  if (!answers) return undefined;
  if (!specUri) {
    const folder = vscode.workspace.workspaceFolders?.[0];
    specUri = folder
      ? vscode.Uri.joinPath(folder.uri, `${slug(answers.name)}.fcs.yaml`)
      : await vscode.window.showSaveDialog({ title: 'Where should the spec be saved?', filters: { 'fcs-lint spec': ['fcs.yaml'] } });
    if (!specUri) return undefined;
  }
  const current = existing ?? (await readIfExists(specUri));
  let insertions: Insertion[];
  try {
    insertions = specInsertions(current, answers);
  } catch (e) {
    if (e instanceof SpecSyntaxError) {
      void vscode.window.showErrorMessage(`FCS: ${e.message}`);
      return undefined;
    }
    throw e;
  }
  const edited = await applySpec(specUri, current, insertions);
  let assessment;
  if (args.openReport !== false) assessment = (await ReportPanel.show(specUri)).current;
  let exported: string | undefined;
  if (args.export) {
    const target = toUri(args.export.path)!;
    await exportReport(specUri, args.export.format, target, !!args.export.includeEngagements);
    exported = target.toString();
  }
  if (!assessment) {
    const { assess } = await import('./panel');
    assessment = await assess(specUri);
  }
  return {
    specUri: specUri.toString(),
    created: current === null,
    edited,
    summary: assessment.summary,
    cells: assessment.matrix.counts.cells,
    suggested: assessment.matrix.counts.suggested,
    findings: assessment.findings.length,
    exported,
  };
}

/** FCS: Assess feature — a Uri (menus) starts the guided flow; an argument object runs it without prompts. */
export function assessFeatureCommand(arg?: unknown): ReturnType<typeof assessFeature> {
  return assessFeature(arg as vscode.Uri | AssessFeatureArgs | undefined);
}

/** FCS: Export report — with {specUri, format, path} it writes without prompts. */
export async function exportCommand(raw?: unknown): Promise<string | undefined> {
  const arg = raw as vscode.Uri | { specUri: string; format: ExportFormat; path: string; includeEngagements?: boolean } | undefined;
  if (arg && !(arg instanceof vscode.Uri)) {
    await exportReport(toUri(arg.specUri)!, arg.format, toUri(arg.path)!, !!arg.includeEngagements);
    return toUri(arg.path)!.toString();
  }
  const uri = arg ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri || !isSpec(uri)) {
    void vscode.window.showWarningMessage('FCS: open an *.fcs.yaml spec (or run FCS: Assess feature) to export its report.');
    return undefined;
  }
  return (await exportInteractive(uri))?.toString();
}
