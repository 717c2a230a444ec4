// The HTML report: self-contained, strict CSP, accessible table markup; and in headless
// Chromium, the matrix is actually rendered (a screenshot is kept under test-results/).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildAssessment, renderHtml } from '../../../server/src/engine/assess';
import { createLintEnvironment } from '../../../server/src/engine/lint';
import { TEST_NOW } from '../../helpers/lintText';

const ROOT = path.join(__dirname, '..', '..', '..');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'assess', 'assessed.fcs.yaml');
const OUT = path.join(ROOT, 'test-results', 'assess');
const a = buildAssessment(`file://${FIXTURE}`, fs.readFileSync(FIXTURE, 'utf8'), createLintEnvironment({ now: TEST_NOW }), { file: 'assessed.fcs.yaml' });

describe('assess: HTML report', () => {
  const html = renderHtml(a);

  it('is self-contained: no scripts, no external resources, CSP allowing only its own stylesheet', () => {
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<link\b|<img\b[^>]*src="http|url\(/i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'CSP meta tag');
    assert.match(csp, /default-src 'none'/);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    assert.ok(csp.includes(`'sha256-${hash}'`), 'the stylesheet hash is allowed');
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.doesNotMatch(html, / style="/, 'no inline style attributes (the CSP would block them)');
  });

  it('marks the matrix up as a table with column and row headers', () => {
    assert.match(html, /<table class="matrix">\s*<caption>/);
    assert.equal((html.match(/<th scope="col">/g) ?? []).length >= a.matrix.harms.length, true);
    assert.equal((html.match(/<th scope="row">/g) ?? []).length, a.matrix.groups.length);
    assert.equal((html.match(/<a class="cell /g) ?? []).length, a.matrix.cells.length, 'every cell is a focusable link');
    assert.match(html, /href="#cell-1"/);
    assert.match(html, /<li id="cell-1" class="confirmed">/);
  });

  it('in the webview: nonce on style and script, cspSource, reveal targets on cells and findings', () => {
    const wv = renderHtml(a, { webview: { nonce: 'abc123', cspSource: 'vscode-resource:' } });
    assert.match(wv, /script-src 'nonce-abc123'/);
    assert.match(wv, /<style nonce="abc123">/);
    assert.match(wv, /<script nonce="abc123">/);
    assert.match(wv, /data-action="export"/);
    assert.match(wv, /<a href="#" class="jump" data-line="\d+"/);
    assert.match(wv, /var\(--vscode-editor-background/);
  });
});

function findChromium(): string | undefined {
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  let found = candidates.find((c) => fs.existsSync(c));
  if (!found && process.platform === 'linux' && process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'ignore', timeout: 300_000 });
    found = candidates.find((c) => fs.existsSync(c));
  }
  return found;
}

describe('assess: HTML report in headless Chromium', function () {
  this.timeout(120_000);
  let chromium: string | undefined;
  let file: string;

  before(function () {
    chromium = findChromium();
    if (!chromium) {
      console.warn('    (skipped: Chromium is not installed and could not be installed with apt-get install chromium)');
      this.skip();
    }
    fs.mkdirSync(OUT, { recursive: true });
    file = path.join(OUT, 'assess-report.html');
    fs.writeFileSync(file, renderHtml(a));
  });

  const run = (args: string[]) =>
    spawnSync(chromium!, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--hide-scrollbars', '--disable-extensions', '--disable-background-networking', '--user-data-dir=' + path.join(OUT, '.profile'), ...args, `file://${file}`], { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 });

  it('renders the matrix (DOM after load)', () => {
    const r = run(['--dump-dom']);
    assert.equal(r.status, 0, r.stderr);
    const dom = r.stdout;
    assert.match(dom, /<table class="matrix">/);
    assert.equal((dom.match(/<a class="cell /g) ?? []).length, a.matrix.cells.length);
    assert.match(dom, /Ethnic minorities/);
    assert.match(dom, /critical · 15/);
  });

  it('takes a screenshot (kept as a test artifact)', () => {
    const shot = path.join(OUT, 'assess-report.png');
    fs.rmSync(shot, { force: true });
    const r = run([`--screenshot=${shot}`, '--window-size=1400,1000']);
    assert.equal(r.status, 0, r.stderr);
    const png = fs.readFileSync(shot);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.ok(png.length > 20_000, `screenshot too small to show a report (${png.length} bytes)`);
  });
});
