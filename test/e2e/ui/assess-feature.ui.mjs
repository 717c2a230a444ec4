// FCS: Assess feature from the command palette on the open example spec: the six-step quick input
// (pre-filled from the spec) driven with the keyboard, then the report webview beside the spec,
// with the conflict-sensitivity matrix and Ethiopia in it.
import assert from 'node:assert/strict';

export const title = 'FCS: Assess feature from the command palette: quick input steps, then the report webview';

const SPEC = 'messaging-conflict.fcs.yaml';
const COMMAND = 'FCS: Assess feature';
const STEPS = 6;

/** The frame (webviews are nested iframes) whose document matches `selector`, once it exists. */
async function webviewFrame(page, selector, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    for (const f of page.frames()) {
      if (f === page.mainFrame()) continue;
      if (await f.locator(selector).count().catch(() => 0)) return f;
    }
    if (Date.now() > end) throw new Error(`no webview frame contains ${selector} after ${timeout} ms (${page.frames().length} frames)`);
    await page.waitForTimeout(200);
  }
}

export default async function ({ page, workbench, open, screenshot, log }) {
  await open();
  await workbench.quickOpen(page, SPEC);
  await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 30000 });
  log(`${SPEC} open, linted`);
  await workbench.runCommand(page, 'Notifications: Clear All Notifications');

  // The command palette: the command is listed under its category and title.
  await page.keyboard.press('F1');
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input').first();
  await input.waitFor({ state: 'visible' });
  await input.fill('>' + COMMAND);
  await widget.locator('.quick-input-list .monaco-list-row', { hasText: COMMAND }).first().waitFor();
  await page.keyboard.press('Enter');

  // The first step, or an error dialog (e.g. the command is contributed but not registered).
  const titleEl = widget.locator('.quick-input-title');
  const dialog = page.locator('.monaco-dialog-box');
  await Promise.race([
    titleEl.filter({ hasText: `${COMMAND} (1/${STEPS})` }).waitFor({ timeout: 15000 }),
    dialog.waitFor({ timeout: 15000 }),
  ]);
  if (await dialog.isVisible()) throw new Error(`running ${COMMAND} showed an error dialog: ${(await dialog.innerText()).replace(/\s+/g, ' ').trim()}`);

  // Step through the quick input: every step is pre-filled from the spec, so Enter keeps it.
  for (let step = 1; step <= STEPS; step++) {
    await titleEl.filter({ hasText: `${COMMAND} (${step}/${STEPS})` }).waitFor({ timeout: 15000 });
    if (step === 1) {
      assert.equal(await input.inputValue(), 'Message forwarding v2', 'the name is pre-filled from the spec');
    } else if (step === 3) {
      // Markets: Ethiopia is pre-selected (from the spec) and labelled with its FCS category.
      // Filter to it (the list is virtualised), check the row, then clear the filter again.
      await input.fill('Ethiopia');
      const row = widget.locator('.quick-input-list .monaco-list-row', { hasText: 'Ethiopia' }).first();
      await row.waitFor();
      const text = (await row.innerText()).replace(/\s+/g, ' ');
      assert.match(text, /ETH · FCS: conflict/, `Ethiopia's row: ${text}`);
      assert.equal(await row.getAttribute('aria-checked'), 'true', 'Ethiopia is pre-selected from the spec');
      await input.fill('');
    }
    log(`step ${step}/${STEPS}: ${(await titleEl.innerText()).trim()}`);
    await page.keyboard.press('Enter');
  }
  await widget.waitFor({ state: 'hidden' });

  // The report opens beside the spec, in a webview tab named after it.
  await page.locator('.tabs-container .tab', { hasText: `Assessment: ${SPEC}` }).first().waitFor({ timeout: 30000 });
  const frame = await webviewFrame(page, 'table.matrix');
  const heading = (await frame.locator('h1').first().innerText()).replace(/\s+/g, ' ').trim();
  assert.match(heading, /Message forwarding v2/, `report heading: ${heading}`);
  assert.match(await frame.locator('#context').innerText(), /Ethiopia \(ETH\)/, 'the market context names Ethiopia');
  // The matrix: user groups of the spec as rows, harm types as columns.
  const matrix = (await frame.locator('table.matrix').first().innerText()).replace(/\s+/g, ' ');
  for (const group of ['General public', 'Journalists', 'Ethnic minorities']) assert.ok(matrix.includes(group), `matrix row ${group}: ${matrix.slice(0, 300)}`);
  log(`report webview: "${heading}"; matrix: ${matrix.slice(0, 80)}…`);

  // For the screenshot: more room for the report, scrolled to the matrix.
  await workbench.runCommand(page, 'View: Close Primary Side Bar');
  // Widen the report's editor group by dragging the sash between the two groups to the left.
  const groups = page.locator('.editor-group-container');
  if ((await groups.count()) === 2) {
    const box = await groups.nth(1).boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x, y);
    await page.mouse.down();
    await page.mouse.move(box.x - 240, y, { steps: 8 });
    await page.mouse.up();
    await page.mouse.move(box.x + 400, box.y + box.height - 20); // off the sash, so it is not highlighted
  }
  await workbench.runCommand(page, 'Notifications: Clear All Notifications');
  await frame.locator('#matrix').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(400); // let the webview repaint after the layout change
  await screenshot('assess-webview', { publish: 'assess-webview.png' });
}
