import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium, headless, with the flags this closed network needs (without the background
 * networking ones it keeps dialling hosts it cannot reach). The e2e suite, the XSS check and the
 * wire bench all launch it here.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
