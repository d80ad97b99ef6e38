// `npm test`: builds both extensions, then runs the unit tests (vitest) and the end-to-end
// tests (node:test, real Chromium / Firefox ESR against the lab Kamailio), and closes with
// one "N passed, N failed" line for both.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensurePackages } from './lab/prereqs.mjs';

const root = path.resolve(import.meta.dirname, '..');
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

ensurePackages();
for (const target of [[], ['-b', 'firefox']]) {
  const { code } = await run('npx', ['wxt', 'build', ...target]);
  if (code !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const vitestJson = path.join(artifacts, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const unit = await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
let unitPassed = 0;
let unitFailed = unit.code === 0 ? 0 : 1;
if (fs.existsSync(vitestJson)) {
  const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  unitPassed = report.numPassedTests;
  unitFailed = report.numFailedTests + (unit.code !== 0 && report.numFailedTests === 0 ? 1 : 0);
}

const e2eFiles = fs
  .readdirSync(path.join(root, 'tests/e2e'))
  .filter((f) => f.endsWith('.test.mjs'))
  .map((f) => `tests/e2e/${f}`);
const e2e = await run('node', ['--test', '--test-concurrency=1', '--test-timeout=240000', '--test-reporter=spec', ...e2eFiles], {
  capture: true,
});
const count = (label) => Number(new RegExp(`ℹ ${label} (\\d+)`).exec(e2e.out)?.[1] ?? 0);
const e2ePassed = count('pass');
const e2eFailed = count('fail') + count('cancelled') + (e2e.code !== 0 && count('fail') === 0 ? 1 : 0);

console.log(`\nunit: ${unitPassed} passed, ${unitFailed} failed; e2e: ${e2ePassed} passed, ${e2eFailed} failed`);
console.log(`${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed} failed`);
process.exit(unitFailed + e2eFailed === 0 && unitPassed + e2ePassed > 0 ? 0 : 1);
