import browser from 'webextension-polyfill';
import { phoneError } from '../errors';
import type { CommandResult, SaveSettingsResult, SettingsView, UiMessage } from '../messaging/protocol';
import { normaliseNumber } from '../phone-number';
import { validateSettings } from '../settings/schema';
import { buildSipConfig, hasSecret, loadAccount, saveAccount, suggestedCountry } from '../settings/store';
import { syncEmailAlarms } from './email-alarms';
import { loadOdoo } from '../providers/odoo/store';
import type { HostLink } from './host-link';
import { onOdooChanged } from './odoo';
import { openMicPage } from '../extension-pages';

/** Sends the saved account to the phone host (it ignores an unchanged one). */
export async function configureHost(link: HostLink): Promise<void> {
  const { config, missing, debug, defaultCountry } = await buildSipConfig();
  const odoo = await loadOdoo().catch(() => null);
  await link.send({ type: 'configure', config, missing, debug, defaultCountry, odoo });
}

async function target(input: string) {
  const { defaultCountry } = await loadAccount();
  return normaliseNumber(input, defaultCountry);
}

/** Routes a validated message from an extension page. */
export async function route(link: HostLink, msg: UiMessage): Promise<unknown> {
  switch (msg.type) {
    case 'phone:getState':
      return link.send({ type: 'getState' });
    case 'phone:dial': {
      const parsed = await target(msg.number);
      if (!parsed.ok) return { ok: false, error: phoneError('incorrectNumber', msg.number) } satisfies CommandResult;
      return link.send({ type: 'dial', target: parsed.target });
    }
    case 'phone:transfer': {
      const parsed = await target(msg.target);
      if (!parsed.ok) return { ok: false, error: phoneError('incorrectNumber', msg.target) } satisfies CommandResult;
      return link.send({ type: 'transfer', callId: msg.callId, target: parsed.target });
    }
    case 'phone:answer':
    case 'phone:decline':
    case 'phone:hangup':
    case 'phone:dismiss':
      return link.send({ type: msg.type.slice(6) as 'answer', callId: msg.callId });
    case 'phone:mute':
      return link.send({ type: 'mute', callId: msg.callId, muted: msg.muted });
    case 'phone:hold':
      return link.send({ type: 'hold', callId: msg.callId, held: msg.held });
    case 'phone:dtmf':
      return link.send({ type: 'dtmf', callId: msg.callId, digits: msg.digits });
    case 'bg:getSettings':
      return {
        account: await loadAccount(),
        hasSecret: await hasSecret(),
        suggestedCountry: suggestedCountry(),
      } satisfies SettingsView;
    case 'bg:saveSettings': {
      const result = validateSettings(msg.form, await hasSecret());
      if (!result.ok) return { ok: false, errors: result.errors } satisfies SaveSettingsResult;
      await saveAccount(result.account, result.secret);
      await configureHost(link);
      return { ok: true } satisfies SaveSettingsResult;
    }
    case 'bg:openOptions':
      await browser.runtime.openOptionsPage();
      return { ok: true };
    case 'bg:openMicPage':
      await openMicPage();
      return { ok: true };
    case 'bg:syncEmailAlarms':
      await syncEmailAlarms();
      return { ok: true };
    case 'bg:odooChanged':
      await configureHost(link);
      await onOdooChanged();
      return { ok: true };
    case 'bg:micResult':
      await browser.storage.local.set({ micGranted: msg.granted });
      return { ok: true };
  }
}
