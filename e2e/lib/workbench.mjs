// Small, keyboard-first helpers for driving the VS Code workbench in the browser.
// Selectors that proved stable on VS Code 1.100: .quick-input-widget, .monaco-editor,
// .squiggly-*, .monaco-hover, .markers-panel.

export async function waitForWorkbench(page, timeout = 60000) {
  await page.locator('.monaco-workbench .explorer-folders-view').first().waitFor({ timeout });
}

/** Open a file by name through Quick Open (Ctrl+P). */
export async function quickOpen(page, fileName) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
}

/** Run a command from the command palette (F1) by its title. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>' + title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** The rendered editor line whose text contains `text`. */
export function editorLine(page, text) {
  return page.locator('.monaco-editor .view-lines .view-line', { hasText: text }).first();
}
