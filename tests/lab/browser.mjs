// Launching Debian's Chromium for lab tests (never a downloaded browser).

import fs from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags for headless Chromium with fake microphone and no background noise. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  // keep timers/audio running in pages that are not in front
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/**
 * Launches headless Chromium through puppeteer-core.
 * @param {{headless?: boolean, args?: string[], executablePath?: string} & Record<string, any>} [opts]
 *   other keys are passed to puppeteer.launch()
 * @returns {Promise<import('puppeteer-core').Browser>}
 */
export async function launchChromium(opts = {}) {
  const { args = [], executablePath = CHROMIUM_PATH, headless = true, ...rest } = opts;
  if (!fs.existsSync(executablePath)) {
    throw new Error(`${executablePath} not found: apt-get install -y chromium (never download a browser)`);
  }
  process.env.PUPPETEER_SKIP_DOWNLOAD = '1';
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({
    executablePath,
    headless,
    args: [...CHROMIUM_ARGS, ...args],
    protocolTimeout: 60000,
    ...rest,
  });
}
