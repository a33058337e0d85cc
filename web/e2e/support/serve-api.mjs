// Starts the real BioCluster API serving the built dashboard on one address, as scripts/run.sh does,
// on a fresh SQLite data folder that is removed when the API stops. playwright.config.ts runs it as
// its webServer:  node e2e/support/serve-api.mjs http://127.0.0.1:<port> [--clock-offset <days.hh:mm:ss>] [--keep-data]
// BIOCLUSTER_E2E_DATA names the data folder when two APIs share one (the config makes it); the one started with
// --keep-data leaves it for the other to remove. --clock-offset moves that API's clock (Testing:ClockOffset, ADR 0015).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const url = process.argv[2];
const option = (name) => {
  const at = process.argv.indexOf(name);
  return at > 2 ? process.argv[at + 1] : undefined;
};
const clockOffset = option('--clock-offset');
const keepData = process.argv.includes('--keep-data');
const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const apiDir = path.resolve(webDir, '..', 'api');
const apiDll = process.env.BIOCLUSTER_API_DLL ?? path.join(apiDir, 'bin', 'Debug', 'net10.0', 'BioCluster.Api.dll');
const distDir = path.join(webDir, 'dist');

const missing = [];
if (!url) missing.push('no address given (usage: node e2e/support/serve-api.mjs http://127.0.0.1:<port>)');
if (!existsSync(apiDll)) missing.push(`no API build at ${apiDll} (run: dotnet build BioCluster.sln, or set BIOCLUSTER_API_DLL)`);
if (!existsSync(path.join(distDir, 'index.html'))) missing.push(`no built dashboard at ${distDir} (run: npm run build)`);
if (missing.length > 0) {
  console.error(`cannot start the API for the browser tests:\n  - ${missing.join('\n  - ')}`);
  process.exit(1);
}

const dataDir = process.env.BIOCLUSTER_E2E_DATA || mkdtempSync(path.join(tmpdir(), 'biocluster-e2e-'));
const removeData = () => {
  if (!keepData) rmSync(dataDir, { recursive: true, force: true });
};
const api = spawn('dotnet', [apiDll, '--urls', url], {
  cwd: apiDir,
  env: {
    ...process.env,
    Database__DataDirectory: dataDir,
    Web__Root: distDir,
    // Development: the demo users (one per role) the tests sign in as, and cookies over plain http.
    ASPNETCORE_ENVIRONMENT: 'Development',
    DOTNET_NOLOGO: '1',
    ...(clockOffset ? { Testing__ClockOffset: clockOffset } : {}),
  },
  stdio: 'inherit',
});

// Playwright stops the web server with SIGTERM (gracefulShutdown in the config): pass it on, and
// remove the data folder once the API has exited.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (api.exitCode === null && api.signalCode === null) api.kill(signal);
  });
}
api.on('error', (error) => {
  console.error(`could not start dotnet: ${error.message}`);
  removeData();
  process.exit(1);
});
api.on('exit', (code, signal) => {
  removeData();
  process.exit(code ?? (signal === 'SIGTERM' || signal === 'SIGINT' ? 0 : 1));
});
