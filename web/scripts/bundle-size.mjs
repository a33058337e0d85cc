// Reports the gzipped size of the JavaScript in dist/ and fails above the budget
// (the quality bar: the dashboard's first load ships under 150 KB of gzipped JavaScript).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 150 * 1024;
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');

function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return jsFiles(full);
    return entry.name.endsWith('.js') ? [full] : [];
  });
}

let files;
try {
  files = jsFiles(dist);
} catch {
  console.error(`no ${dist}: run npm run build first`);
  process.exit(1);
}

let total = 0;
for (const file of files) {
  const gzipped = gzipSync(readFileSync(file), { level: 9 }).length;
  total += gzipped;
  console.log(`${(gzipped / 1024).toFixed(1).padStart(7)} KB  ${path.relative(dist, file)}`);
}
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(`${(total / 1024).toFixed(1).padStart(7)} KB  gzipped JavaScript in total (${verdict} the ${BUDGET_BYTES / 1024} KB budget)`);
process.exit(total <= BUDGET_BYTES ? 0 : 1);
