// The "remote phone": the far end of test calls, driven from puppeteer through
// `window.remote` (page.evaluate). Plain SIP.js (UserAgent/Registerer/Inviter/
// Invitation), no SessionManager, so it also serves as the bare SIP.js
// baseline for benchmarks (bareCallTimed).
//
// Bundled for the browser by tests/lab/remote-phone.mjs (buildRemotePhone).
//
// Every call gets a small integer id (`call`). Events pushed to
// `remote.events` (all JSON-serialisable, each with `seq` and `t` =
// performance.now() in ms):
//   {type:'connected'} {type:'disconnected', error?}
//   {type:'registered', aor} {type:'unregistered'}
//   {type:'registration-failed', code, reason}
//   {type:'invite', call, from, fromUri, displayName, to, callId, referredBy, replaces, replacesCall}
//        replacesCall: our call an INVITE with Replaces takes over (answered at once), else 0
//   {type:'calling', call, to, target, callId}
//   {type:'progress', call, code, reason}          provisional reply (outgoing)
//   {type:'answered', call}                         we accepted an incoming call
//   {type:'rejected', call, code}                   we rejected an incoming call
//   {type:'established', call, direction, remote, callId}
//   {type:'call-failed', call, code, reason}        outgoing call got a final non-2xx
//   {type:'bye-received', call}
//   {type:'cancel-received', call}
//   {type:'terminated', call, direction, remote, reason, code?, durationMs}
//        reason: 'local-hangup' | 'remote-hangup' | 'canceled' | 'rejected' | 'failed' | 'ended'
//   {type:'dtmf', call, digit, via:'info', contentType, duration}
//   {type:'dtmf', call, digit, via:'rfc4733', detectedBy:'rtp'|'tone', duration?}  see note below
//   {type:'dtmf-sent', call, digits, via}
//   {type:'info', call, contentType, body}          INFO that is not DTMF
//   {type:'refer', call, referTo, target, referredBy}  peer asked us to transfer
//   {type:'refer-followed', call, newCall, target}  we sent the new INVITE
//   {type:'refer-rejected', call, target}
//   {type:'refer-sent', call, target}  {type:'refer-accepted', call, code}
//   {type:'refer-failed', call, code, reason}
//   {type:'refer-notify', call, status, reason, final}  NOTIFY (sipfrag) about our REFER
//   {type:'notify', call, event}                    other in-dialog NOTIFY
//   {type:'message', from, body, contentType}     incoming MESSAGE
//   {type:'message-sent', to, code}
//   {type:'published', target, event, code}         our PUBLISH was accepted (voicemail system)
//   {type:'sub-notify', target, event, contentType, body, state}  NOTIFY on our SUBSCRIBE
//   {type:'reinvite', call, statusCode, sdpDirection}  peer re-INVITEd us (hold/unhold)
//   {type:'hold', call, on}                          our re-INVITE for hold/unhold was accepted
//
// RFC 4733 note: RTCPeerConnection has no API or stat for received
// telephone-events. This page attaches an encoded transform
// (RTCRtpScriptTransform, frames pass through unchanged) to the audio
// receiver and reports the telephone-event payloads it sees: exact digits,
// one event per digit (detectedBy:'rtp', duration = of the first packet, in
// RTP clock units). Fallback where that API is missing, or with
// register({dtmfDetect:'tone'}): a Goertzel detector on the remote audio,
// since Chromium's NetEq renders received telephone-events as audible DTMF
// tones (detectedBy:'tone'; best effort, may miss digits under CPU load).

import {
  Inviter,
  Messager,
  Publisher,
  PublisherState,
  Registerer,
  Subscriber,
  RegistererState,
  SessionState,
  SIPExtension,
  UserAgent,
  Web,
} from 'sip.js';

/** @typedef {import('sip.js').Session} Session */
/** @typedef {import('sip.js').Invitation} Invitation */

/**
 * @typedef {object} Call
 * @property {number} id
 * @property {Session} session
 * @property {'incoming'|'outgoing'} direction
 * @property {string} remote         remote user part
 * @property {string} callId
 * @property {number} [establishedAt]
 * @property {string} [endReason]
 * @property {{code: number, reason: string}} [failure]  final non-2xx to our INVITE
 * @property {boolean} terminated
 * @property {HTMLAudioElement} [audio]
 * @property {() => void} [stopDetector]
 * @property {'rtp'|'tone'|'off'} detectMode  how received RFC 4733 DTMF is detected
 */

const ICE_GATHERING_TIMEOUT_MS = 200;
const AUDIO_ONLY = { constraints: { audio: true, video: false } };

/** @type {any[]} */
const events = [];
/** @type {{line: string, dir: 'out'|'in', t: number}[]} */
const sipLog = [];
let seq = 0;
/** @type {Set<{match: (e: any) => boolean, resolve: (e: any) => void}>} */
const waiters = new Set();

/** @param {string} type @param {Record<string, any>} [data] */
function record(type, data = {}) {
  const ev = { seq: ++seq, t: Math.round(performance.now()), type, ...data };
  events.push(ev);
  for (const w of [...waiters]) {
    if (w.match(ev)) {
      waiters.delete(w);
      w.resolve(ev);
    }
  }
  render();
  return ev;
}

/** @param {any} ev @param {string} type @param {Record<string, any>} where */
function matches(ev, type, where) {
  if (ev.type !== type) return false;
  for (const [k, v] of Object.entries(where || {})) if (ev[k] !== v) return false;
  return true;
}

/**
 * Waits for an event of `type` with seq > since whose fields equal `where`.
 * @param {string} type
 * @param {{since?: number, where?: Record<string, any>, timeoutMs?: number}} [opts]
 */
