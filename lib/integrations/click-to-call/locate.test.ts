// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { RunLocator } from './locate';
import { BlockRun, type TextRun } from './runs';

function runs(html: string, locateFromChars = 0): TextRun[] {
  document.body.innerHTML = html;
  const locator = new RunLocator(document.body, locateFromChars);
  const out: TextRun[] = [];
  for (let run = locator.next(); run; run = locator.next()) out.push(run);
  return out;
}

describe('RunLocator: which runs of a large page are read', () => {
  it('reads only the blocks with digits in them, each block of inline content as one run', () => {
    const found = runs('<p>No digits here.</p><div><p>Call <b>+49</b> <span>89 1234 5678</span> today</p></div><p>Nor here.</p>');
    expect(found.map((r) => r.text)).toEqual(['Call +49 89 1234 5678 today']);
    expect(found[0]).toBeInstanceOf(BlockRun);
  });

  it('walks a block whose own text holds digits next to a block inside it: the runs stay apart', () => {
    const found = runs('<div>Switchboard +1 650 555 0102<p>Fax +1 650 555 0103</p></div>');
    expect(found.map((r) => r.text)).toEqual(['Switchboard +1 650 555 0102', 'Fax +1 650 555 0103']);
  });

  it('leaves out what is never read: hidden, code, links, editable text', () => {
    const found = runs(
      '<p>Support <span hidden>+1 650 555 0199</span> line +44 20 7946 0018</p><pre>+1 650 555 0104</pre>' +
        '<div contenteditable="true"><p>+1 650 555 0106</p></div><p>Dial <a href="/x">+1 212 555 0148</a></p>',
    );
    // Only the stretch after the hidden element has digits; the last paragraph's only digits are in its link.
    expect(found.map((r) => r.text)).toEqual([' line +44 20 7946 0018']);
  });

  it('gives nothing for a page without digits, and walks a small page whole', () => {
    expect(runs('<p>Nothing to call.</p><p>Still nothing.</p>')).toEqual([]);
    const small = runs('<p>a</p><p>+1 650 555 0102</p>', 4_096);
    expect(small.map((r) => r.text)).toEqual(['a', '+1 650 555 0102']);
    expect(small.some((r) => r instanceof BlockRun)).toBe(false);
  });
});

describe('BlockRun: from an offset in the block text back to its text node', () => {
  function blockRun(html: string): BlockRun {
    document.body.innerHTML = `<p id="b">${html}</p>`;
    const el = document.getElementById('b') as HTMLElement;
    return new BlockRun(el, el.textContent ?? '');
  }

  it('finds the node and offset from either end, across inline elements', () => {
    const run = blockRun('Call <b>+49</b> <span>89 1234 5678</span> or <i>later</i> please, any time of the day');
    // Near the start (read forwards) and near the end (read backwards).
    const near = run.nodeAt(run.text.indexOf('+49') + 3);
    expect(near?.node.data).toBe('+49');
    expect(near?.offset).toBe(3);
    const far = run.nodeAt(run.text.length - 4);
    expect(far?.node.data).toBe(' please, any time of the day');
    expect(far?.offset).toBe(' please, any time of the day'.length - 4);
    const split = run.nodeAt(run.text.indexOf('5678') + 4);
    expect(split?.node.data).toBe('89 1234 5678');
    expect(split?.offset).toBe('89 1234 5678'.length);
    expect(run.nodeAt(run.text.length + 1)).toBeNull();
  });

  it('knows when the page changed the block since it was read', () => {
    const run = blockRun('Office <b>+1 650 555 0102</b>');
    expect(run.current()).toBe(true);
    (document.querySelector('b') as HTMLElement).textContent = '+1 650 555 0199';
    expect(run.current()).toBe(false);
    document.body.innerHTML = '';
    expect(run.anyNode()).toBeNull();
  });
});
