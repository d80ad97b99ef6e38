// Lab desk phone: Debian's baresip as a plain SIP phone on 127.0.0.1 — SIP over UDP, RTP/AVP
// with G.711, no WebRTC at all — registered with the lab PBX. It plays a sine tone as its
// microphone, records what it hears (WAV files), and is driven over its TCP control socket.
//
//   import { startDeskPhone } from './baresip.mjs';
//   const desk = await startDeskPhone({ user: '1003', password: 'secret1003', domain, udpPort, toneHz: 440 });
//   await desk.waitRegistered();
//   await desk.command('dial', 'sip:1001@lab.test');
//   desk.recordings() → WAV files of what it heard;  await desk.stop();
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawnDaemon, waitReady } from './daemon.mjs';
import { freeTcpPort, freeUdpPort } from './ports.mjs';

export const BARESIP_BIN = '/usr/bin/baresip';

/**
 * @param {{user: string, password: string, domain: string, udpPort: number, toneHz?: number,
 *   answer?: 'auto'|'manual', maxLifetimeMs?: number}} o  udpPort: the PBX's SIP port on 127.0.0.1
 */
export async function startDeskPhone(o) {
  const sipPort = await freeUdpPort();
  const ctrlPort = await freeTcpPort();
  const rtpBase = 30000 + Math.floor(Math.random() * 100) * 100;
  const config = [
    'poll_method epoll',
    `sip_listen 127.0.0.1:${sipPort}`,
    'sip_transports udp',
    'call_local_timeout 120',
    'audio_buffer 60',
    `audio_source ausine,${o.toneHz ?? 440}`,
    'ausrc_srate 48000',
    'ausrc_channels 2',
    'audio_player aubridge,nowhere',
    'audio_alert aubridge,nowhere',
    `rtp_ports ${rtpBase}-${rtpBase + 99}`,
    'rtcp_mux no',
    'jitter_buffer_delay 1-10',
    'net_interface 127.0.0.1',
    'module_path /usr/lib/baresip/modules',
    'module g711.so',
    'module ausine.so',
    'module aubridge.so',
    'module sndfile.so',
    'module_tmp account.so',
    'module_app menu.so',
    'module_app ctrl_tcp.so',
    `ctrl_tcp_listen 127.0.0.1:${ctrlPort}`,
    'snd_path SNDDIR',
  ].join('\n');
  const answer = o.answer ?? 'auto';
  const account =
    `<sip:${o.user}@${o.domain};transport=udp>;auth_pass=${o.password};` +
    `outbound="sip:127.0.0.1:${o.udpPort};transport=udp";regint=300;answermode=${answer};audio_codecs=PCMU,PCMA;ptime=20\n`;
  const daemon = await spawnDaemon({
    name: 'baresip',
    bin: BARESIP_BIN,
    maxLifetimeMs: o.maxLifetimeMs,
    files: { accounts: account },
    args: (dir) => {
      fs.mkdirSync(path.join(dir, 'snd'));
      fs.writeFileSync(path.join(dir, 'config'), config.replace('SNDDIR', path.join(dir, 'snd')));
      return ['-f', dir, '-4'];
    },
  });
  const events = [];
  const waiters = new Set();
  let socket = null;
  await waitReady(daemon, 'baresip', async () => {
    socket = await new Promise((resolve) => {
      const s = net.connect(ctrlPort, '127.0.0.1', () => resolve(s));
      s.on('error', () => resolve(null));
    });
    return socket !== null;
  });
  let buffer = Buffer.alloc(0);
  const replies = [];
  socket.on('data', (d) => {
    buffer = Buffer.concat([buffer, d]);
    for (;;) {
      const colon = buffer.indexOf(0x3a);
      if (colon < 0) return;
      const len = Number(buffer.subarray(0, colon).toString());
      if (buffer.length < colon + 1 + len + 1) return;
      const msg = JSON.parse(buffer.subarray(colon + 1, colon + 1 + len).toString());
      buffer = buffer.subarray(colon + 1 + len + 1);
      if (msg.event) {
        events.push({ ...msg, seq: events.length + 1 });
        for (const w of waiters) w();
      } else if (msg.response) replies.shift()?.(msg);
    }
  });
  socket.on('error', () => {});

  const phone = {
    sipPort,
    aor: `sip:${o.user}@${o.domain}`,
    events,
    get lastSeq() {
      return events.length;
    },
    /** Sends a control command (`dial`, `accept`, `hangup`, …); resolves with baresip's answer. */
    command(command, params = '') {
      return new Promise((resolve, reject) => {
        const text = JSON.stringify({ command, params, token: String(Date.now()) });
        replies.push((m) => (m.ok ? resolve(m) : reject(new Error(`baresip ${command} ${params}: ${m.data}`))));
        socket.write(`${Buffer.byteLength(text)}:${text},`);
      });
    },
    /** The first event of `type` after `since` (whose fields equal `where`). */
    waitForEvent(type, { since = 0, where = {}, timeoutMs = 15_000 } = {}) {
      const find = () => events.find((e) => e.seq > since && e.type === type && Object.entries(where).every(([k, v]) => e[k] === v));
      return new Promise((resolve, reject) => {
        const check = () => {
          const e = find();
          if (!e) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(e);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`desk phone: no ${type} within ${timeoutMs} ms; events: ${events.map((e) => e.type).join(', ')}\n${daemon.log().split('\n').slice(-20).join('\n')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    /**
     * Resolves once the PBX accepted its REGISTER (read from its log: the REGISTER_OK event may
     * come before the control socket is connected).
     */
    async waitRegistered(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!/\{0\/UDP\/v4\} 200 OK .*binding/.test(daemon.log())) {
        if (Date.now() > deadline) throw new Error(`desk phone ${o.user} did not register:\n${daemon.log()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    /** WAV files sndfile wrote: `…-dec.wav` is what the phone heard, `…-enc.wav` what it sent. */
    recordings() {
      const dir = path.join(daemon.dir, 'snd');
      return fs.readdirSync(dir).map((f) => path.join(dir, f));
    },
    log: daemon.log,
    async stop() {
      socket?.destroy();
      await daemon.stop();
    },
  };
  return phone;
}
