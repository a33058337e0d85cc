// Reports the gzipped size of the dashboard's first-load JavaScript and fails above the budget (the
// quality bar: the first load ships under 150 KB of gzipped JavaScript). The first load is the entry
// chunk and every chunk it imports statically, read from Vite's manifest (dist/.vite/manifest.json);
// pages loaded later (dynamic imports) are listed too, and the total of all chunks, for information; so is the
// first load's CSS (the stylesheets of those same chunks: app/base.css, ui/ui.css and what the first pages import).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 150 * 1024;
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');

let manifest;
try {
  manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));
} catch {
  console.error(`no ${dist}/.vite/manifest.json: run npm run build first (vite.config.ts sets build.manifest)`);
  process.exit(1);
}

const sizes = new Map();
const gzipped = (file) => {
  if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length);
  return sizes.get(file);
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1).padStart(7)} KB`;

// The entry and, recursively, its static imports: what the browser fetches before the first screen.
const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
const firstLoad = new Set();
const firstLoadCss = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || firstLoad.has(chunk.file)) return;
  firstLoad.add(chunk.file);
  for (const css of chunk.css ?? []) firstLoadCss.add(css);
  for (const imported of chunk.imports ?? []) visit(imported);
};
for (const [key] of entries) visit(key);

const js = [...new Set(Object.values(manifest).map((chunk) => chunk.file))].filter((file) => file.endsWith('.js'));
let first = 0;
let total = 0;
console.log('first load:');
for (const file of [...firstLoad].filter((f) => f.endsWith('.js'))) {
  first += gzipped(file);
  console.log(`${kb(gzipped(file))}  ${file}`);
}
console.log('loaded later (lazy pages and what they share):');
for (const file of js.filter((f) => !firstLoad.has(f)).sort((a, b) => gzipped(b) - gzipped(a))) {
  console.log(`${kb(gzipped(file))}  ${file}`);
}
for (const file of js) total += gzipped(file);

const verdict = first <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(`${kb(first)}  gzipped first-load JavaScript (${verdict} the ${BUDGET_BYTES / 1024} KB budget)`);
console.log(`${kb(total)}  gzipped JavaScript in all ${js.length} chunks (for information)`);
const css = [...firstLoadCss].reduce((sum, file) => sum + gzipped(file), 0);
console.log(`${kb(css)}  gzipped first-load CSS (for information: ${[...firstLoadCss].join(', ')})`);
process.exit(first <= BUDGET_BYTES ? 0 : 1);
