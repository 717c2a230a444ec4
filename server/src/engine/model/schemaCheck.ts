// JSON Schema validation (Ajv) turned into problems that point at the exact key or value,
// with "did you mean" for unknown keys and the allowed values for enums.
import type { default as Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { PRECOMPILED } from '../../generated/validators';
import { joinPointer, parsePointer } from '../parse/yamlSource';
import { closest } from '../util/didYouMean';
import { listWords, quote } from '../util/quote';
import type { Pointer } from '../types';

export interface SchemaProblem {
  pointer: Pointer;
  /** Whether the problem is about the key (unknown/missing) or the value (type/enum/pattern). */
  part: 'key' | 'value';
  message: string;
  /** A replacement the user probably meant (unknown key or enum value). */
  suggestion?: string;
}

export type JsonSchema = Record<string, unknown>;

// Keep in sync with AJV_OPTIONS in tools/gen-validators.mjs (which precompiles the schemas).
// Formats are not validated: every `format` in our schemas also carries an equivalent `pattern`.
// Created on first use: our own schemas come precompiled, so most processes never need it.
// Ajv and node:crypto are required on first use, not when the server or CLI loads.
let ajv: Ajv | undefined;
const runtimeAjv = (): Ajv => {
  if (!ajv) {
    const AjvClass = (require('ajv') as typeof import('ajv')).default;
    ajv = new AjvClass({ allErrors: true, verbose: true, strict: false, allowUnionTypes: true, validateFormats: false });
  }
  return ajv;
};

export interface CompiledSchema {
  validate: ValidateFunction;
  schema: JsonSchema;
}

const cache = new Map<JsonSchema, CompiledSchema>();

function schemaHash(schema: JsonSchema): string {
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 16);
}

/**
 * Compile once per schema object. Our own schemas come precompiled (build step); a schema with
 * no up-to-date precompiled validator (e.g. a changed schema before a rebuild) is compiled here.
 */
export function compileSchema(schema: JsonSchema): CompiledSchema {
  let c = cache.get(schema);
  if (!c) {
    const id = schema['$id'];
    const pre = typeof id === 'string' ? PRECOMPILED.find((p) => p.id === id) : undefined;
    const validate = pre && pre.hash === schemaHash(schema) ? pre.load() : runtimeAjv().compile(schema);
    c = { validate, schema };
    cache.set(schema, c);
  }
  return c;
}

export function checkSchema(compiled: CompiledSchema, data: unknown): SchemaProblem[] {
  if (compiled.validate(data)) return [];
  const errors = pickOneOfBranches(compiled.validate.errors ?? []);
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const p = toProblem(e, compiled.schema);
    if (!p) continue;
    const k = `${p.pointer}|${p.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    problems.push(p);
  }
  return problems;
}

/** Ajv reports every failing oneOf branch; keep only the branch whose type matches the data. */
function pickOneOfBranches(errors: ErrorObject[]): ErrorObject[] {
  const oneOfFailures = errors.filter((e) => e.keyword === 'oneOf');
  if (oneOfFailures.length === 0) return errors;
  let kept = errors;
  for (const f of oneOfFailures) {
    const branches = (f.schema as JsonSchema[] | undefined) ?? [];
    const chosen = branches.findIndex((b) => typeMatches(b, f.data));
    const prefix = f.schemaPath + '/';
    kept = kept.filter((e) => {
      if (e === f) return chosen < 0;
      if (!e.schemaPath.startsWith(prefix)) return true;
      const branch = Number(e.schemaPath.slice(prefix.length).split('/')[0]);
      return branch === chosen;
    });
  }
  return kept;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(schema: JsonSchema, data: unknown): boolean {
  const t = schema['type'];
  const types = Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
  if (types.length === 0) return false;
  const actual = jsonType(data);
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

function describe(pointer: Pointer): string {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return 'the document';
  return tokens.map((t, i) => (/^\d+$/.test(t) ? `[${t}]` : i === 0 ? t : `.${t}`)).join('');
}

function propertyNames(schema: unknown): string[] {
  if (schema && typeof schema === 'object' && 'properties' in schema) {
    const props = (schema as { properties?: Record<string, unknown> }).properties;
    return props ? Object.keys(props) : [];
  }
  return [];
}

function toProblem(e: ErrorObject, _root: JsonSchema): SchemaProblem | undefined {
  const at = e.instancePath;
  const where = describe(at);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const suggestion = closest(key, propertyNames(e.parentSchema));
      return {
        pointer: joinPointer(at, key),
        part: 'key',
        message: `Unknown key ${quote(key)} in ${where}.` + (suggestion ? ` Did you mean ${quote(suggestion)}?` : ''),
        suggestion,
      };
    }
    case 'required': {
      const key = String((e.params as { missingProperty: string }).missingProperty);
      return { pointer: at, part: 'key', message: `Missing required key ${quote(key)} in ${where}.` };
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const suggestion = typeof e.data === 'string' ? closest(e.data, allowed) : undefined;
      return {
        pointer: at,
        part: 'value',
        message:
          `${quote(e.data)} is not an allowed value for ${where}.` +
          (suggestion ? ` Did you mean ${quote(suggestion)}?` : '') +
          ` Allowed: ${listWords(allowed, 24)}.`,
        suggestion,
      };
    }
    case 'const':
      return { pointer: at, part: 'value', message: `${where} must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}.` };
    case 'type': {
      const expected = String((e.params as { type: string | string[] }).type).replace(/,/g, ' or ');
      return { pointer: at, part: 'value', message: `${where} should be ${article(expected)}, not ${article(jsonType(e.data))}.` };
    }
    case 'pattern':
    case 'format': {
      const d = e.parentSchema && typeof e.parentSchema === 'object' ? (e.parentSchema as { description?: string }).description : undefined;
      return { pointer: at, part: 'value', message: `${quote(e.data)} is not valid for ${where}` + (d ? `: expected ${lowerFirst(d)}.` : '.') };
    }
    case 'propertyNames':
      return undefined; // reported through the nested pattern error on the key
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { pointer: at, part: 'value', message: `${where} ${e.message ?? 'is out of range'}.` };
    case 'oneOf':
      return { pointer: at, part: 'value', message: `${where} does not match any allowed form.` };
    default:
      return { pointer: at, part: 'value', message: `${where} ${e.message ?? 'is invalid'}.` };
  }
}

function article(t: string): string {
  if (t === 'null') return 'null';
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
