// Writes precache.json: every file the built app may load (the service worker caches them at install, so
// that every area and every language opens offline, not only those seen before).
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const outDir = new URL('../target/classes/static/', import.meta.url).pathname;
const files = [];
for (const name of readdirSync(join(outDir, 'assets'))) {
  if (!/\.(br|gz)$/.test(name) && statSync(join(outDir, 'assets', name)).isFile()) files.push(`/assets/${name}`);
}
for (const name of ['manifest.webmanifest', 'icon.svg', 'icon-192.png']) files.push(`/${name}`);
files.sort();
writeFileSync(join(outDir, 'precache.json'), JSON.stringify(files));
console.log(`web-client: ${files.length} files for the offline shell (${relative(process.cwd(), join(outDir, 'precache.json'))})`);