function waitForEvent(type, opts = {}) {
  const since = opts.since ?? 0;
  const found = events.find((e) => e.seq > since && matches(e, type, opts.where || {}));
  if (found) return Promise.resolve(found);
  const timeoutMs = opts.timeoutMs ?? 10000;
  return new Promise((resolve, reject) => {
    const w = {
      match: (/** @type {any} */ e) => e.seq > since && matches(e, type, opts.where || {}),
      resolve: (/** @type {any} */ e) => {
        clearTimeout(timer);
        resolve(e);
      },
    };
    const timer = setTimeout(() => {
      waiters.delete(w);
      reject(new Error(`timeout after ${timeoutMs} ms waiting for event '${type}' ${JSON.stringify(opts.where || {})} (last events: ${JSON.stringify(events.slice(-5))})`));
    }, timeoutMs);
    waiters.add(w);
  });
}

/**
 * @template T
 * @param {Promise<T>} p @param {number} ms @param {string} what
 * @returns {Promise<T>}
 */
function withTimeout(p, ms, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms: ${what}`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

// ------------------------------------------------------------------ state

/** @type {UserAgent | null} */
let ua = null;
/** @type {Registerer | null} */
let registerer = null;
/** @type {{wsUrl: string, domain: string, user: string, password: string} | null} */
let config = null;
let autoAnswer = false;
let autoAnswerDelayMs = 0;
let acceptRefer = true;
/** @type {'auto'|'rtp'|'tone'|'off'} how received RFC 4733 DTMF is detected */
let dtmfDetect = 'auto';
/** register({tone}): this phone's "microphone" is a steady sine at this frequency (Hz), else the browser's. */
let toneHz = 0;
let callSeq = 0;
/** @type {Map<number, Call>} */
const calls = new Map();
/** @type {Call[]} incoming calls not yet answered/rejected */
const pending = [];
/** @type {{action: 'answer'|'reject', code?: number, resolve: (v: any) => void, reject: (e: any) => void}[]} */
const pendingActions = [];
/** @type {Set<(msg: string, t: number) => void>} */
const sendHooks = new Set();

/** @param {string} msg @param {'in'|'out'} dir */
function logSip(msg, dir) {
  const nl = msg.indexOf('\r\n');
  let line = (nl > 0 ? msg.slice(0, nl) : msg).slice(0, 200);
  if (line.startsWith('SIP/2.0')) {
    const cseq = /\r\nCSeq:\s*([^\r\n]+)/i.exec(msg);
    if (cseq) line += ` (${cseq[1]})`;
  }
  sipLog.push({ dir, t: Math.round(performance.now()), line });
  if (sipLog.length > 1000) sipLog.splice(0, sipLog.length - 1000);
}

/** @param {string | undefined} target */
function toUri(target) {
  if (!config) throw new Error('not registered: call remote.register() first');
  let s = String(target ?? '').trim();
  if (!/^sips?:/i.test(s)) s = s.includes('@') ? `sip:${s}` : `sip:${s}@${config.domain}`;
  const uri = UserAgent.makeURI(s);
  if (!uri) throw new Error(`bad SIP target: ${target}`);
  return uri;
}

/** @param {number} [id] */
function getCall(id) {
  if (id !== undefined) {
    const c = calls.get(id);
    if (!c) throw new Error(`no call ${id}`);
    return c;
  }
  const live = [...calls.values()].filter((c) => !c.terminated);
  const established = live.filter((c) => c.session.state === SessionState.Established);
  const c = established.at(-1) || live.at(-1);
  if (!c) throw new Error('no active call');
  return c;
}

/**
 * @param {Session} session
 * @param {'incoming'|'outgoing'} direction
 * @param {string} remote
 * @returns {Call}
 */
function track(session, direction, remote) {
  /** @type {Call} */
  const call = {
    id: ++callSeq,
    session,
    direction,
    remote,
    callId: /** @type {any} */ (session).request?.callId || '',
    terminated: false,
    detectMode: detectModeNow(),
  };
  calls.set(call.id, call);
  session.delegate = {
    onInfo: (info) => onInfo(call, info),
    onRefer: (referral) => void onRefer(call, referral),
    onBye: (bye) => {
      call.endReason = call.endReason || 'remote-hangup';
      record('bye-received', { call: call.id });
      bye.accept();
    },
    onNotify: (notification) => {
      record('notify', { call: call.id, event: notification.request.getHeader('event') || '' });
      notification.accept();
    },
    onSessionDescriptionHandler: (sdh) => {
      const pc = /** @type {any} */ (sdh).peerConnection;
      if (call.detectMode === 'rtp' && pc && !call.stopDetector) installRtpEventDetector(call, pc);
    },
    onInvite: (request, _response, statusCode) => {
      // The audio section's direction: Firefox also puts a session-level a=sendrecv first.
      const m = /\r?\nm=audio[\s\S]*?\r?\na=(sendrecv|sendonly|recvonly|inactive)/.exec(String(request.body || ''));
      record('reinvite', { call: call.id, statusCode, sdpDirection: m ? m[1] : 'sendrecv' });
    },
  };
  session.stateChange.addListener((state) => {
    if (state === SessionState.Established) {
      call.establishedAt = performance.now();
      attachMedia(call);
      record('established', { call: call.id, direction, remote, callId: call.callId });
    } else if (state === SessionState.Terminated) {
      call.terminated = true;
      const idx = pending.indexOf(call);
      if (idx >= 0) pending.splice(idx, 1);
      call.stopDetector?.();
      if (call.audio) call.audio.srcObject = null;
      const durationMs = call.establishedAt ? Math.round(performance.now() - call.establishedAt) : 0;
      // SIP.js runs the request delegate's onReject right after this
      // transition: record 'terminated' after it, with the failure code
      queueMicrotask(() =>
        record('terminated', {
          call: call.id,
          direction,
          remote,
          reason: call.endReason || (call.establishedAt ? 'ended' : 'failed'),
          code: call.failure?.code,
          durationMs,
        }),
      );
    }
  });
  return call;
}

// ------------------------------------------------------------------ media

/** @param {Call} call */
function peerConnection(call) {
  const sdh = /** @type {any} */ (call.session.sessionDescriptionHandler);
  return sdh && sdh.peerConnection ? /** @type {RTCPeerConnection} */ (sdh.peerConnection) : null;
}

/** @param {Call} call */
function attachMedia(call) {
  const sdh = /** @type {any} */ (call.session.sessionDescriptionHandler);
  if (!sdh || !sdh.remoteMediaStream) return;
  const stream = /** @type {MediaStream} */ (sdh.remoteMediaStream);
  const audio = new Audio();
  audio.autoplay = true;
  audio.srcObject = stream;
  audio.play().catch(() => {});
  call.audio = audio;
  if (call.detectMode === 'tone') {
    try {
      call.stopDetector = startToneDetector(call, stream);
    } catch (e) {
      console.warn('DTMF tone detector unavailable', e);
    }
  }
}

/** A "microphone" that plays a steady sine at `toneHz`, so a test can tell this far end's voice from others by frequency. */
async function toneMicrophone() {
  const ctx = new AudioContext();
  const osc = ctx.createOscillator();
  osc.frequency.value = toneHz;
  const gain = ctx.createGain();
  gain.gain.value = 0.3;
  const out = ctx.createMediaStreamDestination();
  osc.connect(gain).connect(out);
  osc.start();
  await ctx.resume();
  return out.stream;
}

/**
 * How loud each of `hzList` is in what this phone hears on its current call (or `opts.call`), in
 * dBFS read with an AnalyserNode (the loudest of five readings 100 ms apart, each the strongest of
 * the tone's bin and its neighbours): a tone heard is some 60 dB above one that is not there.
 * @param {number[]} hzList @param {{call?: number}} [opts]
 * @returns {Promise<Record<string, number>>}
 */
async function hears(hzList, opts = {}) {
  const sdh = /** @type {any} */ (getCall(opts.call).session.sessionDescriptionHandler);
  if (!sdh?.remoteMediaStream) throw new Error('no audio on this call');
  const ctx = new AudioContext();
  try {
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 8192;
    analyser.smoothingTimeConstant = 0;
    ctx.createMediaStreamSource(sdh.remoteMediaStream).connect(analyser);
    await ctx.resume();
    const bins = new Float32Array(analyser.frequencyBinCount);
    const out = Object.fromEntries(hzList.map((hz) => [String(hz), -200]));
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 100));
      analyser.getFloatFrequencyData(bins);
      for (const hz of hzList) {
        const at = Math.round((hz * analyser.fftSize) / ctx.sampleRate);
        const db = Math.max(bins[at - 1] ?? -200, bins[at] ?? -200, bins[at + 1] ?? -200);
        if (Number.isFinite(db)) out[String(hz)] = Math.max(out[String(hz)], Math.round(db));
      }
    }
    return out;
  } finally {
    await ctx.close();
  }
}

/** @returns {'rtp'|'tone'|'off'} */
function detectModeNow() {
  if (dtmfDetect !== 'auto') return dtmfDetect;
  return typeof RTCRtpScriptTransform === 'function' ? 'rtp' : 'tone';
}

// Worker for the RTP-level RFC 4733 detector: an encoded-transform on the
// audio receiver that passes every frame through unchanged and reports the
// telephone-event payloads (event code, end bit, duration, RTP timestamp).
const RTP_EVENT_WORKER = `
onrtctransform = (ev) => {
  const t = ev.transformer;
  const pts = new Set(t.options.pts || []);
  t.readable.pipeThrough(new TransformStream({
    transform(frame, ctl) {
      try {
        const md = frame.getMetadata();
        const mime = String(md.mimeType || '').toLowerCase();
        if (pts.has(md.payloadType) || mime.endsWith('telephone-event')) {
          const b = new Uint8Array(frame.data);
          if (b.length >= 4) self.postMessage({ event: b[0], end: (b[1] & 0x80) !== 0, duration: (b[2] << 8) | b[3], ts: md.rtpTimestamp, pt: md.payloadType });
        }
      } catch (e) { /* never block media */ }
      ctl.enqueue(frame);
    },
  })).pipeTo(t.writable).catch(() => {});
};
`;
/** @type {string | null} */
let rtpEventWorkerUrl = null;

/**
 * RFC 4733 detection at the RTP level (RTCRtpScriptTransform on the audio
 * receiver, frames pass through unchanged). Chromium only feeds a receiver
 * transform that exists before the receive stream is set up: for the offerer
 * that is before setLocalDescription(offer) (so it is attached when SIP.js
 * adds the microphone track), for the answerer in the 'track' event of
 * setRemoteDescription(offer). Attaching it later silently gets no frames.
 * @param {Call} call @param {RTCPeerConnection} pc
 */
function installRtpEventDetector(call, pc) {
  /** @type {Worker | null} */
  let worker = null;
  const seen = new Set();
  const attach = (/** @type {RTCRtpReceiver} */ receiver) => {
    if (worker || receiver.track?.kind !== 'audio') return;
    rtpEventWorkerUrl ||= URL.createObjectURL(new Blob([RTP_EVENT_WORKER], { type: 'text/javascript' }));
    const w = new Worker(rtpEventWorkerUrl);
    worker = w;
    w.onerror = (e) => console.warn('RFC 4733 detector worker error', e.message);
    w.onmessage = (/** @type {MessageEvent} */ m) => {
      const { event, ts, duration } = m.data;
      if (seen.has(ts) || event > 15) return; // one report per event (same RTP timestamp)
      seen.add(ts);
      record('dtmf', { call: call.id, digit: '0123456789*#ABCD'[event], via: 'rfc4733', detectedBy: 'rtp', duration });
    };
    try {
      /** @type {any} */ (receiver).transform = new RTCRtpScriptTransform(w, { pts: [] });
    } catch (e) {
      console.warn('RTCRtpScriptTransform failed', e);
    }
  };
  // answerer: the transceiver appears with the remote offer
  pc.addEventListener('track', (ev) => attach(ev.receiver));
  // offerer: SIP.js adds the local track before creating the offer
  const addTrack = pc.addTrack.bind(pc);
  pc.addTrack = (track, ...streams) => {
    const sender = addTrack(track, ...streams);
    const tr = pc.getTransceivers().find((t) => t.sender === sender);
    if (tr) attach(tr.receiver);
    return sender;
  };
  call.stopDetector = () => worker?.terminate();
}

const ROWS = [697, 770, 852, 941];
const COLS = [1209, 1336, 1477, 1633];
const KEYS = ['123A', '456B', '789C', '*0#D'];

/**
 * Goertzel DTMF detector over the remote audio (see RFC 4733 note above).
 * @param {Call} call @param {MediaStream} stream
 * @returns {() => void}
 */
function startToneDetector(call, stream) {
  if (!stream.getAudioTracks().length) return () => {};
  const ctx = new AudioContext();
  const src = ctx.createMediaStreamSource(stream);
  const proc = ctx.createScriptProcessor(1024, 1, 1);
  const mute = ctx.createGain();
  mute.gain.value = 0;
  src.connect(proc);
  proc.connect(mute);
  mute.connect(ctx.destination);
  const rate = ctx.sampleRate;
  const coeff = (/** @type {number} */ f) => 2 * Math.cos((2 * Math.PI * f) / rate);
  const rowC = ROWS.map(coeff);
  const colC = COLS.map(coeff);
  let last = '';
  let run = 0;
  let reported = false;
  proc.onaudioprocess = (ev) => {
    const x = ev.inputBuffer.getChannelData(0);
    const n = x.length;
    let energy = 0;
    for (let i = 0; i < n; i++) energy += x[i] * x[i];
    let digit = '';
    if (energy / n > 1e-6) {
      const rel = (/** @type {number} */ c) => {
        let s1 = 0;
        let s2 = 0;
        for (let i = 0; i < n; i++) {
          const s0 = x[i] + c * s1 - s2;
          s2 = s1;
          s1 = s0;
        }
        const power = s1 * s1 + s2 * s2 - c * s1 * s2;
        return (2 * power) / (n * energy); // ~0.5 per tone of a clean dual tone
      };
      const r = rowC.map(rel);
      const c = colC.map(rel);
      const ri = r.indexOf(Math.max(...r));
      const ci = c.indexOf(Math.max(...c));
      const r2 = Math.max(...r.filter((_, i) => i !== ri));
      const c2 = Math.max(...c.filter((_, i) => i !== ci));
      if (r[ri] > 0.15 && c[ci] > 0.15 && r[ri] + c[ci] > 0.6 && r[ri] > 4 * r2 && c[ci] > 4 * c2) {
        digit = KEYS[ri][ci];
      }
    }
    if (digit && digit === last) {
      run++;
      if (run >= 2 && !reported) {
        reported = true;
        record('dtmf', { call: call.id, digit, via: 'rfc4733', detectedBy: 'tone' });
      }
    } else {
      last = digit;
      run = digit ? 1 : 0;
      reported = false;
    }
  };
  void ctx.resume();
  return () => {
    proc.onaudioprocess = null;
    void ctx.close();
  };
}

// ------------------------------------------------------------------ handlers

/** @param {Call} call @param {import('sip.js').Info} info */
function onInfo(call, info) {
  const req = info.request;
  const contentType = String(req.getHeader('content-type') || '').toLowerCase();
  const body = String(req.body || '');
  info.accept();
  let digit = '';
  let duration;
  if (contentType.includes('dtmf-relay')) {
    const m = /Signal\s*=\s*([0-9A-D*#])/i.exec(body);
    if (m) digit = m[1].toUpperCase();
    const d = /Duration\s*=\s*(\d+)/i.exec(body);
    if (d) duration = Number(d[1]);
  } else if (contentType.includes('application/dtmf')) {
    const m = /([0-9A-D*#])/i.exec(body);
    if (m) digit = m[1].toUpperCase();
  }
  if (digit) record('dtmf', { call: call.id, digit, via: 'info', contentType, duration });
  else record('info', { call: call.id, contentType, body });
}

/** @param {Call} call @param {import('sip.js').Referral} referral */
async function onRefer(call, referral) {
  const uri = referral.referTo.uri;
  const target = uri.user || uri.host;
  record('refer', { call: call.id, referTo: uri.toString(), target, referredBy: referral.referredBy || '' });
  if (!acceptRefer) {
    await referral.reject();
    record('refer-rejected', { call: call.id, target });
    return;
  }
  await referral.accept();
  const inviter = referral.makeInviter({ sessionDescriptionHandlerOptions: AUDIO_ONLY });
  const newCall = track(inviter, 'outgoing', target);
  record('refer-followed', { call: call.id, newCall: newCall.id, target });
  invite(newCall, /** @type {Inviter} */ (inviter)).catch(() => {});
}

/** @param {Invitation} invitation */
function onInvite(invitation) {
  const id = invitation.remoteIdentity;
  const call = track(invitation, 'incoming', id.uri.user || '');
  call.callId = invitation.request.callId;
  /** @type {any} */ (invitation).delegate = {
    ...invitation.delegate,
    onCancel: () => {
      call.endReason = 'canceled';
      record('cancel-received', { call: call.id });
    },
  };
  record('invite', {
    call: call.id,
    from: id.uri.user || '',
    fromUri: id.uri.toString(),
    displayName: id.displayName || '',
    to: invitation.localIdentity.uri.user || '',
    callId: call.callId,
    referredBy: invitation.request.getHeader('referred-by') || '',
    replaces: invitation.request.getHeader('replaces') || '',
    replacesCall: replacedCall(invitation),
  });
  // (SIP.js has already sent 180 Ringing before onInvite)
  const action = pendingActions.shift();
  if (invitation.replacee) {
    // RFC 3891: a call that replaces one we are in is taken at once (SIP.js then ends the old one).
    answer(call).catch((e) => console.warn('answering the replacing call failed', e));
  } else if (action) {
    runAction(call, action);
  } else if (autoAnswer) {
    const go = () => answer(call).catch((e) => console.warn('auto-answer failed', e));
    if (autoAnswerDelayMs > 0) setTimeout(go, autoAnswerDelayMs);
    else go();
  } else {
    pending.push(call);
  }
}

/** The id of our call an INVITE with Replaces takes the place of, or 0. @param {Invitation} invitation */
function replacedCall(invitation) {
  const old = invitation.replacee;
  if (!old) return 0;
  for (const c of calls.values()) if (c.session === old) return c.id;
  return 0;
}

/** @param {Call} call @param {(typeof pendingActions)[number]} action */
function runAction(call, action) {
  const p = action.action === 'answer' ? answer(call) : rejectCall(call, action.code ?? 486);
  p.then(action.resolve, action.reject);
}

/** @param {Call} call */
async function answer(call) {
  const inv = /** @type {Invitation} */ (call.session);
  if (call.terminated) throw new Error(`call ${call.id} already ended`);
  record('answered', { call: call.id });
  const est = waitForEvent('established', { where: { call: call.id }, timeoutMs: 15000 });
  await inv.accept({ sessionDescriptionHandlerOptions: AUDIO_ONLY });
  await est;
  return { call: call.id, from: call.remote, callId: call.callId };
}

/** @param {Call} call @param {number} code */
async function rejectCall(call, code) {
  const inv = /** @type {Invitation} */ (call.session);
  call.endReason = 'rejected';
  await inv.reject({ statusCode: code });
  record('rejected', { call: call.id, code });
  return { call: call.id, from: call.remote, code };
}

/** @param {Call} call @param {Inviter} inviter @param {number} [timeoutMs] */
function invite(call, inviter, timeoutMs = 20000) {
  record('calling', { call: call.id, to: call.remote, target: inviter.request.ruri.toString(), callId: inviter.request.callId });
  call.callId = inviter.request.callId;
  const outcome = new Promise((resolve, reject) => {
    const onState = (/** @type {SessionState} */ s) => {
      if (s === SessionState.Established) {
        inviter.stateChange.removeListener(onState);
        resolve({ call: call.id, to: call.remote, callId: call.callId });
      } else if (s === SessionState.Terminated) {
        inviter.stateChange.removeListener(onState);
        queueMicrotask(() => {
          const f = call.failure;
          reject(new Error(f ? `call to ${call.remote} failed: ${f.code} ${f.reason}` : `call to ${call.remote} ended before it was established`));
        });
      }
    };
    inviter.stateChange.addListener(onState);
  });
  inviter
    .invite({
      requestDelegate: {
        onProgress: (r) => record('progress', { call: call.id, code: r.message.statusCode, reason: r.message.reasonPhrase }),
        onReject: (r) => {
          call.endReason = call.endReason || 'failed';
          call.failure = { code: r.message.statusCode ?? 0, reason: r.message.reasonPhrase ?? '' };
          record('call-failed', { call: call.id, ...call.failure });
        },
      },
    })
    .catch((e) => record('call-failed', { call: call.id, code: 0, reason: String(e && e.message) }));
  return withTimeout(outcome, timeoutMs, `call to ${call.remote} not established`).catch(async (e) => {
    if (!call.terminated && inviter.state !== SessionState.Established) {
      call.endReason = call.endReason || 'canceled';
      await inviter.cancel().catch(() => {});
    }
    throw e;
  });
}

// ------------------------------------------------------------------ API

/**
 * Creates the user agent, connects and registers.
 * @param {{wsUrl: string, domain: string, user: string, password: string, displayName?: string,
 *   autoAnswer?: boolean, timeoutMs?: number, traceSip?: boolean, expires?: number,
 *   dtmfDetect?: 'auto'|'rtp'|'tone'|'off', tone?: number}} opts
 * @returns {Promise<{aor: string}>}
 */
async function register(opts) {
  if (ua) await unregister().catch(() => {});
  config = { wsUrl: opts.wsUrl, domain: opts.domain, user: opts.user, password: opts.password };
  if (opts.autoAnswer !== undefined) autoAnswer = !!opts.autoAnswer;
  if (opts.dtmfDetect) dtmfDetect = opts.dtmfDetect;
  if (opts.tone) toneHz = opts.tone;
  const timeoutMs = opts.timeoutMs ?? 10000;
  const uri = UserAgent.makeURI(`sip:${opts.user}@${opts.domain}`);
  if (!uri) throw new Error(`bad user/domain ${opts.user}@${opts.domain}`);
  const agent = new UserAgent({
    uri,
    displayName: opts.displayName || `Remote ${opts.user}`,
    authorizationUsername: opts.user,
    authorizationPassword: opts.password,
    transportOptions: { server: opts.wsUrl, traceSip: !!opts.traceSip, connectionTimeout: 5 },
    logLevel: 'error',
    userAgentString: 'lab-remote-phone (SIP.js 0.21)',
    // An INVITE with Replaces (attended transfer) takes the place of the call it names.
    sipExtensionReplaces: SIPExtension.Supported,
    sessionDescriptionHandlerFactory: Web.defaultSessionDescriptionHandlerFactory(toneHz ? toneMicrophone : undefined),
    sessionDescriptionHandlerFactoryOptions: {
      iceGatheringTimeout: ICE_GATHERING_TIMEOUT_MS,
      peerConnectionConfiguration: { iceServers: [] },
    },
    delegate: {
      onInvite,
      onConnect: () => record('connected'),
      onDisconnect: (error) => record('disconnected', { error: error ? error.message : '' }),
      onMessage: (message) => {
        record('message', {
          from: message.request.from.uri.user || '',
          body: message.request.body || '',
          contentType: message.request.getHeader('content-type') || '',
        });
        message.accept();
      },
    },
  });
  ua = agent;
  const transport = /** @type {any} */ (agent.transport);
  const origSend = transport.send.bind(transport);
  transport.send = (/** @type {string} */ msg) => {
    const t = performance.now();
    logSip(msg, 'out');
    for (const h of sendHooks) h(msg, t);
    return origSend(msg);
  };
  const origOnMessage = transport.onMessage;
  transport.onMessage = (/** @type {string} */ msg) => {
    logSip(msg, 'in');
    origOnMessage(msg);
  };

  await withTimeout(agent.start(), timeoutMs, `connect to ${opts.wsUrl}`);
  const reg = new Registerer(agent, { expires: opts.expires ?? 600 });
  registerer = reg;
  return withTimeout(
    new Promise((resolve, reject) => {
      reg.stateChange.addListener((s) => {
        if (s === RegistererState.Unregistered) record('unregistered');
      });
      reg
        .register({
          requestDelegate: {
            onAccept: () => {
              const aor = uri.toString();
              record('registered', { aor });
              resolve({ aor });
            },
            onReject: (r) => {
              const code = r.message.statusCode;
              const reason = r.message.reasonPhrase;
              record('registration-failed', { code, reason });
              reject(new Error(`registration failed: ${code} ${reason}`));
            },
          },
        })
        .catch(reject);
    }),
    timeoutMs,
    `REGISTER ${opts.user}@${opts.domain}`,
  );
}

/** Unregisters and stops the user agent (ends calls). */
async function unregister() {
  const agent = ua;
  const reg = registerer;
  ua = null;
  registerer = null;
  if (!agent) return;
  for (const c of calls.values()) if (!c.terminated) await hangup(c.id).catch(() => {});
  if (reg && reg.state === RegistererState.Registered) {
    await withTimeout(
      new Promise((resolve) => {
        reg.unregister({ requestDelegate: { onAccept: resolve, onReject: resolve } }).catch(resolve);
      }),
      3000,
      'unregister',
    ).catch(() => {});
  }
  await agent.stop().catch(() => {});
}

/**
 * Calls `target` ("1002", "1002@lab.test" or "sip:1002@lab.test"); resolves when established.
 * @param {string} target
 * @param {{timeoutMs?: number, extraHeaders?: string[]}} [opts]
 * @returns {Promise<{call: number, to: string, callId: string}>}
 */
async function call(target, opts = {}) {
  if (!ua) throw new Error('not registered');
  const uri = toUri(target);
  const inviter = new Inviter(ua, uri, {
    sessionDescriptionHandlerOptions: AUDIO_ONLY,
    extraHeaders: opts.extraHeaders,
  });
  const c = track(inviter, 'outgoing', uri.user || '');
  return invite(c, inviter, opts.timeoutMs);
}

/**
 * Answers the oldest ringing incoming call, or the next one to arrive.
 * @param {{timeoutMs?: number}} [opts]
 * @returns {Promise<{call: number, from: string, callId: string}>}
 */
function answerNext(opts = {}) {
  return nextAction('answer', undefined, opts.timeoutMs ?? 15000);
}

/**
 * Rejects the oldest ringing incoming call, or the next one, with `code` (default 486).
 * @param {number} [code]
 * @param {{timeoutMs?: number}} [opts]
 * @returns {Promise<{call: number, from: string, code: number}>}
 */
function rejectNext(code = 486, opts = {}) {
  return nextAction('reject', code, opts.timeoutMs ?? 15000);
}

/**
 * @param {'answer'|'reject'} action @param {number|undefined} code @param {number} timeoutMs
 * @returns {Promise<any>}
 */
function nextAction(action, code, timeoutMs) {
  const waiting = pending.shift();
  if (waiting) {
    /** @type {Promise<any>} */
    const p = action === 'answer' ? answer(waiting) : rejectCall(waiting, code ?? 486);
    return withTimeout(p, timeoutMs, action);
  }
  return new Promise((resolve, reject) => {
    const entry = { action, code, resolve, reject };
    pendingActions.push(entry);
    setTimeout(() => {
      const i = pendingActions.indexOf(entry);
      if (i >= 0) {
        pendingActions.splice(i, 1);
        reject(new Error(`timeout after ${timeoutMs} ms: no incoming call to ${action}`));
      }
    }, timeoutMs);
  });
}

/**
 * Ends a call (default: the current one): BYE if established, CANCEL if
 * calling out, 486 if ringing in. Resolves when terminated.
 * @param {number} [id]
 * @returns {Promise<{call: number}>}
 */
async function hangup(id) {
  const c = getCall(id);
  if (c.terminated) return { call: c.id };
  const s = c.session;
  const done = waitForEvent('terminated', { where: { call: c.id }, timeoutMs: 10000 });
  c.endReason = c.endReason || 'local-hangup';
  if (s.state === SessionState.Established) {
    await s.bye();
  } else if (c.direction === 'outgoing') {
    await /** @type {Inviter} */ (s).cancel();
  } else {
    await /** @type {Invitation} */ (s).reject({ statusCode: 486 });
  }
  await done;
  return { call: c.id };
}

async function hangupAll() {
  const ids = [...calls.values()].filter((c) => !c.terminated).map((c) => c.id);
  for (const id of ids) await hangup(id).catch(() => {});
  return ids;
}

/**
 * Sends DTMF on the current call (or opts.call).
 * @param {string} digits
 * @param {{via?: 'info'|'rfc4733', duration?: number, gap?: number, call?: number}} [opts]
 */
async function sendDtmf(digits, opts = {}) {
  const c = getCall(opts.call);
  const via = opts.via || 'info';
  const duration = opts.duration ?? (via === 'info' ? 100 : 160);
  if (via === 'info') {
    for (const d of String(digits)) {
      await new Promise((resolve, reject) => {
        c.session
          .info({
            requestDelegate: {
              onAccept: resolve,
              onReject: (r) => reject(new Error(`INFO rejected: ${r.message.statusCode}`)),
            },
            requestOptions: {
              body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${d}\r\nDuration=${duration}` },
            },
          })
          .catch(reject);
      });
    }
  } else {
    const sdh = /** @type {any} */ (c.session.sessionDescriptionHandler);
    if (!sdh || !sdh.sendDtmf(String(digits), { duration, interToneGap: opts.gap ?? 100 })) {
      throw new Error('RTCDTMFSender not available (telephone-event not negotiated?)');
    }
  }
  record('dtmf-sent', { call: c.id, digits: String(digits), via });
  return { call: c.id };
}

