import { type Browser, chromium } from 'playwright-core';

/** The executable and the flags every launch uses (the Lighthouse bench starts it without Playwright). */
export const chromiumPath = '/usr/bin/chromium';
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Debian's Chromium, headless, with the flags this closed network needs (without the background
 * networking ones it keeps dialling hosts it cannot reach). The e2e suite, the XSS check and the
 * wire and Lighthouse benches all launch it here.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: chromiumFlags,
  });
}
