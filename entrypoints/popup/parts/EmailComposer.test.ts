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

describe('a later email without a mail server', () => {
  const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

  it('is named for what it does (a reminder), and a preset fills the date and time field', async () => {
    const scheduled: number[] = [];
    shown = mount(EmailComposer, {
      target: document.body,
      props: { initialTo: 'ana@example.com', sendMode: 'mailto', onSend: async () => null, onSchedule: async (_d: unknown, at: number) => (scheduled.push(at), null), onCancel: () => {} },
    });
    flushSync();
    expect(button('Send Later')).toBeUndefined();
    button('Remind me to send')?.click();
    flushSync();
    expect(document.querySelector('label[for="mail-when"]')?.textContent).toBe('Remind me at');
    const presets = [...document.querySelectorAll('[role="group"] button')].map((b) => b.textContent?.trim());
    expect(presets).toEqual(['In 1 hour', expect.stringMatching(/^Tomorrow 9:00\s?AM$/), expect.stringMatching(/^Monday 9:00\s?AM$/)]);
    (document.querySelectorAll('[role="group"] button')[1] as HTMLButtonElement).click();
    flushSync();
    const when = (document.querySelector('#mail-when') as HTMLInputElement).value;
    expect(when).toMatch(/T09:00$/);
    expect(document.querySelectorAll('[aria-pressed="true"]').length).toBe(1);
    button('Set the reminder')?.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(scheduled).toEqual([new Date(when).getTime()]);
  });

  it('keeps Send Later where a server sends it (Odoo 18)', () => {
    shown = mount(EmailComposer, {
      target: document.body,
      props: { initialTo: 'ana@example.com', sendMode: 'server', onSend: async () => null, onSchedule: async () => null, onCancel: () => {} },
    });
    flushSync();
    expect(button('Send Later')).toBeDefined();
    expect(button('Remind me to send')).toBeUndefined();
  });
});
