import { dialectFor } from './dialect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdoo, type OdooDouble } from '../../../tests/odoo/server.mjs';
import { callLogHtml, callLogWrite } from './call-log';
import { Translator } from '../../i18n/translator';
import { loadTranslator } from '../../i18n/catalogs';
import { odooRpc } from './rpc';

const english = new Translator('en', []);

let v16: OdooDouble;
let v17: OdooDouble;
beforeAll(async () => {
  v16 = await startOdoo({ version: 16 });
  v17 = await startOdoo({ version: 17 });
});
afterAll(async () => {
  await v16.close();
  await v17.close();
});

const answered = { direction: 'outgoing' as const, number: '+16505550102', durationSec: 125, outcome: 'answered' as const, reason: '' };

describe('call log notes', () => {
  it('says direction, number, outcome and duration', () => {
    expect(callLogHtml(answered, english)).toBe('<p>Outgoing call to +16505550102</p><p>Answered, 2 min, 5 sec</p>');
    expect(callLogHtml({ ...answered, direction: 'incoming', outcome: 'missed', durationSec: 0 }, english)).toBe('<p>Incoming call from +16505550102</p><p>Not answered: Missed</p>');
    expect(callLogHtml({ ...answered, outcome: 'failed', reason: '486 Busy Here' }, english)).toBe('<p>Outgoing call to +16505550102</p><p>Not answered: Failed (486 Busy Here)</p>');
  });

  it('is written in the Odoo user’s language, whatever the softphone shows', async () => {
    const french = await loadTranslator('fr_BE');
    expect(callLogHtml(answered, french)).toBe('<p>Appel sortant vers +16505550102</p><p>Répondu, 2\u00a0min et 5\u202fs</p>');
    // The outcome and the duration too: nothing of the note is left in English or in the softphone's language.
    expect(callLogHtml({ ...answered, direction: 'incoming', outcome: 'missed', durationSec: 0 }, french)).toBe('<p>Appel entrant de +16505550102</p><p>Sans réponse : Manqué</p>');
  });

  it('escapes what came from the network or the ERP', () => {
    expect(callLogHtml({ ...answered, number: '<img src=x onerror=alert(1)>' }, english)).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('lands in the chatter as HTML on Odoo 17 and on Odoo 16', async () => {
    for (const [server, major] of [[v16, 16], [v17, 17]] as const) {
      const rpc = odooRpc({ baseUrl: server.url, auth: { mode: 'apiKey', db: 'demo', login: 'admin', key: 'key-admin' } });
      const w = callLogWrite(answered, 'crm.lead', 4, dialectFor(major), english);
      expect((await rpc.callKw(w.model, w.method, w.args, w.kwargs)).ok).toBe(true);
      expect(server.table('mail.message').at(-1)).toMatchObject({ model: 'crm.lead', res_id: 4, body: callLogHtml(answered, english), message_type: 'comment' });
    }
  });
});
