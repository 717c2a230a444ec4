// Debian's Chromium driven by playwright-core, kept off the network: it resolves nothing but
// loopback. playwright's launchServer() starts the browser detached (its own process group) and
// gives us its pid, so cleanup() can end it by group; the driver connects over a loopback socket.
import { chromium } from 'playwright-core';
import { CHROMIUM } from './paths.mjs';
import { onCleanup, trackGroup, withTimeout } from './procs.mjs';

export async function launchBrowser(env) {
  const server = await chromium.launchServer({
    executablePath: CHROMIUM,
    headless: true,
    host: '127.0.0.1',
    env, // XDG_* under the run dir: keeps Chromium's 'Crash Reports' and dconf cache out of $HOME
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, // our handler ends the process groups
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  trackGroup(server.process().pid);
  onCleanup(() => withTimeout(server.close(), 5000, 'browser server close'));
  const browser = await chromium.connect(server.wsEndpoint());
  onCleanup(() => withTimeout(browser.close(), 5000, 'browser close'));
  return browser;
}
