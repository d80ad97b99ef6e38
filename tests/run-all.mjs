// `npm test`: builds both extensions, then runs the unit tests (vitest) and the end-to-end
// tests (node:test, real Chromium / Firefox ESR against the lab Kamailio), and closes with
// one "N passed, N failed" line for both. `--unit-only` runs vitest alone (nothing to build,
// no browser); `--e2e-only` (`npm run test:e2e`) builds and runs the e2e files alone.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensurePackages } from './lab/prereqs.mjs';

const root = path.resolve(import.meta.dirname, '..');
const flags = new Set(process.argv.slice(2));
for (const f of flags) {
  if (f !== '--unit-only' && f !== '--e2e-only') {
    console.error(`Unknown option ${f}: use --unit-only or --e2e-only (or nothing for both).`);
    process.exit(2);
  }
}
const runUnit = !flags.has('--e2e-only');
const runE2e = !flags.has('--unit-only');
const artifacts = path.join(root, 'tests/artifacts');
fs.mkdirSync(artifacts, { recursive: true });

function run(cmd, args, { capture = false } = {}) {
  return new Promise((resolve) => {
    // The lab build: the Odoo test double's origin (127.0.0.1) is granted in the manifest, since a
    // headless browser cannot answer the permission prompt (see wxt.config.ts).
    const env = { ...process.env, SOFTPHONE_LAB_ORIGINS: 'http://127.0.0.1/*' };
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env });
    let out = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      if (capture) out += d.toString();
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

if (runE2e) ensurePackages();
for (const target of runE2e ? [[], ['-b', 'firefox']] : []) {
  const { code } = await run('npx', ['wxt', 'build', ...target]);
  if (code !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

async function unitTests() {
  const vitestJson = path.join(artifacts, 'vitest.json');
  fs.rmSync(vitestJson, { force: true });
  const unit = await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
  if (!fs.existsSync(vitestJson)) return { passed: 0, failed: 1 };
  const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  return { passed: report.numPassedTests, failed: report.numFailedTests + (unit.code !== 0 && report.numFailedTests === 0 ? 1 : 0) };
}

async function e2eTests() {
  const e2eFiles = fs
    .readdirSync(path.join(root, 'tests/e2e'))
    .filter((f) => f.endsWith('.test.mjs'))
    .map((f) => `tests/e2e/${f}`);
  const e2e = await run('node', ['--test', '--test-concurrency=1', '--test-timeout=240000', '--test-reporter=spec', ...e2eFiles], {
    capture: true,
  });
  const count = (label) => Number(new RegExp(`ℹ ${label} (\\d+)`).exec(e2e.out)?.[1] ?? 0);
  return { passed: count('pass'), failed: count('fail') + count('cancelled') + (e2e.code !== 0 && count('fail') === 0 ? 1 : 0) };
}

const none = { passed: 0, failed: 0 };
const { passed: unitPassed, failed: unitFailed } = runUnit ? await unitTests() : none;
const { passed: e2ePassed, failed: e2eFailed } = runE2e ? await e2eTests() : none;

console.log(`\nunit: ${unitPassed} passed, ${unitFailed} failed; e2e: ${e2ePassed} passed, ${e2eFailed} failed`);
console.log(`${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed} failed`);
process.exit(unitFailed + e2eFailed === 0 && unitPassed + e2ePassed > 0 ? 0 : 1);
