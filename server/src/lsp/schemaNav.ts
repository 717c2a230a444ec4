// Walk the spec's JSON Schema along a data path (map keys, sequence indexes): the schema of a
// key for hover and completion. `oneOf` branches are merged (object branch first).
import specSchema from '../../../schemas/fcs-spec.schema.json';

export interface SchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  propertyNames?: SchemaNode;
  items?: SchemaNode;
  enum?: unknown[];
  const?: unknown;
  oneOf?: SchemaNode[];
  pattern?: string;
  required?: string[];
}

export const SPEC_SCHEMA = specSchema as SchemaNode;

/** The schema's object branch of a oneOf (or the schema itself). */
export function objectBranch(s: SchemaNode | undefined): SchemaNode | undefined {
  if (!s?.oneOf) return s;
  return s.oneOf.find((b) => b.properties) ?? s.oneOf[0];
}

/** A scalar branch of a oneOf (e.g. the `ug.*` string form of a user group). */
export function scalarBranch(s: SchemaNode | undefined): SchemaNode | undefined {
  if (!s?.oneOf) return s;
  return s.oneOf.find((b) => b.enum || b.type === 'string') ?? s;
}

export function schemaAt(path: (string | number)[], root: SchemaNode = SPEC_SCHEMA): SchemaNode | undefined {
  let s: SchemaNode | undefined = root;
  for (const t of path) {
    if (!s) return undefined;
    if (typeof t === 'number' || t === '-') {
      s = s.items ?? objectBranch(s)?.items;
      continue;
    }
    const o: SchemaNode | undefined = objectBranch(s);
    const next: SchemaNode | undefined = o?.properties?.[t] ?? (typeof o?.additionalProperties === 'object' ? o.additionalProperties : undefined);
    s = next;
  }
  return s;
}

export const COUNTRY_PATTERN = '^[A-Za-z]{2,3}$';
export const REGION_PATTERN = '^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$';
export const RULE_PATTERN = '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$';

export function isCountryField(s: SchemaNode | undefined): boolean {
  return s?.pattern === COUNTRY_PATTERN || s?.items?.pattern === COUNTRY_PATTERN;
}

export function isRegionField(s: SchemaNode | undefined): boolean {
  return s?.pattern === REGION_PATTERN || s?.items?.pattern === REGION_PATTERN;
}

export function isRuleField(s: SchemaNode | undefined): boolean {
  return s?.pattern === RULE_PATTERN;
}
