// Shared helpers for the protocol tests: fixtures, applying workspace edits, resolving snippets.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lspClient';

const ROOT = path.join(__dirname, '..', '..');

/** Every fixture spec: the examples, the shared fixtures and this folder's own (comments, flow, odd indentation). */
export function fixtureSpecs(): { name: string; text: string }[] {
  const dirs = [path.join(ROOT, 'examples'), path.join(ROOT, 'test', 'fixtures', 'specs'), path.join(__dirname, 'fixtures')];
  return dirs.flatMap((d) =>
    fs.existsSync(d)
      ? fs
          .readdirSync(d)
          .filter((f) => /\.fcs\.ya?ml$/.test(f))
          .sort()
          .map((f) => ({ name: path.relative(ROOT, path.join(d, f)), text: fs.readFileSync(path.join(d, f), 'utf8') }))
      : [],
  );
}

export function offsetAt(text: string, pos: { line: number; character: number }): number {
  let o = 0;
  for (let l = 0; l < pos.line; l++) {
    const n = text.indexOf('\n', o);
    if (n < 0) return text.length;
    o = n + 1;
  }
  return Math.min(text.length, o + pos.character);
}

export function applyTextEdits(text: string, edits: { range: TextEdit['range']; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offsetAt(out, e.range.start)) + e.newText + out.slice(offsetAt(out, e.range.end));
  return out;
}

/** The text edits of a workspace edit for one document (plain `changes` or `documentChanges`). */
export function editsOf(edit: WorkspaceEdit | undefined, uri: string): { range: TextEdit['range']; newText: string; snippet?: string }[] {
  if (!edit) return [];
  if (edit.changes) return edit.changes[uri] ?? [];
  const out: { range: TextEdit['range']; newText: string; snippet?: string }[] = [];
  for (const dc of edit.documentChanges ?? []) {
    if (!('textDocument' in dc) || dc.textDocument.uri !== uri) continue;
    for (const e of dc.edits as unknown as { range: TextEdit['range']; newText?: string; snippet?: { value: string } }[]) {
      out.push({ range: e.range, newText: e.newText ?? resolveSnippet(e.snippet!.value), snippet: e.snippet?.value });
    }
  }
  return out;
}

/** What a snippet inserts when every placeholder keeps its default (choices: the first). */
export function resolveSnippet(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      out += s[++i];
    } else if (c === '$' && s[i + 1] === '{') {
      const end = findClose(s, i + 2);
      const body = s.slice(i + 2, end);
      const m = /^(\d+)(?::([\s\S]*)|\|([\s\S]*)\|)?$/.exec(body);
      if (!m) throw new Error(`bad snippet placeholder: ${body}`);
      out += m[2] !== undefined ? resolveSnippet(m[2]) : m[3] !== undefined ? m[3].split(/(?<!\\),/)[0]!.replace(/\\(.)/g, '$1') : '';
      i = end;
    } else if (c === '$' && /\d/.test(s[i + 1] ?? '')) {
      while (/\d/.test(s[i + 1] ?? '')) i++;
    } else {
      out += c;
    }
  }
  return out;
}

function findClose(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s[i] === '{') depth++;
    if (s[i] === '}' && --depth === 0) return i;
  }
  throw new Error('unclosed snippet placeholder');
}

export function titles(actions: CodeAction[]): string[] {
  return actions.map((a) => a.title);
}

/** Markdown PRD fixtures (every language). */
export function fixturePrds(): { name: string; text: string }[] {
  const base = path.join(ROOT, 'test', 'fixtures', 'prd');
  if (!fs.existsSync(base)) return [];
  const out: { name: string; text: string }[] = [];
  for (const lang of fs.readdirSync(base).sort()) {
    const dir = path.join(base, lang);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.md')).sort()) {
      out.push({ name: `prd/${lang}/${f}`, text: fs.readFileSync(path.join(dir, f), 'utf8') });
    }
  }
  return out;
}

/**
 * Two servers for testing edits: one whose client applies plain text edits, one whose client
 * takes snippet edits (LSP 3.18 `snippetEditSupport`). Both use versioned document changes.
 */
export async function startEditClients(): Promise<{ plain: LspTestClient; snippets: LspTestClient }> {
  const plain = new LspTestClient();
  await plain.initialize({ capabilities: { workspace: { workspaceEdit: { documentChanges: true } } } });
  const snippets = new LspTestClient();
  await snippets.initialize({ capabilities: { workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } } } });
  return { plain, snippets };
}
