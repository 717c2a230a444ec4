// Where things live. All run state stays under e2e/.run/ (gitignored), screenshots under
// test-results/e2e/ (gitignored).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO = path.resolve(E2E, '..');
export const RUN = path.join(E2E, '.run');
export const TMP = path.join(RUN, 'tmp');
export const RESULTS = path.join(REPO, 'test-results', 'e2e');
export const CODE_SERVER = path.join(E2E, 'node_modules', '.bin', 'code-server');
export const VSCE = path.join(E2E, 'node_modules', '.bin', 'vsce');
export const CHROMIUM = process.env.FCS_E2E_CHROMIUM || '/usr/bin/chromium';
export const TEST_ROOT = path.join(REPO, 'test', 'e2e');
export const FIXTURES = path.join(TEST_ROOT, 'fixtures');
