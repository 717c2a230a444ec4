// Document symbols (outline) for specs: the top-level sections, and items named by their id,
// name, country or rule, from the YAML syntax tree.
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import { offsetsToRange, type YamlSource } from '../engine/parse/yamlSource';

const MAX_SYMBOLS = 2000;
const NAME_KEYS = ['id', 'name', 'country', 'rule', 'role', 'type'];

export function documentSymbols(src: YamlSource): DocumentSymbol[] {
  let budget = MAX_SYMBOLS;
  const range = (n: YamlNode, from?: number) => offsetsToRange(src.lineCounter, src.text, from ?? n.range![0], n.range![1]);
  const walk = (node: YamlNode | null, depth: number): DocumentSymbol[] => {
    const out: DocumentSymbol[] = [];
    if (depth > 4 || budget <= 0) return out;
    if (isMap(node)) {
      for (const p of node.items) {
        if (budget-- <= 0) break;
        const k = p.key as YamlNode | null;
        if (!isScalar(k) || !k.range) continue;
        const v = p.value as YamlNode | null;
        const end = v?.range ? v.range[1] : k.range[1];
        const full = offsetsToRange(src.lineCounter, src.text, k.range[0], Math.max(end, k.range[1]));
        out.push({
          name: String(k.value),
          detail: isScalar(v) && v.value !== null ? String(v.value) : undefined,
          kind: isMap(v) ? SymbolKind.Object : isSeq(v) ? SymbolKind.Array : SymbolKind.Property,
          range: full,
          selectionRange: range(k),
          children: isMap(v) || isSeq(v) ? walk(v, depth + 1) : undefined,
        });
      }
    } else if (isSeq(node)) {
      node.items.forEach((it, i) => {
        const n = it as YamlNode;
        if (!n?.range || budget-- <= 0) return;
        const label = isScalar(n) ? String(n.value) : isMap(n) ? nameOf(n) : undefined;
        if (isScalar(n) && depth > 1) return; // scalar lists deep down are noise in the outline
        out.push({
          name: label ?? `[${i}]`,
          kind: isMap(n) ? SymbolKind.Struct : SymbolKind.EnumMember,
          range: range(n),
          selectionRange: range(n),
          children: isMap(n) ? walk(n, depth + 1) : undefined,
        });
      });
    }
    return out;
  };
  return walk(src.doc.contents as YamlNode | null, 0);
}

function nameOf(m: import('yaml').YAMLMap): string | undefined {
  for (const k of NAME_KEYS) {
    const p = m.items.find((x) => isScalar(x.key) && x.key.value === k);
    if (isScalar(p?.value) && p.value.value !== null) return String(p.value.value);
  }
  return undefined;
}
