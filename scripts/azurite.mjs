// Runs Azurite as a child that cannot outlive its parent: when our stdin closes (the parent
// exited, even by SIGKILL) or we get SIGTERM/SIGINT, Azurite is stopped and we exit.
// Usage: node scripts/azurite.mjs --location DIR [extra azurite args]; ports default to 0 (free),
// and the listening lines ("Azurite Blob service is successfully listening at http://...")
// are passed through so the caller can read the ports.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'node_modules', 'azurite', 'dist', 'src', 'azurite.js');
if (!fs.existsSync(entry)) {
  console.error(`azurite is not installed at ${entry}; run scripts/bootstrap.sh`);
  process.exit(2);
}

const args = process.argv.slice(2);
const has = (flag) => args.includes(flag);
const defaults = [
  ['--blobHost', '127.0.0.1'], ['--queueHost', '127.0.0.1'], ['--tableHost', '127.0.0.1'],
  ['--blobPort', '0'], ['--queuePort', '0'], ['--tablePort', '0'],
];
for (const [flag, value] of defaults) if (!has(flag)) args.push(flag, value);
for (const flag of ['--skipApiVersionCheck', '--loose', '--disableProductStyleUrl']) if (!has(flag)) args.push(flag);

// scripts/azurite-gc-fix.cjs replaces Azurite's quadratic extent garbage collection (it froze Azurite for ~25 s a minute
// under load); AZURITE_PRELOAD adds another preload (diagnostics).
const preloads = [path.join(root, 'scripts', 'azurite-gc-fix.cjs'), ...(process.env.AZURITE_PRELOAD ? [process.env.AZURITE_PRELOAD] : [])];
const child = spawn(process.execPath, [...preloads.flatMap((p) => ['--require', p]), entry, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
// Azurite saves its metadata (LokiJS) as it closes its services; under load that takes seconds, and killing it meanwhile
// loses writes it acknowledged (the storage-outage drive found histories and instance rows from different moments). So a
// stop waits for Azurite to exit and kills it only if it has not after AZURITE_STOP_TIMEOUT_S (default 120) seconds.
const stopTimeoutMs = 1000 * (Number(process.env.AZURITE_STOP_TIMEOUT_S) > 0 ? Number(process.env.AZURITE_STOP_TIMEOUT_S) : 120);
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  setTimeout(() => {
    console.error(`azurite.mjs: Azurite did not exit within ${stopTimeoutMs / 1000} s of the stop request; killed`);
    child.kill('SIGKILL');
  }, stopTimeoutMs).unref();
};
child.on('exit', (code) => process.exit(stopping ? 0 : (code ?? 1)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('SIGHUP', stop);
if (process.env.AZURITE_KEEP_STDIN !== '1') {
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
}
