// What is at an offset of a parsed YAML document: the path of keys and indexes to it, and
// whether the offset is on a key or a value. Used by hover (on complete documents).
import { isMap, isScalar, isSeq, type Node as YamlNode, type Scalar } from 'yaml';
import type { YamlSource } from '../../engine/parse/yamlSource';

export interface NodeAt {
  path: (string | number)[];
  part: 'key' | 'value';
  /** The scalar under the offset (key or value), if any. */
  scalar?: Scalar;
  /** Offsets of the scalar. */
  start: number;
  end: number;
}

const inside = (n: YamlNode | null | undefined, o: number): boolean => !!n?.range && o >= n.range[0] && o <= n.range[1];

export function nodeAt(src: YamlSource, offset: number): NodeAt | undefined {
  let node = src.doc.contents as YamlNode | null;
  const path: (string | number)[] = [];
  for (let depth = 0; depth < 128 && node; depth++) {
    if (isMap(node)) {
      let next: YamlNode | null = null;
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        if (isScalar(key) && inside(key, offset)) {
          return { path: [...path, String(key.value)], part: 'key', scalar: key, start: key.range![0], end: key.range![1] };
        }
        const value = pair.value as YamlNode | null;
        if (isScalar(key) && inside(value, offset)) {
          path.push(String(key.value));
          next = value;
          break;
        }
      }
      if (!next) return undefined;
      node = next;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((it) => inside(it as YamlNode, offset));
      if (i < 0) return undefined;
      path.push(i);
      node = node.items[i] as YamlNode;
    } else if (isScalar(node)) {
      return { path, part: 'value', scalar: node, start: node.range![0], end: node.range![1] };
    } else {
      return undefined;
    }
  }
  return undefined;
}
