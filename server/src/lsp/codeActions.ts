// Code actions for fcs-lint findings: quick fixes from the fix catalogue, "disable for this
// line (with reason)", "show documentation", and source.fixAll.fcsLint for the safe fixes.
// Everything is computed on request from the document text and the diagnostics' data.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range as LspRange, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { LintEnvironment } from '../engine/lint';
import { toData, type YamlSource } from '../engine/parse/yamlSource';
import type { Finding } from '../engine/types';
import type { DiagnosticData } from './diagnostics';
import { SOURCE } from './diagnostics';
import { isRecord, type FixContext, type FixTarget, type ProposedFix } from './fixes/context';
import { fixesFor } from './fixes/catalogue';
import './fixes/flags';
import { markdownFixes } from './fixes/markdown';
import { COMMANDS, FIX_ALL_KIND, type SnippetEditArgs } from './protocol';
import { commentSyntaxFor, disableNextLine } from './suppressComment';
import type { TextChange } from './yaml/insert';

/** How edits reach the client: LSP 3.18 snippet edits, our client's snippet command, or plain text. */
export type EditMode = 'snippetEdit' | 'snippetCommand' | 'plain';

export interface ActionOptions {
  mode: EditMode;
  /** The client takes versioned `documentChanges`. */
  documentChanges: boolean;
}