/**
 * Blind transfer: REFER the peer of the current call to `target`. Resolves
 * when the REFER is accepted (202). With hangup (default true) the call is
 * ended once a final 2xx NOTIFY arrives.
 * @param {string} target
 * @param {{call?: number, hangup?: boolean, timeoutMs?: number}} [opts]
 */
async function transfer(target, opts = {}) {
  const c = getCall(opts.call);
  const uri = toUri(target);
  const hang = opts.hangup ?? true;
  record('refer-sent', { call: c.id, target: uri.user || uri.toString() });
  const accepted = new Promise((resolve, reject) => {
    c.session
      .refer(uri, {
        requestDelegate: {
          onAccept: (r) => {
            record('refer-accepted', { call: c.id, code: r.message.statusCode });
            resolve({ call: c.id, code: r.message.statusCode });
          },
          onReject: (r) => {
            record('refer-failed', { call: c.id, code: r.message.statusCode, reason: r.message.reasonPhrase });
            reject(new Error(`REFER rejected: ${r.message.statusCode} ${r.message.reasonPhrase}`));
          },
        },
        onNotify: (notification) => {
          const body = String(notification.request.body || '');
          const m = /SIP\/2\.0\s+(\d{3})\s*([^\r\n]*)/.exec(body);
          const status = m ? Number(m[1]) : 0;
          const final = status >= 200;
          notification.accept();
          record('refer-notify', { call: c.id, status, reason: m ? m[2] : '', final });
          if (final && status < 300 && hang && !c.terminated && c.session.state === SessionState.Established) {
            c.endReason = 'local-hangup';
            c.session.bye().catch(() => {});
          }
        },
      })
      .catch(reject);
  });
  return withTimeout(accepted, opts.timeoutMs ?? 10000, 'REFER');
}

