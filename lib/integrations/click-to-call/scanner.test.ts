// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { resolveNumber } from '../../click-to-call/resolve';
import { Scanner } from './scanner';

let scanner: Scanner | null = null;

async function scan(html: string, country = 'US'): Promise<string[]> {
  document.body.innerHTML = html;
  scanner = new Scanner(document, {
    resolve: async (items) => items.map((i) => resolveNumber(i.number, country)),
    text: { label: (d) => `Call ${d}`, title: (d) => `Call ${d}` },
    batchMs: 20,
  });
  await scanner.start();
  return marks();
}

const marks = () => [...document.querySelectorAll('[data-voip-number]')].map((e) => e.getAttribute('data-voip-number') ?? '');

afterEach(() => {
  scanner?.stop();
  scanner = null;
});

describe('scanner on a page', () => {
  it('reads a number split across inline elements as one, once', async () => {
    expect(await scan('<p>Call <b>+49</b> <span>89 1234 5678</span> or <i>(212)</i> 555-0147.</p>')).toEqual(['+498912345678', '+12125550147']);
  });

  it('puts the button right after the number and leaves the text as it was', async () => {
    await scan('<p id="p">Sales: (650) 555-0102 ext. 204, Mon–Fri</p>');
    const p = document.getElementById('p');
    expect(p?.textContent).toBe('Sales: (650) 555-0102 ext. 204, Mon–Fri');
    const host = p?.querySelector('[data-voip-number]');
    expect(host?.previousSibling?.textContent).toBe('Sales: (650) 555-0102 ext. 204');
    expect(host?.nextSibling?.textContent).toBe(', Mon–Fri');
  });

  it('never reads form fields, code, editable regions, links or opted-out elements', async () => {
    const found = await scan(`
      <input value="+1 650 555 0102"><textarea>+1 650 555 0102</textarea><select><option>+1 650 555 0102</option></select>
      <pre>+1 650 555 0102</pre><code>+1 650 555 0102</code><div contenteditable="true">+1 650 555 0102</div>
      <a href="/x">+1 650 555 0102</a><button>+1 650 555 0102</button><div class="softphone-off"><p>+1 650 555 0102</p></div>
      <div data-softphone="off">+1 650 555 0102</div><svg><text>+1 650 555 0102</text></svg>
      <p>+1 650 555 0103</p>`);
    expect(found).toEqual(['+16505550103']);
  });

  it('does not separate numbers across blocks or line breaks', async () => {
    expect(await scan('<div>+49</div><div>89 1234 5678</div><p>650<br>555 0102</p>')).toEqual([]);
  });

  it('marks numbers the page adds later, and never twice on a re-scan', async () => {
    await scan('<p id="a">Office +1 650 555 0102</p><div id="later"></div>');
    document.getElementById('later')!.innerHTML = '<p>Mobile <span>+44 20</span> 7946 0018</p>';
    document.getElementById('a')!.append(document.createTextNode(' (main line)'));
    await new Promise((r) => setTimeout(r, 60));
    await scanner!.idle();
    expect(marks()).toEqual(['+16505550102', '+442079460018']);
  });

  it('stop() takes every button back out', async () => {
    await scan('<p>+1 650 555 0102 and +1 650 555 0103</p>');
    expect(marks()).toHaveLength(2);
    scanner!.stop();
    expect(marks()).toEqual([]);
    expect(document.body.textContent).toBe('+1 650 555 0102 and +1 650 555 0103');
  });
});
