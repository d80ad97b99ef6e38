// Renders public/icon.svg to the PNG sizes the manifest uses, with headless Chromium.
// Run once after changing the SVG: node dev/tools/make-icons.mjs
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const root = path.resolve(import.meta.dirname, '../..');
const svg = await readFile(path.join(root, 'public/icon.svg'), 'utf8');
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewport({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}`);
  await page.screenshot({ path: path.join(root, `public/icon/${size}.png`), omitBackground: true });
}
await browser.close();
console.log('icons written');