export interface ActionInput {
  uri: string;
  version: number;
  text: string;
  /** The parsed YAML (specs); undefined for document kinds without YAML edits. */
  src?: YamlSource;
  /** The kind of document (spec, markdown, flags …). */
  kind?: string;
  diagnostics: Diagnostic[];
  only?: string[];
  env: LintEnvironment;
  /** Current findings, for source.fixAll (the request carries no diagnostics then). */
  findings?: Finding[];
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function fixContext(input: ActionInput): FixContext | undefined {
  if (!input.src || input.src.errors.length > 0) return undefined;
  let data: unknown;
  try {
    data = toData(input.src.doc);
  } catch {
    return undefined;
  }
  return { src: input.src, data: isRecord(data) ? data : {}, env: input.env, today: input.env.now.toISOString().slice(0, 10), kind: input.kind === 'flags' ? 'flags' : 'spec' };
}

function targetOf(d: Diagnostic, findings: readonly Finding[]): FixTarget | undefined {
  const data = d.data as DiagnosticData | undefined;
  if (d.source !== SOURCE || !data?.ruleId) return undefined;
  // Diagnostics do not carry the questions (they would travel on every keystroke): take them
  // from the finding the diagnostic shows.
  const same = (f: Finding) => f.ruleId === data.ruleId && f.pointer === (data.pointer ?? '') && f.range.start.line === d.range.start.line && f.range.start.character === d.range.start.character;
  const prompts = (findings.find(same) ?? findings.find((f) => f.ruleId === data.ruleId))?.prompts;
  return { ruleId: data.ruleId, pointer: data.pointer ?? '', range: d.range, status: data.status, suggestion: data.suggestion, prompts };
}

/** Line starts of a text, for offset → position. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function offsetToPos(starts: number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo]! };
}

function editFor(input: ActionInput, opts: ActionOptions, range: LspRange, text: string, snippet: string): { edit?: WorkspaceEdit; command?: CodeAction['command'] } {
  if (opts.mode === 'snippetCommand' && snippet !== text) {
    const args: SnippetEditArgs = { uri: input.uri, version: input.version, range, snippet };
    return { command: { title: 'Insert', command: COMMANDS.applySnippet, arguments: [args] } };
  }
  if (opts.mode === 'snippetEdit' && snippet !== text) {
    // LSP 3.18 SnippetTextEdit inside a versioned TextDocumentEdit.
    const edits = [{ range, snippet: { kind: 'snippet', value: snippet } }] as unknown as TextEdit[];
    return { edit: { documentChanges: [{ textDocument: { uri: input.uri, version: input.version }, edits }] } };
  }
  return { edit: workspaceEdit(input, opts, [{ range, newText: text }]) };
}

function workspaceEdit(input: ActionInput, opts: ActionOptions, edits: TextEdit[]): WorkspaceEdit {
  return opts.documentChanges
    ? { documentChanges: [{ textDocument: { uri: input.uri, version: input.version }, edits }] }
    : { changes: { [input.uri]: edits } };
}

function changeRange(starts: number[], c: Pick<TextChange, "start" | "end">): LspRange {
  return { start: offsetToPos(starts, c.start), end: offsetToPos(starts, c.end) };
}

export function codeActions(input: ActionInput, opts: ActionOptions): CodeAction[] {
  const actions: CodeAction[] = [];
  const ctx = fixContext(input);
  const starts = lineStarts(input.text);
  if (wants(input.only, CodeActionKind.QuickFix)) {
    const seenDocs = new Set<string>();
    for (const d of input.diagnostics) {
      const t = targetOf(d, input.findings ?? []);
      if (!t) continue;
      if (ctx) {
        for (const f of fixesFor(t, ctx)) actions.push(fixAction(input, opts, starts, f, d));
      } else if (input.kind === 'markdown') {
        for (const f of markdownFixes(t, input.text)) actions.push(fixAction(input, opts, starts, f, d));
      }
      const disable = disableAction(input, opts, t, d);
      if (disable) actions.push(disable);
      if (!seenDocs.has(t.ruleId)) {
        seenDocs.add(t.ruleId);
        actions.push({
          title: `Show documentation for ${t.ruleId}`,
          kind: CodeActionKind.QuickFix,
          command: { title: `Show documentation for ${t.ruleId}`, command: COMMANDS.showDocumentation, arguments: [t.ruleId] },
        });
      }
    }
  }
  if (ctx && input.only && (wants(input.only, FIX_ALL_KIND) || input.only.includes(CodeActionKind.SourceFixAll))) {
    const all = fixAllAction(input, opts, ctx, starts);
    if (all) actions.push(all);
  }
  return actions;
}

function fixAction(input: ActionInput, opts: ActionOptions, starts: number[], f: ProposedFix, d: Diagnostic): CodeAction {
  const range = changeRange(starts, f.change);
  return {
    title: f.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: f.preferred,
    ...editFor(input, opts, range, f.change.text, f.change.snippet),
  };
}

function disableAction(input: ActionInput, opts: ActionOptions, t: FixTarget, d: Diagnostic): CodeAction | undefined {
  if (t.ruleId === 'SPEC-PARSE') return undefined;
  const syntax = commentSyntaxFor(input.uri, input.text, d.range.start.line);
  if (!syntax) return undefined;
  const e = disableNextLine(input.text, d.range.start.line, t.ruleId, syntax);
  if (!e) return undefined;
  const lineLen = (input.text.split('\n')[e.line] ?? '').replace(/\r$/, '').length;
  const range: LspRange = e.replace
    ? { start: { line: e.line, character: 0 }, end: { line: e.line, character: lineLen } }
    : { start: { line: e.line, character: 0 }, end: { line: e.line, character: 0 } };
  return {
    title: `Disable ${t.ruleId} for this line (with reason)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    ...editFor(input, opts, range, e.text, e.snippet),
  };
}

/** Safe fixes only ("did you mean" replacements), non-overlapping, as plain text. */
function fixAllAction(input: ActionInput, opts: ActionOptions, ctx: FixContext, starts: number[]): CodeAction | undefined {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const f of input.findings ?? []) {
    for (const p of fixesFor(f, ctx)) {
      if (!p.safe) continue;
      const c = p.change;
      if (edits.some((e) => c.start < e.end && e.start < c.end)) continue;
      edits.push(c);
    }
  }
  if (edits.length === 0) return undefined;
  return {
    title: 'Fix all safe fcs-lint problems',
    kind: FIX_ALL_KIND,
    edit: workspaceEdit(
      input,
      opts,
      edits.map((e) => ({ range: changeRange(starts, e), newText: e.text })),
    ),
  };
}
