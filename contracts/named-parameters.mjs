// Writes web/src/api/operations.ts from the generated client (web/src/api/client.ts): for every operation that takes
// optional parameters, a function that takes them by name, so no caller passes `undefined` to hold a place and a
// parameter added to the contract cannot shift the others. The generated client stays the one that talks HTTP; this
// only calls it. NSwag has no setting for parameter objects, hence this small step after it (docs/adr).
// Usage: node named-parameters.mjs <client.ts> <operations.ts>
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

const [clientPath, outputPath] = process.argv.slice(2);
const source = readFileSync(clientPath, 'utf8');

/** Splits a parameter list at its top-level commas. */
function splitParameters(text) {
  const parts = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if ('([{<'.includes(ch)) depth++;
    if (')]}>'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

const lines = [
  '// Generated from client.ts by contracts/named-parameters.mjs on every build. Never edit by hand.',
  '// Each operation with optional parameters, called with its parameters by name.',
  '/* eslint-disable */',
  "import type * as C from './client';",
  '',
];
let clientName = null;
const classPattern = /^export class (\w+Client) /;
const methodPattern = /^ {4}(\w+)\((.*)\): Promise<.*> \{$/;
for (const line of source.split('\n')) {
  const cls = classPattern.exec(line);
  if (cls) clientName = cls[1];
  const method = clientName && methodPattern.exec(line);
  if (!method || method[1].startsWith('process')) continue;
  const [, operation, parameterText] = method;
  const parameters = splitParameters(parameterText)
    .map((p, index) => ({ name: p.slice(0, p.indexOf(':')).replace('?', '').trim(), optional: p.slice(0, p.indexOf(':')).includes('?'), index }))
    .filter((p) => p.name !== 'signal');
  if (!parameters.some((p) => p.optional)) continue;
  const type = `${operation[0].toUpperCase()}${operation.slice(1)}Parameters`;
  const methodType = `C.${clientName}['${operation}']`;
  lines.push(`export interface ${type} {`);
  for (const p of parameters) lines.push(`  ${p.name}${p.optional ? '?' : ''}: Parameters<${methodType}>[${p.index}];`);
  lines.push('}');
  const required = parameters.some((p) => !p.optional);
  lines.push(`export function ${operation}(client: C.${clientName}, parameters: ${type}${required ? '' : ' = {}'}): ReturnType<${methodType}> {`);
  lines.push(`  return client.${operation}(${parameters.map((p) => `parameters.${p.name}`).join(', ')});`);
  lines.push('}');
  lines.push('');
}
const output = lines.join('\n');
// Unchanged output is not rewritten, so builds do not touch the file (and the dashboard's watcher) for nothing.
if (!existsSync(outputPath) || readFileSync(outputPath, 'utf8') !== output) writeFileSync(outputPath, output);
