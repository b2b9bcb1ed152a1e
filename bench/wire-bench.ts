import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../tests/chromium';
import { firstLoadBudgetBytes } from './bundle-budget';
import { ms, type Table } from './table';

/** The pages of issue 16: who opens them and where. `{rec}` is the register's first recommendation. */
export const wirePages = [
  { name: 'sign-in', path: '/sign-in', account: null },
  { name: 'register', path: '/register', account: 'coordinator' },
  { name: 'recommendation', path: '/register/{rec}', account: 'coordinator' },
  { name: 'dashboard', path: '/dashboards', account: 'coordinator' },
  { name: 'LRG home', path: '/', account: 'ljubljana' },
] as const;

export const accounts: Record<string, { email: string; password: string }> = {
  coordinator: { email: 'coordinator@demo.implementa.example', password: 'demo-coordinator-2026' },
  ljubljana: { email: 'ljubljana.focal.point@demo.implementa.example', password: 'demo-ljubljana-2026' },
};

interface Load {
  /** Bytes received from the network as Chromium counts them (headers and compressed bodies). */
  total: number;
  script: number;
  /** Of the script bytes, the lazily loaded Chart.js chunk. */
  chart: number;
  requests: number;
  lcpMs: number | null;
  lcpElement: string;
  tbtMs: number;
}

/** Lighthouse's mobile profile, applied through DevTools: slow 4G and a 4× slower CPU. */
const slow4g = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

const observe = () => {
  const state = { lcp: null as number | null, element: '', tbt: 0 };
  (window as unknown as { __wire: typeof state }).__wire = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { element?: Element | null })[]) {
      state.lcp = entry.startTime;
      const element = entry.element;
      state.element = element
        ? `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ')[0]}` : ''}`
        : '';
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.tbt += Math.max(0, entry.duration - 50);
  }).observe({ type: 'longtask', buffered: true });
};

async function measure(page: Page, url: string, throttled: boolean): Promise<Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', slow4g);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  const types = new Map<string, { type: string; url: string }>();
  const load: Load = { total: 0, script: 0, chart: 0, requests: 0, lcpMs: null, lcpElement: '', tbtMs: 0 };
  cdp.on('Network.responseReceived', (event) =>
    types.set(event.requestId, { type: event.type, url: event.response.url }),
  );
  cdp.on('Network.loadingFinished', (event) => {
    const seen = types.get(event.requestId);
    load.total += event.encodedDataLength;
    load.requests += 1;
    if (seen?.type === 'Script') {
      load.script += event.encodedDataLength;
      if (/chart-runtime/.test(seen.url)) load.chart += event.encodedDataLength;
    }
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  // The page's own heading, then time for what loads after it (charts wait for an idle moment).
  await page
    .locator('main h1')
    .first()
    .waitFor({ timeout: 60_000 })
    .catch(() => undefined);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(2000);
  const seen = await page.evaluate(
    () => (window as unknown as { __wire: { lcp: number | null; element: string; tbt: number } }).__wire,
  );
  load.lcpMs = seen.lcp;
  load.lcpElement = seen.element;
  load.tbtMs = seen.tbt;
  await cdp.detach();
  return load;
}

async function signedInState(browser: Browser, baseUrl: string, account: string) {
  const context = await browser.newContext({ baseURL: baseUrl });
  const response = await context.request.post('/api/session', { data: accounts[account] });
  if (!response.ok()) throw new Error(`sign-in as ${account}: ${response.status()} ${await response.text()}`);
  // Every page in English, whatever language the demo account was last left in.
  const session = (await response.json()) as { csrfToken: string; user: { version: number; locale: string } };
  if (session.user.locale !== 'en') {
    await context.request.patch('/api/me', {
      data: { locale: 'en', version: session.user.version },
      headers: { 'x-csrf-token': session.csrfToken },
    });
  }
  const state = await context.storageState();
  const rec = await context.request.get('/api/recommendations?pageSize=1');
  const first = ((await rec.json()) as { items: { id: string }[] }).items[0]?.id ?? '';
  await context.close();
  return { state, rec: first };
}

/**
 * Opens each page in Chromium with an empty cache (cold), then again in the same context (warm),
 * counting what crosses the wire (CDP Network.loadingFinished encodedDataLength), and once more
 * cold under Lighthouse's mobile throttling for LCP and total blocking time.
 */
export async function runWireBench(baseUrl: string, log: (line: string) => void): Promise<{ tables: Table[] }> {
  const browser = await launchChromium();
  const rows: (string | number)[][] = [];
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  try {
    const states = new Map<string, Awaited<ReturnType<typeof signedInState>>>();
    for (const account of Object.keys(accounts)) states.set(account, await signedInState(browser, baseUrl, account));
    for (const target of wirePages) {
      const signed = target.account ? states.get(target.account) : undefined;
      const url = new URL(target.path.replace('{rec}', signed?.rec ?? ''), baseUrl).href;
      const open = async (viewport: { width: number; height: number }): Promise<[BrowserContext, Page]> => {
        const context: BrowserContext = await browser.newContext({
          viewport,
          ...(signed ? { storageState: signed.state } : {}),
        });
        await context.addInitScript(observe);
        return [context, await context.newPage()];
      };
      log(`  ${target.name}`);
      const [context, page] = await open({ width: 1366, height: 900 });
      const cold = await measure(page, url, false);
      const warm = await measure(page, url, false);
      await context.close();
      const [phone, phonePage] = await open({ width: 390, height: 844 });
      const mobile = await measure(phonePage, url, true);
      await phone.close();
      const firstLoadJs = cold.script - cold.chart;
      rows.push([
        target.name,
        kb(cold.total),
        kb(cold.script),
        kb(cold.chart),
        firstLoadJs <= firstLoadBudgetBytes ? 'yes' : 'NO',
        kb(warm.total),
        cold.requests,
        warm.requests,
        mobile.lcpMs === null ? '–' : ms(mobile.lcpMs),
        mobile.lcpElement || '–',
        ms(mobile.tbtMs),
      ]);
    }
  } finally {
    await browser.close();
  }
  return {
    tables: [
      {
        title: 'Bytes on the wire in Chromium, and LCP on a throttled phone',
        headers: [
          'page',
          'cold KB',
          'of which JS',
          'of which Chart.js',
          'JS before charts ≤ 150 KB',
          'warm KB',
          'cold requests',
          'warm requests',
          'LCP ms (slow 4G, 4× CPU)',
          'LCP element',
          'TBT ms',
        ],
        align: ['l', 'r', 'r', 'r', 'l', 'r', 'r', 'r', 'r', 'l', 'r'],
        rows,
        notes: [
          `App at ${baseUrl}. Counted by Chromium (CDP Network.loadingFinished encodedDataLength: headers and bodies as sent, brotli where the server sends it), cold = empty cache at 1366 px, warm = the same page opened again in the same browser context.`,
          'LCP and TBT: a separate cold load at 390×844 under DevTools throttling (150 ms RTT, 1.6 Mbit/s down, CPU 4× slower), the profile Lighthouse applies; measured with PerformanceObserver in the page, not by Lighthouse, whose scoring (simulated throttling) is not reproduced here.',
        ],
      },
    ],
  };
}
