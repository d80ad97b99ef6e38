// `npm run check`: WXT's generated types, then the type checkers (tsc for .ts, svelte-check for
// .svelte) and the linter side by side; `--unit` (`npm run test:fast`) runs the unit tests
// (vitest) beside them. Nothing needs a browser or a build. Each tool's output is printed whole
// when it ends, then one line per tool; the exit code is non-zero if any failed.
// tsc and eslint keep caches in node_modules/.cache, so a second run re-checks changed files only.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const cache = (name) => path.join(root, 'node_modules/.cache', name);
const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--unit');
if (unknown.length > 0) {
  console.error(`Unknown option ${unknown[0]}: the only one is --unit (also run the unit tests).`);
  process.exit(2);
}

function run(name, cmd, cmdArgs, env = {}) {
  const start = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '1', ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (e) => (out += `${e.message}\n`));
    child.on('close', (code) => {
      const seconds = ((Date.now() - start) / 1000).toFixed(1);
      process.stdout.write(`\n── ${name} (${seconds} s) ──\n${out}`);
      resolve({ name, ok: code === 0, seconds });
    });
  });
}

const started = Date.now();
// The other tools read the types WXT generates (.wxt/), so they wait for it.
const prepare = await run('wxt prepare', bin('wxt'), ['prepare']);
const results = [prepare];
if (prepare.ok) {
  const tools = [
    run('tsc', bin('tsc'), ['--noEmit', '--incremental', '--tsBuildInfoFile', path.join(cache('tsc'), 'tsbuildinfo')]),
    run('svelte-check', bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings']),
    run('eslint', bin('eslint'), ['.', '--max-warnings', '0', '--cache', '--cache-location', `${cache('eslint')}/`]),
  ];
  // Vitest's default is one worker fewer than the cores: a single one on a 2-core machine, where
  // files that mostly wait on timers (the SIP engine's) then hold up the rest.
  const workers = Math.max(2, os.availableParallelism());
  // The property tests run 1,000 cases each here; `npm test` runs 10,000.
  if (args.includes('--unit')) tools.push(run('vitest', bin('vitest'), ['run', `--maxWorkers=${workers}`], { PROPERTY_RUNS: '1000' }));
  results.push(...(await Promise.all(tools)));
}

console.log('');
for (const r of results) console.log(`${r.ok ? '✔' : '✘'} ${r.name} (${r.seconds} s)`);
const failed = results.filter((r) => !r.ok);
console.log(`${failed.length === 0 ? 'All passed' : `${failed.length} failed`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed.length === 0 ? 0 : 1);
