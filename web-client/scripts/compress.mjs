// Compresses the built files once, at build time, at the highest levels (brotli 11, gzip 9), next to each
// original: the gateway serves file.br or file.gz to a browser that accepts it (Spring's
// EncodedResourceResolver) and spends no CPU per request on compression.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const outDir = new URL('../target/classes/static/', import.meta.url).pathname;
const COMPRESSIBLE = /\.(js|css|html|svg|webmanifest|json|txt)$/;
const SMALLEST = 512; // below this the headers cost more than the saving

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== '.vite') yield* files(path);
    } else {
      yield path;
    }
  }
}

let before = 0;
let after = 0;
for (const path of files(outDir)) {
  if (!COMPRESSIBLE.test(path)) continue;
  const content = readFileSync(path);
  if (content.length < SMALLEST) continue;
  const br = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  before += content.length;
  after += br.length;
  if (process.env.VERBOSE) console.log(relative(outDir, path), content.length, '→', br.length);
}
console.log(`web-client: ${(before / 1024).toFixed(1)} KB compressed to ${(after / 1024).toFixed(1)} KB (brotli) and gzip`);
