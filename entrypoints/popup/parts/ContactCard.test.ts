// @vitest-environment happy-dom
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../lib/providers/types';
import ContactCard from './ContactCard.svelte';

let shown: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (shown) void unmount(shown);
  document.body.innerHTML = '';
});

describe("a contact's email link", () => {
  it('is built by the encoder: an address stored with ?bcc= adds no recipient', () => {
    const contact = { id: 'c1', name: 'Ana', company: '', email: 'ana@example.com?bcc=eve@evil.example', phones: [], recordUrl: '', recordName: '' } as unknown as Contact;
    shown = mount(ContactCard, { target: document.body, props: { contact, onBack: () => {}, onCall: () => {} } });
    flushSync();
    expect(document.querySelector('a[href^="mailto:"]')?.getAttribute('href')).toBe('mailto:ana%40example.com%3Fbcc%3Deve%40evil.example');
  });
});