/**
 * Puts the current call (or opts.call) on hold / takes it off hold with a
 * re-INVITE (SDP sendonly / sendrecv). Resolves when the peer accepted it.
 * @param {boolean} [on]
 * @param {{call?: number, timeoutMs?: number}} [opts]
 */
async function hold(on = true, opts = {}) {
  const c = getCall(opts.call);
  const session = /** @type {any} */ (c.session);
  session.sessionDescriptionHandlerOptionsReInvite = { hold: on };
  await withTimeout(
    new Promise((resolve, reject) => {
      c.session
        .invite({
          sessionDescriptionHandlerOptions: /** @type {any} */ ({ hold: on, ...AUDIO_ONLY }),
          requestDelegate: {
            onAccept: () => resolve(undefined),
            onReject: (r) => reject(new Error(`re-INVITE rejected: ${r.message.statusCode} ${r.message.reasonPhrase}`)),
          },
        })
        .catch(reject);
    }),
    opts.timeoutMs ?? 10000,
    on ? 'hold' : 'unhold',
  );
  record('hold', { call: c.id, on });
  return { call: c.id, on };
}

/**
 * Sends a SIP MESSAGE; resolves with the final status code.
 * @param {string} target @param {string} text
 * @param {{contentType?: string, timeoutMs?: number}} [opts]
 */
