import { describe, expect, it } from 'vitest';
import { parseDialogInfo } from './dialog-info';

/** A dialog-info document as Kamailio's presence_dialoginfo sends it (seen in the lab). */
const doc = (dialogs: string, prefix = '') =>
  `<?xml version="1.0"?>\n<${prefix}dialog-info xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="urn:ietf:params:xml:ns:dialog-info" version="2" state="full" entity="sip:1003@lab.test">\n${dialogs}</${prefix}dialog-info>\n`;
const dialog = (state: string, direction = 'recipient', prefix = '') =>
  `  <${prefix}dialog id="padi-1" call-id="abc" direction="${direction}">\n    <${prefix}state>${state}</${prefix}state>\n    <${prefix}remote><${prefix}identity>sip:1002@lab.test</${prefix}identity><${prefix}target uri="sip:x@y.invalid;transport=ws"/></${prefix}remote>\n  </${prefix}dialog>\n`;

describe('parseDialogInfo (RFC 4235)', () => {
  it('no dialog, or only ended ones: available', () => {
    expect(parseDialogInfo(doc(''))).toBe('available');
    expect(parseDialogInfo(doc(dialog('terminated')))).toBe('available');
  });

  it('a call to them not yet answered: ringing; answered: busy', () => {
    expect(parseDialogInfo(doc(dialog('early')))).toBe('ringing');
    expect(parseDialogInfo(doc(dialog('trying')))).toBe('ringing');
    expect(parseDialogInfo(doc(dialog('confirmed')))).toBe('busy');
  });

  it('dialling out counts as busy; busy wins over ringing over available', () => {
    expect(parseDialogInfo(doc(dialog('early', 'initiator')))).toBe('busy');
    expect(parseDialogInfo(doc(dialog('terminated') + dialog('early')))).toBe('ringing');
    expect(parseDialogInfo(doc(dialog('early') + dialog('confirmed')))).toBe('busy');
  });

  it('namespace prefixes and attributes in either quote', () => {
    expect(parseDialogInfo(doc(dialog('confirmed', 'recipient', 'd:'), 'd:'))).toBe('busy');
    expect(parseDialogInfo(doc(`<dialog id='1' direction='initiator'><state event='x'>early</state></dialog>`))).toBe('busy');
  });

  it.each([
    ['empty', ''],
    ['not XML', 'Messages-Waiting: yes'],
    ['another document', '<presence xmlns="urn:ietf:params:xml:ns:pidf"><tuple/></presence>'],
    ['dialog never closed', doc('<dialog id="1"><state>confirmed</state>')],
    ['dialog without a state', doc('<dialog id="1"><remote/></dialog>')],
    ['unknown state', doc(dialog('partying'))],
    ['markup in the state', doc('<dialog id="1"><state><script>x</script></state></dialog>')],
    ['too long', doc(dialog('confirmed').repeat(1000))],
  ])('a garbled body (%s) gives null', (_what, body) => {
    expect(parseDialogInfo(body)).toBeNull();
  });

  it('stops after a bounded number of dialogs and never throws', () => {
    expect(parseDialogInfo(doc(dialog('terminated').repeat(100)))).toBe('available');
    for (const body of [undefined, null, 1, '<dialog-info', '<dialog-info><dialog', `<dialog-info>${'<dialog>'.repeat(5000)}`]) {
      expect(() => parseDialogInfo(body as unknown as string)).not.toThrow();
    }
  });
});
