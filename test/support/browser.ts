import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (installed by .ci/run); no browser download is ever needed. */
export const CHROMIUM = process.env.FEDCAT_CHROMIUM ?? '/usr/bin/chromium';

/** Launches headless Chromium with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}
