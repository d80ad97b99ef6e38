import { describe, expect, it } from 'vitest';
import { htmlToText, textToHtml } from './note-html';

describe("an Odoo note's HTML as text", () => {
  it('keeps escaped markup as text, decoded once', () => {
    expect(htmlToText('<p>&lt;img src=x onerror=alert(1)&gt; &amp;lt; &#60;b&#x3e;</p>')).toBe('<img src=x onerror=alert(1)> &lt; <b>');
  });

  it('shows paragraphs, line breaks and list items as lines', () => {
    expect(htmlToText('<p>Budget:</p><ul><li>chairs</li><li><a href="https://x.example/?a=1&amp;b=2" title="a>b">tables</a></li></ul><p>Call<br/>after 3 pm</p>')).toBe(
      'Budget:\n\n• chairs\n• tables\n\nCall\nafter 3 pm',
    );
  });
});

describe('typed text as HTML for Odoo', () => {
  it('escapes what the user typed: markup arrives as text, never as HTML', () => {
    expect(textToHtml('<img src=x onerror=alert(1)> & "quotes"')).toBe('<p>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;</p>');
  });

  it('turns lines into <br> and blank-line blocks into paragraphs; empty stays empty', () => {
    expect(textToHtml('Call back\nafter 3 pm\n\nBring the quote')).toBe('<p>Call back<br>after 3 pm</p><p>Bring the quote</p>');
    expect(textToHtml('  \n ')).toBe('');
  });

  it('reads back as the text that was typed', () => {
    for (const s of ['a < b && c > d', '&lt; stays &lt;', 'one\ntwo\n\nthree', "it's <b>not</b> bold"]) expect(htmlToText(textToHtml(s))).toBe(s);
  });
});
