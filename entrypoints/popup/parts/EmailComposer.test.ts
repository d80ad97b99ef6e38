// @vitest-environment happy-dom
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import EmailComposer from './EmailComposer.svelte';

let shown: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (shown) void unmount(shown);
  document.body.innerHTML = '';
});

describe("the email composer's To", () => {
  it('refuses an address carrying ?bcc=, says why, sends nothing and keeps what was typed', async () => {
    const sent: unknown[] = [];
    const to = 'ana@example.com?bcc=eve%40evil.example';
    shown = mount(EmailComposer, {
      target: document.body,
      props: { initialTo: to, sendMode: 'mailto', onSend: async (d: unknown) => (sent.push(d), null), onSchedule: async () => null, onCancel: () => {} },
    });
    flushSync();
    document.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await Promise.resolve();
    flushSync();
    expect(sent).toEqual([]);
    expect(document.body.textContent).toContain(`Refused: ${to}. “?”, “#”, “%” or “&” in an address could add recipients (a hidden Bcc).`);
    expect(document.querySelector<HTMLInputElement>('#mail-to')?.value).toBe(to);
  });
});