async function message(target, text, opts = {}) {
  if (!ua) throw new Error('not registered');
  const uri = toUri(target);
  const agent = ua;
  const code = await withTimeout(
    new Promise((resolve, reject) => {
      new Messager(agent, uri, text, opts.contentType || 'text/plain')
        .message({
          requestDelegate: {
            onAccept: (r) => resolve(r.message.statusCode),
            onReject: (r) => reject(new Error(`MESSAGE rejected: ${r.message.statusCode} ${r.message.reasonPhrase}`)),
          },
        })
        .catch(reject);
    }),
    opts.timeoutMs ?? 10000,
    `MESSAGE to ${target}`,
  );
  record('message-sent', { to: uri.user || '', code });
  return { code };
}

/**
 * PUBLISH `body` for event `event` about `target`, as a voicemail system publishes a mailbox's
 * message summary to the PBX's presence server (RFC 3903; the presentity is the Request-URI).
 * @param {string} target @param {string} event @param {string} contentType @param {string} body
 * @param {{expires?: number, timeoutMs?: number}} [opts]
 */
async function publish(target, event, contentType, body, opts = {}) {
  if (!ua) throw new Error('not registered');
  const uri = toUri(target);
  const publisher = new Publisher(ua, uri, event, { expires: opts.expires ?? 3600, contentType });
  const code = await withTimeout(
    new Promise((resolve, reject) => {
      publisher.stateChange.addListener((st) => {
        if (st === PublisherState.Published) resolve(200);
        else if (st === PublisherState.Terminated || st === PublisherState.Unpublished) reject(new Error(`PUBLISH ${event} for ${target} not accepted`));
      });
      publisher.publish(body).catch(reject);
    }),
    opts.timeoutMs ?? 10000,
    `PUBLISH ${event} for ${target}`,
  );
  record('published', { target: uri.user || '', event, code });
  return { code };
}

