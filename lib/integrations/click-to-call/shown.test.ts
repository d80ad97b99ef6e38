// @vitest-environment happy-dom
// The number dialled is the number shown. happy-dom computes styles but lays nothing out and
// has no generated content: `::before` digits and geometry are in the Chromium e2e (attack pages).
import { afterEach, describe, expect, it } from 'vitest';
import { resolveNumber } from '../../click-to-call/resolve';
import { Scanner } from './scanner';
import { stillBeside } from './shown';

let scanner: Scanner | null = null;

async function marks(html: string): Promise<string[]> {
  document.body.innerHTML = html;
  scanner = new Scanner(document, {
    resolve: async (items) => items.map((i) => resolveNumber(i.number, 'US')),
    text: { label: (d) => `Call ${d}`, title: (d) => `Call ${d}` },
    batchMs: 20,
  });
  await scanner.start();
  return [...document.querySelectorAll('[data-voip-number]')].map((e) => e.getAttribute('data-voip-number') ?? '');
}

afterEach(() => {
  scanner?.stop();
  scanner = null;
  document.body.innerHTML = '';
});

describe('a number is marked only where it is drawn as written', () => {
  it('marks a number drawn plainly, across inline elements', async () => {
    expect(await marks('<p>Sales: <b>+1 650</b> <span>555 0102</span></p>')).toEqual(['+16505550102']);
  });

  it.each([
    // Each one's text is a valid number: only how it is drawn keeps it from being marked.
    ['font-size:0 digits', '<p>Sales: +1 650 555 01<span style="font-size:0">0</span>2</p>'],
    ['display:none digits', '<p>Sales: +1 650 555 <span style="display:none">0</span>102</p>'],
    ['visibility:hidden digits', '<p>Sales: +1 650 <span style="visibility:hidden">555</span> 0102</p>'],
    ['transparent digits', '<p>Sales: +1 650 555 010<span style="color:transparent">2</span></p>'],
    ['a number hidden whole', '<p style="font-size:0">Sales: +1 650 555 0102</p>'],
    ['digits taken out of the line (moved away, sr-only)', '<p>Sales: +1 650 555 01<span style="position:absolute;left:-9999px">0</span>2</p>'],
    ['faded-out digits', '<p>Sales: +1 650 555 <b><i style="opacity:0">0</i></b>102</p>'],
  ])('refuses %s', async (_, html) => {
    expect(await marks(html)).toEqual([]);
  });

  it('hidden separators (no digit) change nothing', async () => {
    expect(await marks('<p>Sales: +1 650<span style="display:none">-</span> 555 0102</p>')).toEqual(['+16505550102']);
  });
});

describe('a button dials only while its number is still beside it', () => {
  it('holds while the text before it is the number it was placed after', async () => {
    await marks('<p id="p">Sales: +1 650 555 0102 (Mon–Fri)</p><p id="q">Fax: +1 650 555 0199</p>');
    const [first] = document.querySelectorAll('voip-call');
    expect(stillBeside(first as Element, '+1 650 555 0102')).toBe(true);
  });

  it('fails once the number under it changed, or the button was moved next to another one', async () => {
    await marks('<p id="p">Sales: <span id="n">+1 650 555 0102</span></p><p id="q">Fax: +1 650 555 0199 <i>or</i> 555 0123</p>');
    const [first] = document.querySelectorAll('#p voip-call');
    (document.getElementById('n')?.firstChild as Text).data = '+1 650 555 0103';
    expect(stillBeside(first as Element, '+1 650 555 0102')).toBe(false);
    (document.getElementById('n')?.firstChild as Text).data = '+1 650 555 0102';
    expect(stillBeside(first as Element, '+1 650 555 0102')).toBe(true);
    document.querySelector('#q i')?.before(first as Element);
    expect(stillBeside(first as Element, '+1 650 555 0102')).toBe(false);
  });

  it('reads inside an open shadow root too', async () => {
    document.body.innerHTML = '<div id="w"></div>';
    const root = (document.getElementById('w') as Element).attachShadow({ mode: 'open' });
    root.innerHTML = 'Sales: <b>+1 650 555 0102</b><voip-call></voip-call>';
    expect(stillBeside(root.querySelector('voip-call') as Element, '+1 650 555 0102')).toBe(true);
    expect(stillBeside(root.querySelector('voip-call') as Element, '+1 650 555 0103')).toBe(false);
  });

  it('fails when the number became the tail of a longer one, or is now hidden', async () => {
    await marks('<p>Sales: <span id="n">+1 650 555 0102</span></p>');
    const host = document.querySelector('voip-call') as Element;
    const digit = document.createTextNode('9');
    document.getElementById('n')?.before(digit);
    expect(stillBeside(host, '+1 650 555 0102')).toBe(false);
    digit.remove();
    expect(stillBeside(host, '+1 650 555 0102')).toBe(true);
    document.getElementById('n')?.setAttribute('style', 'font-size:0');
    expect(stillBeside(host, '+1 650 555 0102')).toBe(false);
  });
});
