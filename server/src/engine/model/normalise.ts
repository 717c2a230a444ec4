// Schema-driven normalisation: every key the schema declares is present in the model
// (objects filled in, lists empty, scalars null), values of the wrong type become null,
// and shorthand forms (a string where an object may stand) are expanded. Rules can then
// read any path without guarding against missing keys.
import type { JsonSchema } from './schemaCheck';

export type ModelValue = null | boolean | number | string | ModelValue[] | { [k: string]: ModelValue };
export type ModelObject = { [k: string]: ModelValue };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function types(schema: JsonSchema): string[] {
  const t = schema['type'];
  return Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
}

export function normalise(data: unknown, schema: JsonSchema, depth = 0): ModelValue {
  if (depth > 64) return null;
  const oneOf = schema['oneOf'] as JsonSchema[] | undefined;
  if (oneOf) return normaliseOneOf(data, oneOf, depth);
  const t = types(schema);
  if (t.includes('object') || schema['properties']) return normaliseObject(data, schema, depth);
  if (t.includes('array')) {
    const items = (schema['items'] as JsonSchema | undefined) ?? {};
    return Array.isArray(data) ? data.map((d) => normalise(d, items, depth + 1)) : [];
  }
  if ('const' in schema) return data === schema['const'] ? (data as ModelValue) : null;
  return scalar(data, t);
}

function scalar(data: unknown, t: string[]): ModelValue {
  if (data === null || data === undefined) return null;
  if (t.length === 0) return toModel(data);
  if (typeof data === 'string' && t.includes('string')) return data;
  if (typeof data === 'boolean' && t.includes('boolean')) return data;
  if (typeof data === 'number' && (t.includes('number') || (t.includes('integer') && Number.isInteger(data)))) return data;
  return null;
}

function normaliseObject(data: unknown, schema: JsonSchema, depth: number): ModelObject {
  const src = isObject(data) ? data : {};
  const out: ModelObject = {};
  const props = (schema['properties'] as Record<string, JsonSchema> | undefined) ?? {};
  for (const [k, s] of Object.entries(props)) out[k] = normalise(src[k], s, depth + 1);
  const extra = schema['additionalProperties'];
  if (isObject(extra)) {
    for (const [k, v] of Object.entries(src)) {
      if (!(k in props)) out[k] = normalise(v, extra as JsonSchema, depth + 1);
    }
  }
  return out;
}

function normaliseOneOf(data: unknown, branches: JsonSchema[], depth: number): ModelValue {
  const objectBranch = branches.find((b) => types(b).includes('object'));
  const arrayBranch = branches.find((b) => types(b).includes('array'));
  if (objectBranch) {
    if (isObject(data)) return normaliseObject(data, objectBranch, depth);
    const required = (objectBranch['required'] as string[] | undefined) ?? [];
    const key = required[0];
    if (typeof data === 'string' && key) return normaliseObject({ [key]: data }, objectBranch, depth);
    return null;
  }
  if (arrayBranch) {
    if (Array.isArray(data)) return normalise(data, arrayBranch, depth + 1);
    if (data === null || data === undefined) return [];
    return normalise([data], arrayBranch, depth + 1);
  }
  return toModel(data);
}

function toModel(data: unknown): ModelValue {
  if (data === null || data === undefined) return null;
  if (typeof data === 'string' || typeof data === 'number' || typeof data === 'boolean') return data;
  if (Array.isArray(data)) return data.map(toModel);
  if (data instanceof Date) return data.toISOString().slice(0, 10);
  if (isObject(data)) {
    const o: ModelObject = {};
    for (const [k, v] of Object.entries(data)) o[k] = toModel(v);
    return o;
  }
  return null;
}