/**
 * SUBSCRIBE to `event` about `target`; each NOTIFY is recorded as a 'sub-notify' event.
 * @param {string} target @param {string} event @param {{expires?: number}} [opts]
 */
async function subscribe(target, event, opts = {}) {
  if (!ua) throw new Error('not registered');
  const uri = toUri(target);
  const sub = new Subscriber(ua, uri, event, { expires: opts.expires ?? 600 });
  sub.delegate = {
    onNotify: (n) => {
      n.accept();
      record('sub-notify', {
        target: uri.user || '',
        event,
        contentType: n.request.getHeader('Content-Type') || '',
        body: n.request.body || '',
        state: n.request.getHeader('Subscription-State') || '',
      });
    },
  };
  await sub.subscribe();
  return { ok: true };
}

/**
 * RTP counters of the current call (or `id`), summed over audio streams, and
 * the audio transceiver's negotiated direction ('sendrecv', 'recvonly' when
 * the peer holds us, 'sendonly' when we hold, 'inactive').
 * @param {number} [id]
 */
async function stats(id) {
  const c = getCall(id);
  const pc = peerConnection(c);
  const out = { call: c.id, packetsSent: 0, bytesSent: 0, packetsReceived: 0, bytesReceived: 0, packetsLost: 0, totalAudioEnergy: 0, audioLevel: 0, direction: /** @type {string|null} */ (null) };
  if (!pc) return out;
  const tr = pc.getTransceivers().find((t) => t.receiver.track?.kind === 'audio');
  out.direction = tr?.currentDirection ?? null;
  const report = await pc.getStats();
  report.forEach((s) => {
    if (s.kind !== 'audio' && s.mediaType !== 'audio') return;
    if (s.type === 'outbound-rtp') {
      out.packetsSent += s.packetsSent || 0;
      out.bytesSent += s.bytesSent || 0;
    } else if (s.type === 'inbound-rtp') {
      out.packetsReceived += s.packetsReceived || 0;
      out.bytesReceived += s.bytesReceived || 0;
      out.packetsLost += s.packetsLost || 0;
      out.totalAudioEnergy += s.totalAudioEnergy || 0;
      out.audioLevel = Math.max(out.audioLevel, s.audioLevel || 0);
    }
  });
  return out;
}

