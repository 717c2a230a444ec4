// Helpers for flag tests: read fixtures, lint them at the test clock, evaluate one place.
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { createLintEnvironment, lintDocument, type EnvironmentInput } from '../../../server/src/engine/lint';
import { evaluateFlag, placeFor, type Exposure } from '../../../server/src/engine/formats/exposure';
import { readFlagFile } from '../../../server/src/engine/formats/readFlags';
import type { FlagDef } from '../../../server/src/engine/formats/model';
import type { Finding } from '../../../server/src/engine/types';
import { TEST_NOW } from '../../helpers/lintText';

export const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'flags');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

export function lintFlags(name: string, text = fixture(name), env: EnvironmentInput = {}): Finding[] {
  const r = lintDocument(`file:///ws/${name}`, text, createLintEnvironment({ now: TEST_NOW, ...env }));
  assert.equal(r.kind, 'flags', `${name} should be read as a flag file`);
  return r.findings;
}

export function flag(text: string, key: string, now = TEST_NOW): FlagDef {
  const r = readFlagFile(text, now);
  const f = r.file?.flags.find((x) => x.key === key);
  assert.ok(f, `flag ${key} not found`);
  return f;
}

export function exposure(text: string, key: string, code: string, state: 'current' | 'off' = 'current', now = TEST_NOW): Exposure {
  const place = placeFor(code);
  assert.ok(place, code);
  return evaluateFlag(flag(text, key, now), place, state);
}

/** Share (min and max, 0..1) of one variant in an exposure. */
export function share(e: Exposure, variant: string): { min: number; max: number } {
  const v = e.variants.find((x) => x.variant === variant);
  return { min: v?.min ?? 0, max: v?.max ?? 0 };
}
