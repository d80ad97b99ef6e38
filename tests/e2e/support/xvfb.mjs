// A virtual X display (Xvfb) for the few tests that need a real, headed browser window (native
// context menus do not exist in headless Chromium), and xdotool to press keys in it.
import { execFileSync, spawn } from 'node:child_process';

/** Starts Xvfb on a free display; resolves to { display: ':N', keys(...k), stop() }. */
export async function startXvfb() {
  const child = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const display = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Xvfb did not start')), 10_000);
    child.stdout.once('data', (d) => {
      clearTimeout(timer);
      resolve(`:${String(d).trim()}`);
    });
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
  });
  process.once('exit', () => child.kill());
  return {
    display,
    /** Presses keys (xdotool names: Up, Return, Escape…) in the focused window. */
    keys: (...keys) => execFileSync('xdotool', ['key', '--delay', '150', ...keys], { env: { ...process.env, DISPLAY: display } }),
    stop: () => child.kill(),
  };
}