/**
 * Benchmark baseline: plain SIP.js call. Times from the call() start to the
 * INVITE leaving on the WebSocket and to Established.
 * @param {string} target
 * @param {{timeoutMs?: number, hangup?: boolean}} [opts]
 * @returns {Promise<{call: number, inviteSentMs: number, establishedMs: number}>}
 */
async function bareCallTimed(target, opts = {}) {
  let inviteAt = NaN;
  const hook = (/** @type {string} */ msg, /** @type {number} */ t) => {
    if (Number.isNaN(inviteAt) && msg.startsWith('INVITE ')) inviteAt = t;
  };
  sendHooks.add(hook);
  const t0 = performance.now();
  try {
    const r = await call(target, { timeoutMs: opts.timeoutMs });
    const t1 = performance.now();
    const res = { call: r.call, inviteSentMs: +(inviteAt - t0).toFixed(1), establishedMs: +(t1 - t0).toFixed(1) };
    if (opts.hangup) await hangup(r.call);
    return res;
  } finally {
    sendHooks.delete(hook);
  }
}

/** Snapshot of the phone. */
function state() {
  return {
    user: config?.user || null,
    registered: registerer?.state === RegistererState.Registered,
    connected: !!ua?.isConnected(),
    autoAnswer,
    acceptRefer,
    calls: [...calls.values()].map((c) => ({
      call: c.id,
      direction: c.direction,
      remote: c.remote,
      state: c.session.state,
      callId: c.callId,
    })),
    pending: pending.map((c) => c.id),
  };
}

