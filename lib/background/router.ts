/**
 * What the background does for an extension page: phone commands are checked, their written
 * numbers turned into dial targets, and passed to the phone host; `bg:*` commands are handled
 * here, one handler per entry of lib/messaging/background.ts.
 */
import browser from 'webextension-polyfill';
import { phoneError } from '../errors';
import { openMicPage } from '../extension-pages';
import type { Handlers } from '../messaging/define';
import type { BackgroundChannel } from '../messaging/background';
import { WRITTEN_NUMBER_FIELDS, type HostPhoneCommand, type PhoneCommand } from '../messaging/phone';
import { isPhoneCommand, type UiMessage } from '../messaging/protocol';
import { dispatch } from '../messaging/define';
import { normaliseNumber } from '../phone-number';
import type { HostLink } from '../phone-host/link';
import { done, fail, ok, type Result } from '../result';
import { validateSettings } from '../settings/schema';
import { hasSecret, loadAccount, saveAccount, suggestedCountry } from '../settings/store';
import { syncEmailAlarms } from './email-alarms';
import { configureHost } from './host-config';
import { networkView, saveNetworkForm } from './network-settings';
import { loadDevices, saveDevices } from '../settings/devices-store';
import { onOdooChanged } from './odoo';
import { answerPending, pendingView } from './confirm-call';
import { placeOnce } from './page-calls';
import { setDnd } from './dnd';

/** What the background handlers need besides storage: the host, and the badge. */
export interface RouterContext {
  link: HostLink;
  refreshBadge(): void;
}

/** The phone command with each written number made a dial target, or Incorrect Number. */
async function forHost(cmd: PhoneCommand): Promise<Result<HostPhoneCommand>> {
  const { defaultCountry } = await loadAccount();
  const out: Record<string, unknown> = { ...cmd };
  for (const field of WRITTEN_NUMBER_FIELDS) {
    const written = out[field];
    if (typeof written !== 'string') continue;
    const parsed = normaliseNumber(written, defaultCountry);
    if (!parsed.ok) return fail(phoneError('incorrectNumber', written));
    out[field] = parsed.target;
  }
  return ok(out as HostPhoneCommand);
}

const backgroundHandlers: Handlers<BackgroundChannel, RouterContext> = {
  'bg:getSettings': async () => ok({ account: await loadAccount(), hasSecret: await hasSecret(), suggestedCountry: suggestedCountry() }),
  'bg:saveSettings': async (msg, { link }) => {
    const result = validateSettings(msg.form, await hasSecret());
    if (!result.ok) return fail(result.errors);
    await saveAccount(result.account, result.secret);
    await configureHost(link);
    return done;
  },
  'bg:getNetwork': () => networkView(),
  'bg:saveNetwork': (msg, { link }) => saveNetworkForm(msg.form, link),
  'bg:getDevices': async () => ok(await loadDevices()),
  'bg:saveDevices': async (msg, { link }) => {
    await saveDevices(msg.devices);
    await configureHost(link);
    return done;
  },
  'bg:openOptions': async () => {
    await browser.runtime.openOptionsPage();
    return done;
  },
  'bg:openMicPage': async () => {
    await openMicPage();
    return done;
  },
  'bg:syncEmailAlarms': async () => {
    await syncEmailAlarms();
    return done;
  },
  'bg:missedSeen': async (_msg, { refreshBadge }) => {
    refreshBadge();
    return done;
  },
  'bg:setDnd': async (msg, { link }) => {
    await setDnd(msg.choice, link);
    return done;
  },
  'bg:odooChanged': async (_msg, { link }) => {
    await configureHost(link);
    await onOdooChanged();
    return done;
  },
  'bg:pendingCall': (msg) => pendingView(msg.id),
  'bg:answerCall': (msg, { link }) => answerPending(msg.id, msg.call, msg.trust, (target) => placeOnce(link, target)),
};

/** Routes a checked message from an extension page. */
export async function route(msg: UiMessage, ctx: RouterContext): Promise<unknown> {
  if (!isPhoneCommand(msg)) return dispatch(backgroundHandlers, msg, ctx);
  const cmd = await forHost(msg);
  return cmd.ok ? ctx.link.send(cmd.value) : cmd;
}
