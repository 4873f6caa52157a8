// Lighthouse on signed-in screens: puppeteer sets the gateway's session cookie in the browser, then Lighthouse
// audits each screen in that page (mobile emulation, default throttling).
// Not part of the build: lighthouse 12 (and its puppeteer-core) are installed apart, in LIGHTHOUSE_HOME:
//   mkdir -p /tmp/lh && (cd /tmp/lh && npm install lighthouse@12)
// lighthouse.sh signs in and calls this with the gateway's session cookie.
import { createRequire } from 'node:module';
import { writeFileSync, mkdirSync } from 'node:fs';

const home = createRequire(`${process.env.LIGHTHOUSE_HOME ?? '/tmp/lh'}/`);
const { default: puppeteer } = await import(home.resolve('puppeteer-core'));
const { default: lighthouse } = await import(home.resolve('lighthouse'));

const [gateway, session, outDir, ...screens] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
const host = new URL(gateway).hostname;
await browser.setCookie({ name: 'SESSION', value: session, domain: host, path: '/', httpOnly: true });
console.log('screen        perf  a11y  best   seo');
for (const screen of screens) {
  const result = await lighthouse(`${gateway}/#/${screen}`, {
    output: 'json', logLevel: 'error', disableStorageReset: true,
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  }, undefined, page);
  const r = result.lhr;
  writeFileSync(`${outDir}/${screen.replace('/', '-')}.json`, result.report);
  const s = (k) => String(Math.round((r.categories[k]?.score ?? 0) * 100)).padStart(5);
  const requests = r.audits['network-requests'].details.items.map((i) => new URL(i.url).pathname);
  console.log(screen.padEnd(12), s('performance'), s('accessibility'), s('best-practices'), s('seo'),
    ' FCP', r.audits['first-contentful-paint'].displayValue, ' LCP', r.audits['largest-contentful-paint'].displayValue,
    ' TBT', r.audits['total-blocking-time'].displayValue,
    ' transfer', Math.round(r.audits['total-byte-weight'].numericValue / 1024) + ' KiB',
    ' api calls', requests.filter((p) => p.startsWith('/api/')).length);
}
await browser.close();
