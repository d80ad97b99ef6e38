/**
 * The background's Odoo duties: the Kanban scripts run on the connected Odoo's pages only
 * (registered at runtime for that origin, which the user granted), the card buttons' queries and
 * toggles (checked to come from that origin), and the outbox sent again every minute.
 */
import browser from 'webextension-polyfill';
import { t } from '../i18n';
import type { ContentChannel } from '../messaging/content';
import type { Handlers } from '../messaging/define';
import type { PhoneEvent } from '../messaging/events';
import type { Sender } from '../messaging/senders';
import { fail } from '../result';
import { currentProvider } from '../providers';
import { queueStates, toggleQueued } from '../providers/odoo/call-queue';
import type { OdooConnection } from '../providers/odoo/connect';
import { originPattern } from '../providers/odoo/origin-access';
import { browserSessionUid } from '../providers/odoo/page-user';
import { connectionFrom, loadOdoo } from '../providers/odoo/store';
import { localDate } from '../dates';
import { createLogger } from '../log';
import { KANBAN_SCRIPTS } from '../integrations/odoo-kanban/scripts';

const log = createLogger('odoo');

/** Built by WXT as runtime-registered content scripts (entrypoints/odoo-kanban*.content.ts). */
const SCRIPTS = Object.values(KANBAN_SCRIPTS).map((s) => ({ ...s, js: [`content-scripts/${s.id}.js`] }));
/**
 * Where Odoo serves its web client (addons/web/controllers/home.py, `web_client`): /web (16, 17),
 * and from 17.2 also /odoo, /odoo/… and /scoped_app/… (the installed-app shell).
 */
const WEB_CLIENT_PATHS = ['/web', '/web?*', '/odoo', '/odoo/*', '/odoo?*', '/scoped_app/*'];

/**
 * The match patterns for Odoo's web client (where the CRM board is; never its website or portal
 * pages) at `origin`. On Firefox they go by host, whatever the port (see `originPattern`): the
 * toggles start only when the background says the page is of the exact origin
 * (`cs:odooIsConnected`), which every card request checks again.
 */
export function kanbanMatches(origin: string, firefox: boolean = import.meta.env.FIREFOX): string[] {
  const base = originPattern(origin, firefox).slice(0, -'/*'.length);
  return WEB_CLIENT_PATHS.map((p) => `${base}${p}`);
}

const OUTBOX_ALARM = 'odoo-outbox';

export async function syncKanbanScripts(): Promise<void> {
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return;
  const registered = await scripting.getRegisteredContentScripts({ ids: SCRIPTS.map((s) => s.id) }).catch(() => []);
  if (registered.length > 0) await scripting.unregisterContentScripts({ ids: registered.map((s) => s.id) });
  const stored = await loadOdoo();
  if (!stored) return;
  const origin = stored.settings.url;
  if (!(await browser.permissions.contains({ origins: [originPattern(origin)] }))) return;
  const matches = kanbanMatches(origin);
  await scripting.registerContentScripts(
    SCRIPTS.map((s) => ({ id: s.id, js: s.js, world: s.world, matches, runAt: 'document_idle' as const, allFrames: false, persistAcrossSessions: true })),
  );
}

async function flushOutbox(): Promise<void> {
  const provider = await currentProvider();
  await provider.flush?.();
}

/** The minute alarm that sends kept writes exists only while Odoo is connected (no idle wake-ups otherwise). */
async function syncOutboxAlarm(): Promise<void> {
  if (await loadOdoo()) await browser.alarms.create(OUTBOX_ALARM, { periodInMinutes: 1 });
  else await browser.alarms.clear(OUTBOX_ALARM);
}

export async function onOdooChanged(): Promise<void> {
  await syncOutboxAlarm();
  // The board's buttons failing to register (an older browser without page-world scripts) must
  // not keep the kept writes from going out.
  await syncKanbanScripts().catch((e: unknown) => log.warn('Kanban scripts not registered', String(e)));
  await flushOutbox();
}

export function startOdooBackground(): void {
  void syncOutboxAlarm().catch(() => undefined);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void flushOutbox();
  });
  void syncKanbanScripts().catch((e: unknown) => log.warn('Kanban scripts not registered', String(e)));
}

type KanbanChannel = Pick<ContentChannel, 'cs:odooIsConnected' | 'cs:odooQueueState' | 'cs:odooToggle'>;

function originOf(sender: Sender): string {
  try {
    return new URL(sender.url ?? '').origin;
  } catch {
    return '';
  }
}

/**
 * The connection to the Odoo the sender's page belongs to, or why the board's buttons cannot act:
 * not connected, another origin, or (API-key mode) a page logged in as someone else than the
 * key's owner, whose rights the buttons would use.
 */
async function connectionFor(sender: Sender): Promise<OdooConnection | string> {
  const stored = await loadOdoo();
  const origin = originOf(sender);
  if (!stored || origin !== stored.settings.url) return t('odoo.queue.notConnected');
  if (stored.settings.mode === 'apiKey' && (await browserSessionUid(origin)) !== stored.uid) return t('odoo.queue.otherUser');
  return connectionFrom(stored);
}

/** The card buttons' requests, only from a page of the Odoo the user connected. */
export const kanbanHandlers: Handlers<KanbanChannel, { sender: Sender }> = {
  'cs:odooIsConnected': async (_msg, { sender }) => (await loadOdoo())?.settings.url === originOf(sender),
  'cs:odooQueueState': async (msg, { sender }) => {
    const c = await connectionFor(sender);
    if (typeof c === 'string') return fail(c);
    const r = await queueStates(c.rpc, c.uid, msg.resIds, localDate());
    return r.ok ? r : fail(r.failure.message);
  },
  'cs:odooToggle': async (msg, { sender }) => {
    const c = await connectionFor(sender);
    if (typeof c === 'string') return fail(c);
    const r = await toggleQueued(c.rpc, c.uid, msg.resId, msg.add, localDate());
    if (!r.ok) return fail(r.failure.message);
    await browser.runtime.sendMessage({ type: 'event:activitiesChanged' } satisfies PhoneEvent).catch(() => undefined);
    return r;
  },
};
