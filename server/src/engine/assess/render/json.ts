// JSON export: the Assessment as built (engagement details already redacted unless the
// caller asked for them), for other tools.
import type { Assessment } from '../types';

export function renderJson(a: Assessment): string {
  return JSON.stringify(a, null, 2) + '\n';
}