/** @param {boolean} on @param {{delayMs?: number}} [opts] */
function setAutoAnswer(on, opts = {}) {
  autoAnswer = !!on;
  autoAnswerDelayMs = opts.delayMs ?? 0;
  if (autoAnswer) {
    for (const c of pending.splice(0)) answer(c).catch(() => {});
  }
}

/** @param {boolean} on */
function setAcceptRefer(on) {
  acceptRefer = !!on;
}

function clearEvents() {
  events.length = 0;
}

// ------------------------------------------------------------------ page

function render() {
  const el = document.getElementById('status');
  if (!el) return;
  const s = state();
  el.textContent = `${s.user || '-'} ${s.registered ? 'registered' : 'not registered'} | calls: ${s.calls.filter((c) => c.state !== SessionState.Terminated).map((c) => `${c.call}:${c.remote}:${c.state}`).join(' ') || 'none'}`;
  const log = document.getElementById('log');
  const last = events.at(-1);
  if (log && last) log.textContent = `${JSON.stringify(last)}\n${log.textContent || ''}`.slice(0, 8000);
}

const api = {
  register,
  unregister,
  call,
  answerNext,
  rejectNext,
  hangup,
  hangupAll,
  sendDtmf,
  transfer,
  hold,
  message,
  publish,
  subscribe,
  stats,
  hears,
  /** escape hatch for tests: the RTCPeerConnection of the current call (or `id`) */
  peerConnection: (/** @type {number|undefined} */ id) => peerConnection(getCall(id)),
  bareCallTimed,
  setAutoAnswer,
  setAcceptRefer,
  waitForEvent,
  state,
  clearEvents,
  events,
  sipLog,
  get lastSeq() {
    return seq;
  },
};

/** @type {any} */ (window).remote = api;
/** @type {any} */ (window).remoteReady = true;
window.addEventListener('beforeunload', () => {
  void unregister();
});
render();
