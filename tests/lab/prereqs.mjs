// Debian packages the tests and `npm start` need. Installs what is missing with apt-get
// (as root, or through sudo), and says so; never downloads a browser any other way.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const NEEDS = [
  { bin: '/usr/bin/chromium', pkg: 'chromium' },
  { bin: '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
  { bin: '/usr/sbin/kamailio', pkg: 'kamailio' },
  { bin: '/usr/lib/x86_64-linux-gnu/kamailio/modules/websocket.so', pkg: 'kamailio-websocket-modules', optionalPath: true },
  // The lab's presence server: voicemail (message-summary) and colleagues' line state (dialog).
  { bin: '/usr/lib/x86_64-linux-gnu/kamailio/modules/presence.so', pkg: 'kamailio-presence-modules', optionalPath: true },
  // A virtual display and a keyboard for the one test that needs Chromium's native context menu.
  { bin: '/usr/bin/Xvfb', pkg: 'xvfb' },
  { bin: '/usr/bin/xdotool', pkg: 'xdotool' },
  // A private session bus for the desktop-notification server (tests/lab/notification-server.mjs).
  { bin: '/usr/bin/dbus-daemon', pkg: 'dbus-daemon' },
  // Firefox sends its notifications to that bus only through libnotify (else it draws its own).
  { bin: '/usr/lib/x86_64-linux-gnu/libnotify.so.4', pkg: 'libnotify4' },
  // The field lab: a TURN server, a WebRTC-to-RTP media gateway and a plain SIP desk phone.
  { bin: '/usr/bin/turnserver', pkg: 'coturn' },
  { bin: '/usr/bin/rtpengine', pkg: 'rtpengine-daemon' },
  { bin: '/usr/bin/baresip', pkg: 'baresip' },
];

/** @param {string} pkg */
function installed(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

export function missingPackages(which = NEEDS.map((n) => n.pkg)) {
  return NEEDS.filter((n) => which.includes(n.pkg))
    .filter((n) => (n.optionalPath ? !installed(n.pkg) : !fs.existsSync(n.bin)))
    .map((n) => n.pkg);
}

export function ensurePackages(which) {
  const missing = missingPackages(which);
  if (missing.length === 0) return;
  process.stderr.write(`Installing Debian packages: ${missing.join(' ')}\n`);
  const root = process.getuid?.() === 0;
  const run = (args) =>
    execFileSync(root ? args[0] : 'sudo', root ? args.slice(1) : args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing]);
}
