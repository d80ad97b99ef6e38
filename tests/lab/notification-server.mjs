// A desktop-notification server for the lab: a private D-Bus session bus (Debian's dbus-daemon, on
// a Unix socket in a temporary directory) that owns org.freedesktop.Notifications, the service a
// Linux desktop's notification daemon provides and Chromium sends its notifications to. It keeps
// what it was asked to show, and `click()` does what a user's click on a notification button does:
// the server emits ActionInvoked with that button's action key, then NotificationClosed.
// Start Chromium with `env: server.env` so it talks to this bus.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import dbus from 'dbus-next';

const NAME = 'org.freedesktop.Notifications';
const OBJECT = '/org/freedesktop/Notifications';
/** NotificationClosed reasons (Desktop Notifications Specification 1.2). */
const CLOSED_BY_USER = 2;

/**
 * @typedef {{ id: number, app: string, summary: string, body: string,
 *   actions: { key: string, label: string }[], open: boolean }} ShownNotification
 */

class NotificationsService extends dbus.interface.Interface {
  /** @param {(n: ShownNotification) => void} onShow @param {(id: number) => void} onClose */
  constructor(onShow, onClose) {
    super(NAME);
    this.onShow = onShow;
    this.onClose = onClose;
    this.nextId = 1;
  }

  GetCapabilities() {
    return ['actions', 'body', 'persistence'];
  }

  Notify(app, replacesId, _icon, summary, body, actions, _hints, _timeout) {
    const id = replacesId || this.nextId++;
    const pairs = [];
    for (let i = 0; i + 1 < actions.length; i += 2) pairs.push({ key: actions[i], label: actions[i + 1] });
    this.onShow({ id, app, summary, body, actions: pairs, open: true });
    return id;
  }

  CloseNotification(id) {
    this.onClose(id);
  }

  GetServerInformation() {
    return ['softphone-lab', 'softphone', '1', '1.2'];
  }

  ActionInvoked(id, key) {
    return [id, key];
  }

  NotificationClosed(id, reason) {
    return [id, reason];
  }
}

NotificationsService.configureMembers({
  methods: {
    GetCapabilities: { inSignature: '', outSignature: 'as' },
    Notify: { inSignature: 'susssasa{sv}i', outSignature: 'u' },
    CloseNotification: { inSignature: 'u', outSignature: '' },
    GetServerInformation: { inSignature: '', outSignature: 'ssss' },
  },
  signals: {
    ActionInvoked: { signature: 'us' },
    NotificationClosed: { signature: 'uu' },
  },
});

export async function startNotificationServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'softphone-bus-'));
  const address = `unix:path=${path.join(dir, 'bus')}`;
  const config = path.join(dir, 'session.conf');
  fs.writeFileSync(
    config,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>${address}</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*"/><allow receive_sender="*"/><allow own="*"/></policy>
</busconfig>`,
  );
  const daemon = spawn('dbus-daemon', [`--config-file=${config}`, '--nofork', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  await new Promise((resolve, reject) => {
    daemon.once('error', reject);
    daemon.once('exit', (code) => reject(new Error(`dbus-daemon exited (${code}) before it listened`)));
    daemon.stdout.once('data', resolve);
  });
  // The bus goes with this process, whatever happens to it.
  const killDaemon = () => daemon.kill();
  process.once('exit', killDaemon);

  /** @type {ShownNotification[]} */
  const shown = [];
  const waiters = new Set();
  const changed = () => waiters.forEach((w) => w());
  const service = new NotificationsService(
    (n) => {
      const old = shown.find((s) => s.id === n.id);
      if (old) Object.assign(old, n);
      else shown.push(n);
      changed();
    },
    (id) => {
      const n = shown.find((s) => s.id === id);
      if (n) n.open = false;
      changed();
    },
  );
  const bus = dbus.sessionBus({ busAddress: address });
  bus.export(OBJECT, service);
  await bus.requestName(NAME, 0);

  return {
    /** Environment for the browser process, so it uses this bus. */
    env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: address },
    shown,
    /** Resolves with the first notification (open or not) that `match` accepts. */
    waitFor(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const n = shown.find(match);
          if (!n) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(n);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no such notification within ${timeoutMs} ms; shown: ${JSON.stringify(shown)}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    /** The user clicks the button labelled `label` (or the notification itself: 'default'). */
    click(notification, label) {
      const action = label === 'default' ? { key: 'default' } : notification.actions.find((a) => a.label === label);
      if (!action) throw new Error(`no "${label}" button on ${JSON.stringify(notification)}`);
      service.ActionInvoked(notification.id, action.key);
      notification.open = false;
      service.NotificationClosed(notification.id, CLOSED_BY_USER);
    },
    async stop() {
      bus.disconnect();
      killDaemon();
      process.off('exit', killDaemon);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
