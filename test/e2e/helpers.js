// Shared helpers for the extension-host suites: open fixtures, wait for fcs-lint's diagnostics,
// locate expected ranges by content (never by counting lines by hand).
const assert = require('assert');
const cp = require('child_process');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = 'fcs-lint.fcs-lint';
const SOURCE = 'fcs-lint';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Poll `fn` until it returns something truthy; fail with `what` and the last state after `timeout`. */
async function waitFor(fn, { timeout = 20000, interval = 50, what = 'condition', state } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}${state ? `; last state: ${state()}` : ''}`);
    await sleep(interval);
  }
}

function codeOf(d) {
  return typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
}

/** fcs-lint's diagnostics for a URI. */
function fcsDiagnostics(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function describe(diags) {
  return JSON.stringify(diags.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`));
}

/** Wait until fcs-lint's diagnostics for `uri` satisfy `predicate`; returns them. */
function waitForDiagnostics(uri, predicate, what, timeout = 20000) {
  return waitFor(() => { const d = fcsDiagnostics(uri); return predicate(d) ? d : undefined; }, {
    timeout, what: `${what} in ${vscode.workspace.asRelativePath(uri)}`, state: () => describe(fcsDiagnostics(uri)),
  });
}

/** Wait until rule `ruleId` has fired on `uri` (at `range`, if given); returns its diagnostics. */
function waitForRule(uri, ruleId, range) {
  const match = (d) => codeOf(d) === ruleId && (!range || d.range.isEqual(range));
  return waitForDiagnostics(uri, (ds) => ds.some(match), `${ruleId}${range ? ` at ${fmt(range)}` : ''}`)
    .then((ds) => ds.filter((d) => codeOf(d) === ruleId));
}

function fmt(r) { return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`; }

/** URI of a file in workspace folder `folder` (index). */
function fixtureUri(relPath, folder = 0) {
  const folders = vscode.workspace.workspaceFolders || [];
  assert.ok(folders[folder], `workspace folder #${folder} is open (have ${folders.length})`);
  return vscode.Uri.joinPath(folders[folder].uri, relPath);
}

async function openFixture(relPath, folder = 0) {
  const uri = fixtureUri(relPath, folder);
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { uri, doc, editor };
}

/**
 * The range of `token` on the single line of `doc` whose text contains `lineContains`
 * (0-based, as vscode.Range) — e.g. rangeOf(doc, '- country: ETH', 'ETH').
 */
function rangeOf(doc, lineContains, token) {
  const lines = doc.getText().split(/\r?\n/);
  const hits = lines.map((l, i) => [l, i]).filter(([l]) => l.includes(lineContains));
  assert.strictEqual(hits.length, 1, `exactly one line contains ${JSON.stringify(lineContains)}`);
  const [line, i] = hits[0];
  const col = line.indexOf(token, line.indexOf(lineContains));
  assert.ok(col >= 0, `${JSON.stringify(token)} on line ${i}`);
  return new vscode.Range(i, col, i, col + token.length);
}

/** Revert every dirty editor and close all editors, so each test starts from the files on disk. */
async function resetEditors() {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && doc.uri.scheme === 'file') {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

async function activeExtension() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is loaded`);
  await waitFor(() => ext.isActive, { what: `${EXTENSION_ID} to activate` });
  return ext;
}

/** The repository (test/e2e/helpers.js lives two levels down); artifacts go to test-results/e2e/. */
const REPO = path.resolve(__dirname, '..', '..');
const RESULTS = path.join(REPO, 'test-results', 'e2e');

/** `RULE@line:col-line:col` (0-based) for diagnostics, sorted: compare sets of findings in messages. */
function keys(diags) {
  return diags.map((d) => `${codeOf(d)}@${fmt(d.range)}`).sort();
}

/**
 * The findings the CLI (dist/cli.js of the extension under test) reports for `uri`, as sorted
 * `RULE@line:col-line:col` keys (0-based). It lints `folder` (default: the file's own folder) from
 * that folder, so cross-file checks see the same files the editor's workspace index does.
 */
function cliFindings(uri, folder = path.dirname(uri.fsPath)) {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  const cli = path.join(ext.extensionPath, 'dist', 'cli.js');
  const res = cp.spawnSync(process.execPath, [cli, '--format', 'json', '.'], { cwd: folder, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.ok(res.stdout, `CLI printed JSON (rc ${res.status}, stderr ${res.stderr})`);
  const entry = JSON.parse(res.stdout).find((r) => path.resolve(folder, r.filePath) === uri.fsPath);
  assert.ok(entry, `the CLI reported on ${uri.fsPath}`);
  return entry.findings.map((f) => `${f.ruleId}@${f.line - 1}:${f.column - 1}-${f.endLine - 1}:${f.endColumn - 1}`).sort();
}

/** Wait until the editor's fcs-lint findings for `uri` are exactly `expected` (sorted keys). */
function waitForFindings(uri, expected, what = 'the expected findings') {
  return waitFor(() => JSON.stringify(keys(fcsDiagnostics(uri))) === JSON.stringify(expected), {
    what: `${what} ${JSON.stringify(expected)} in ${vscode.workspace.asRelativePath(uri)}`, state: () => JSON.stringify(keys(fcsDiagnostics(uri))),
  });
}

/** Hover texts (Markdown strings joined) at a position, from every hover provider. */
async function hoverText(uri, position) {
  const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, position)) || [];
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n\n---\n\n');
}

/** Completion items at a position, from every completion provider. */
async function completions(uri, position) {
  const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, position);
  return (list && list.items) || [];
}

const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label.label);

/** Code actions offered for a range (quick fixes of the diagnostics there, among others). */
async function codeActions(uri, range, kind) {
  return (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, kind)) || [];
}

/** Write a file in the workspace through VS Code's file system API (file watchers see it). */
async function writeFile(uri, text) {
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
}

async function deleteFile(uri) {
  try { await vscode.workspace.fs.delete(uri); } catch { /* already gone */ }
}

function writeResult(name, data) {
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, name), JSON.stringify(data, null, 2) + '\n');
}

module.exports = {
  EXTENSION_ID, SOURCE, REPO, RESULTS, sleep, waitFor, codeOf, fcsDiagnostics, describe, waitForDiagnostics, waitForRule,
  fixtureUri, openFixture, rangeOf, resetEditors, activeExtension, fmt, keys, cliFindings, waitForFindings,
  hoverText, completions, labelOf, codeActions, writeFile, deleteFile, writeResult,
};
