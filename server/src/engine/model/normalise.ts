// Schema-driven normalisation: every key the schema declares is present in the model
// (objects filled in, lists empty, scalars null), values of the wrong type become null,
// and shorthand forms (a string where an object may stand) are expanded. Rules can then
// read any path without guarding against missing keys.
import type { JsonSchema } from './schemaCheck';
import type { DerivedMemo } from '../util/derivedMemo';

export type ModelValue = null | boolean | number | string | ModelValue[] | { [k: string]: ModelValue };
export type ModelObject = { [k: string]: ModelValue };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function types(schema: JsonSchema): string[] {
  const t = schema['type'];
  return Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
}

/** What normalise needs to know about one schema node, worked out once per schema object. */
type Plan =
  | { kind: 'oneOf'; objectBranch?: JsonSchema; arrayBranch?: JsonSchema; key?: string }
  | { kind: 'object'; props: Record<string, JsonSchema>; entries: [string, JsonSchema][]; extra?: JsonSchema }
  | { kind: 'array'; items: JsonSchema }
  | { kind: 'const'; value: unknown }
  | { kind: 'scalar'; types: string[] };

const plans = new WeakMap<JsonSchema, Plan>();

function planFor(schema: JsonSchema): Plan {
  let plan = plans.get(schema);
  if (plan) return plan;
  const oneOf = schema['oneOf'] as JsonSchema[] | undefined;
  const t = types(schema);
  if (oneOf) {
    const objectBranch = oneOf.find((b) => types(b).includes('object'));
    const arrayBranch = oneOf.find((b) => types(b).includes('array'));
    const required = objectBranch ? ((objectBranch['required'] as string[] | undefined) ?? []) : [];
    plan = { kind: 'oneOf', objectBranch, arrayBranch, key: required[0] };
  } else if (t.includes('object') || schema['properties']) {
    plan = objectPlan(schema);
  } else if (t.includes('array')) {
    plan = { kind: 'array', items: (schema['items'] as JsonSchema | undefined) ?? {} };
  } else if ('const' in schema) {
    plan = { kind: 'const', value: schema['const'] };
  } else {
    plan = { kind: 'scalar', types: t };
  }
  plans.set(schema, plan);
  return plan;
}

function objectPlan(schema: JsonSchema): Extract<Plan, { kind: 'object' }> {
  const props = (schema['properties'] as Record<string, JsonSchema> | undefined) ?? {};
  const extra = schema['additionalProperties'];
  return { kind: 'object', props, entries: Object.entries(props), extra: isObject(extra) ? (extra as JsonSchema) : undefined };
}

const objectPlans = new WeakMap<JsonSchema, Extract<Plan, { kind: 'object' }>>();

function objectPlanFor(schema: JsonSchema): Extract<Plan, { kind: 'object' }> {
  let plan = objectPlans.get(schema);
  if (!plan) objectPlans.set(schema, (plan = objectPlan(schema)));
  return plan;
}

/**
 * The model of `data` under `schema`. With `memo`, objects and lists normalised before (the
 * unchanged parts of a document being typed) give their earlier result, shared: read-only.
 */
export function normalise(data: unknown, schema: JsonSchema, depth = 0, memo?: DerivedMemo<ModelValue>): ModelValue {
  if (depth > 64) return null;
  if (memo && typeof data === 'object' && data !== null) {
    const known = memo.get(data, schema, depth);
    if (known !== undefined) return known;
    return memo.set(data, schema, depth, normaliseFresh(data, schema, depth, memo));
  }
  return normaliseFresh(data, schema, depth, memo);
}

function normaliseFresh(data: unknown, schema: JsonSchema, depth: number, memo: DerivedMemo<ModelValue> | undefined): ModelValue {
  const plan = planFor(schema);
  switch (plan.kind) {
    case 'oneOf':
      return normaliseOneOf(data, plan, depth, memo);
    case 'object':
      return normaliseObject(data, plan, depth, memo);
    case 'array': {
      if (!Array.isArray(data)) return [];
      const out: ModelValue[] = new Array(data.length);
      for (let i = 0; i < data.length; i++) out[i] = normalise(data[i], plan.items, depth + 1, memo);
      return out;
    }
    case 'const':
      return data === plan.value ? (data as ModelValue) : null;
    default:
      return scalar(data, plan.types);
  }
}

function scalar(data: unknown, t: string[]): ModelValue {
  if (data === null || data === undefined) return null;
  if (t.length === 0) return toModel(data);
  if (typeof data === 'string' && t.includes('string')) return data;
  if (typeof data === 'boolean' && t.includes('boolean')) return data;
  if (typeof data === 'number' && (t.includes('number') || (t.includes('integer') && Number.isInteger(data)))) return data;
  return null;
}

function normaliseObject(data: unknown, plan: Extract<Plan, { kind: 'object' }>, depth: number, memo: DerivedMemo<ModelValue> | undefined): ModelObject {
  const src = isObject(data) ? data : {};
  const out: ModelObject = {};
  for (const [k, s] of plan.entries) out[k] = normalise(src[k], s, depth + 1, memo);
  const extra = plan.extra;
  if (extra) {
    for (const k of Object.keys(src)) {
      if (!(k in plan.props)) out[k] = normalise(src[k], extra, depth + 1, memo);
    }
  }
  return out;
}

function normaliseOneOf(data: unknown, plan: Extract<Plan, { kind: 'oneOf' }>, depth: number, memo: DerivedMemo<ModelValue> | undefined): ModelValue {
  const { objectBranch, arrayBranch, key } = plan;
  if (objectBranch) {
    if (isObject(data)) return normaliseObject(data, objectPlanFor(objectBranch), depth, memo);
    if (typeof data === 'string' && key) return normaliseObject({ [key]: data }, objectPlanFor(objectBranch), depth, memo);
    return null;
  }
  if (arrayBranch) {
    if (Array.isArray(data)) return normalise(data, arrayBranch, depth + 1, memo);
    if (data === null || data === undefined) return [];
    return normalise([data], arrayBranch, depth + 1, memo);
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
