// Prints the gzipped size of what the first screen loads and fails above the budget of issue 13.
// Worst case: the entry chunk with everything it imports statically and their CSS, plus the largest
// area chunk (any area can be the first one opened) and the largest message catalogue (any language
// can be the first one shown), each with its own static imports.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_BYTES = 120 * 1024;
const outDir = new URL('../target/classes/static/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));

function closure(key, files = new Set()) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imported of chunk.imports ?? []) closure(imported, files);
  return files;
}

const gzipped = new Map();
const gz = (file) => {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length);
  return gzipped.get(file);
};
const sum = (files) => [...files].reduce((total, file) => total + gz(file), 0);

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const shell = closure(entryKey);
/** Each chunk whose key matches, with what it loads beyond the shell. */
function chunksOf(pattern) {
  return Object.keys(manifest).filter((k) => pattern.test(k)).sort().map((key) => {
    const files = closure(key, new Set());
    for (const file of shell) files.delete(file);
    return { key, files };
  });
}
function heaviestOf(pattern) {
  return chunksOf(pattern).reduce((heaviest, chunk) => (sum(chunk.files) > sum(heaviest.files) ? chunk : heaviest),
    { key: null, files: new Set() });
}
const AREAS = /src\/areas\/[^/]+\/index\.tsx$/;
// an area of part 2 also loads its catalogue parts (src/app/nav.ts AREA_PARTS), in the shown language and English
const navSource = readFileSync(new URL('../src/app/nav.ts', import.meta.url), 'utf8');
const partsBlock = navSource.substring(navSource.indexOf('AREA_PARTS'));
const partsOf = (name) => [...(partsBlock.match(new RegExp(`\\n  ${name}: \\[([^\\]]*)\\]`))?.[1] ?? '').matchAll(/'([a-z]+)'/g)].map((m) => m[1]);
function withParts(chunk) {
  const name = chunk.key?.replace(/^src\/areas\/|\/index\.tsx$/g, '');
  for (const part of name ? partsOf(name) : []) {
    for (const file of heaviestOf(new RegExp(`src/i18n/messages/(?!en/)[a-z]{2}/${part}\\.ts$`)).files) chunk.files.add(file);
    for (const file of heaviestOf(new RegExp(`src/i18n/messages/en/${part}\\.ts$`)).files) chunk.files.add(file);
  }
  return chunk;
}
const areaChunks = () => chunksOf(AREAS).map(withParts);
const area = areaChunks().reduce((heaviest, chunk) => (sum(chunk.files) > sum(heaviest.files) ? chunk : heaviest),
  { key: null, files: new Set() });
const language = heaviestOf(/src\/i18n\/messages\/(?!en\/)[a-z]{2}\/index\.ts$/);
// where the browser cannot format dates in the language (Debian's Chromium: kk, ky, tg, tk, uz), the first screen
// also loads the FormatJS date-time ponyfill and that language's data
const ponyfill = heaviestOf(/@formatjs\/intl-datetimeformat\/index\.js$/);
const dateData = heaviestOf(/@formatjs\/intl-datetimeformat\/locale-data\/(kk|ky|tg|tk|uz)\.js$/);
language.files = new Set([...language.files, ...ponyfill.files, ...dateData.files]);
const firstScreen = new Set([...shell, ...area.files, ...language.files]);
const total = sum(firstScreen);
const kb = (bytes) => (bytes / 1024).toFixed(1) + ' KB';
console.log(`web-client first screen: ${kb(total)} JS+CSS gzipped (shell ${kb(sum(shell))}`
  + ` + heaviest area ${area.key ?? 'none'} ${kb(sum(area.files))}`
  + ` + heaviest catalogue ${language.key ?? 'none'} with the date ponyfill and ${dateData.key?.replace(/.*\//, '') ?? 'no'} date data ${kb(sum(language.files))}); budget ${kb(BUDGET_BYTES)}`);
if (process.env.VERBOSE) {
  // each area opened first, in the heaviest language (what docs/benchmarks.md lists)
  for (const { key, files } of areaChunks()) {
    console.log(`  ${key.replace(/^src\/areas\/|\/index\.tsx$/g, '').padEnd(12)} area ${kb(sum(files)).padStart(8)}`
      + `   first screen ${kb(sum(new Set([...shell, ...files, ...language.files]))).padStart(8)}`);
  }
}
if (total > BUDGET_BYTES) {
  console.error('web-client: the first screen exceeds its budget of 120 KB gzipped');
  process.exit(1);
}
