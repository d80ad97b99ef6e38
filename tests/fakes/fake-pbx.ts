import { createHash } from 'node:crypto';
import { listen, type MemoryServer, type MemoryTransport } from './memory-transport';
import {
  buildRequest, buildResponse, cseqMethod, header, parseSip, randomToken, tagOf, uriOf, type SipMessage,
} from './sip-wire';
import { FAKE_SDP } from './fake-media';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

function digestParams(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of value.replace(/^Digest\s+/i, '').matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)) {
    out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? '';
  }
  return out;
}

/** The PBX side of one dialog, enough to send in-dialog requests to the phone. */
export interface FakeDialog {
  callId: string;
  /** Our side's URI and tag (the PBX acting as the far end). */
  localUri: string;
  localTag: string;
  remoteUri: string;
  remoteTag: string;
  /** The phone's Contact. */
  remoteTarget: string;
  cseq: number;
  invite: SipMessage;
}

/** The PBX side of a SUBSCRIBE dialog: enough to NOTIFY the phone. */
export interface FakeSubscription {
  callId: string;
  event: string;
  /** Whose state is watched (the Request-URI's user). */
  user: string;
  localTag: string;
  from: string;
  to: string;
  remoteTarget: string;
  cseq: number;
  ended: boolean;
}

/**
 * A fake registrar + far end speaking real SIP text over the memory transport: digest auth
 * like Kamailio (401 with a nonce, 401 again for a wrong password), and a scripted far end.
 */
export class FakePbx implements MemoryServer {
  acceptsConnections = true;
  /** While true, REGISTERs are received but never answered (a server gone quiet). */
  silentRegistrar = false;
  /**
   * The path to the phone carries nothing in one direction or both, and says nothing about it
   * (a NAT that forgot the connection, a sleeping laptop): the connection stays open. What is
   * sent meanwhile waits, as TCP keeps retransmitting it, and arrives on `resume()`.
   */
  stalled: 'none' | 'up' | 'down' | 'both' = 'none';
  private readonly held: { up: boolean; raw: string; link: MemoryTransport | undefined }[] = [];
  /** Keep-alives (double CRLF) received, each answered with a CRLF unless stalled. */
  keepAlives = 0;
  /** Connections opened so far. */
  connections = 0;
  /** When set, every authenticated REGISTER gets this answer instead of 200 OK. */
  registerAnswer: [number, string] | null = null;
  readonly received: SipMessage[] = [];
  readonly links = new Set<MemoryTransport>();
  readonly registrations = new Map<string, string>();
  private readonly nonce = randomToken();
  /** How the far end answers an INVITE from the phone; default rings then answers. */
  onInvite: (req: SipMessage, pbx: FakePbx) => void = (req, pbx) => {
    pbx.reply(req, 180, 'Ringing');
    pbx.answer(req);
  };
  /** How a REFER is handled: default 202 then a NOTIFY with 200 OK. */
  onRefer: (req: SipMessage, pbx: FakePbx) => void = (req, pbx) => {
    pbx.reply(req, 202, 'Accepted');
    pbx.notifyRefer(req, 'SIP/2.0 200 OK');
  };
  /** How an in-dialog re-INVITE (hold, ICE restart) is answered: default 200 with SDP. */
  onReInvite: (req: SipMessage, pbx: FakePbx) => void = (req, pbx) =>
    pbx.reply(req, 200, 'OK', {
      headers: [['Contact', '<sip:far@fake-pbx.invalid;transport=ws>'], ['Content-Type', 'application/sdp']],
      body: FAKE_SDP,
    });
  dialogs = new Map<string, FakeDialog>();
  /** SUBSCRIBE dialogs the phone opened (event message-summary, dialog…), by Call-ID. */
  readonly subscriptions = new Map<string, FakeSubscription>();
  /** How a SUBSCRIBE is answered: default as a presence server (200, then a NOTIFY of `current`). */
  onSubscribe: (req: SipMessage, pbx: FakePbx) => void = (req, pbx) => pbx.acceptSubscribe(req);
  /** What a new subscription's first NOTIFY carries, by "user event" (none: an empty body). */
  readonly current = new Map<string, { contentType: string; body: string }>();
  /** The longest subscription granted, in seconds (none: what the phone asks). */
  subscribeExpires: number | null = null;
  private readonly close: () => void;

  constructor(
    readonly url: string,
    readonly domain: string,
    readonly accounts: Record<string, string>,
  ) {
    this.close = listen(url, this);
  }

  stop(): void {
    this.close();
  }

  attach(link: MemoryTransport): void {
    this.connections += 1;
    this.links.add(link);
  }

  detach(link: MemoryTransport): void {
    this.links.delete(link);
  }

  /** Drop every connection, as a network outage would. */
  dropAll(): void {
    for (const link of [...this.links]) link.drop();
  }

  private link(): MemoryTransport {
    const link = [...this.links][0];
    if (!link) throw new Error('no phone connected');
    return link;
  }

  send(raw: string, link = this.link()): void {
    if (this.stalled === 'down' || this.stalled === 'both') {
      this.held.push({ up: false, raw, link });
      return;
    }
    link.deliver(raw);
  }

  /** The path carries data again: what waited arrives, in order, on connections still open. */
  resume(): void {
    this.stalled = 'none';
    for (const { up, raw, link } of this.held.splice(0)) {
      if (!link || !this.links.has(link)) continue;
      if (up) this.receive(raw, link);
      else link.deliver(raw);
    }
  }

  requests(method: string): SipMessage[] {
    return this.received.filter((m) => m.method === method);
  }

  responses(method: string): SipMessage[] {
    return this.received.filter((m) => m.status !== null && cseqMethod(m) === method);
  }

  reply(req: SipMessage, status: number, reason: string, opts: Parameters<typeof buildResponse>[3] = {}): void {
    const dialog = this.dialogs.get(header(req, 'call-id'));
    // Responses that can create a dialog carry the far end's Contact, as a real UA's do.
    const contact: [string, string][] =
      req.method === 'INVITE' && status > 100 && status < 300 && !opts.headers?.some(([n]) => n === 'Contact')
        ? [['Contact', '<sip:far@fake-pbx.invalid;transport=ws>']]
        : [];
    this.send(buildResponse(req, status, reason, {
      toTag: dialog?.localTag ?? randomToken(),
      ...opts,
      headers: [...contact, ...(opts.headers ?? [])],
    }));
  }

  /** 200 OK with SDP to an INVITE from the phone; opens the dialog. */
  answer(req: SipMessage): void {
    const dialog = this.dialogs.get(header(req, 'call-id'));
    if (!dialog) return;
    this.reply(req, 200, 'OK', {
      headers: [['Contact', '<sip:far@fake-pbx.invalid;transport=ws>'], ['Content-Type', 'application/sdp']],
      body: FAKE_SDP,
    });
  }

  receive(raw: string, from?: MemoryTransport): void {
    if (this.stalled === 'up' || this.stalled === 'both') {
      this.held.push({ up: true, raw, link: from });
      return;
    }
    if (raw === '\r\n\r\n') {
      this.keepAlives += 1;
      if (from) this.send('\r\n', from);
      return;
    }
    const msg = parseSip(raw);
    this.received.push(msg);
    if (msg.status !== null) {
      this.onResponse(msg);
      return;
    }
    switch (msg.method) {
      case 'REGISTER':
        if (this.silentRegistrar) return;
        return this.onRegister(msg);
      case 'INVITE':
        return this.onInviteRequest(msg);
      case 'ACK':
        return;
      case 'CANCEL':
        this.send(buildResponse(msg, 200, 'OK'));
        return this.reply(this.pendingInvite(msg), 487, 'Request Terminated');
      case 'BYE':
      case 'INFO':
      case 'NOTIFY':
        return this.reply(msg, 200, 'OK');
      case 'REFER':
        return this.onRefer(msg, this);
      case 'SUBSCRIBE':
        return this.onSubscribe(msg, this);
      case 'OPTIONS':
        return this.reply(msg, 200, 'OK');
      default:
        return this.reply(msg, 405, 'Method Not Allowed');
    }
  }

  private pendingInvite(cancel: SipMessage): SipMessage {
    const invite = this.dialogs.get(header(cancel, 'call-id'))?.invite;
    if (!invite) throw new Error('CANCEL for unknown INVITE');
    return invite;
  }

  private onRegister(req: SipMessage): void {
    const auth = header(req, 'authorization');
    if (!auth) {
      this.send(buildResponse(req, 401, 'Unauthorized', {
        toTag: randomToken(),
        headers: [['WWW-Authenticate', `Digest realm="${this.domain}", nonce="${this.nonce}", qop="auth", algorithm=MD5`]],
      }));
      return;
    }
    const p = digestParams(auth);
    const password = this.accounts[p.username ?? ''];
    const ha1 = md5(`${p.username}:${p.realm}:${password}`);
    const ha2 = md5(`REGISTER:${p.uri}`);
    const expected = p.qop
      ? md5(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:${p.qop}:${ha2}`)
      : md5(`${ha1}:${p.nonce}:${ha2}`);
    if (password === undefined || expected !== p.response) {
      this.send(buildResponse(req, 401, 'Unauthorized', {
        toTag: randomToken(),
        headers: [['WWW-Authenticate', `Digest realm="${this.domain}", nonce="${randomToken()}", qop="auth", algorithm=MD5`]],
      }));
      return;
    }
    if (this.registerAnswer) {
      this.send(buildResponse(req, this.registerAnswer[0], this.registerAnswer[1], { toTag: randomToken() }));
      return;
    }
    const contact = header(req, 'contact');
    this.registrations.set(uriOf(header(req, 'to')), contact);
    this.send(buildResponse(req, 200, 'OK', { toTag: randomToken(), headers: [['Contact', `${contact};expires=300`]] }));
  }

  private onInviteRequest(req: SipMessage): void {
    const callId = header(req, 'call-id');
    if (tagOf(header(req, 'to'))) {
      this.onReInvite(req, this);
      return;
    }
    this.dialogs.set(callId, {
      callId,
      localUri: uriOf(header(req, 'to')),
      localTag: randomToken(),
      remoteUri: uriOf(header(req, 'from')),
      remoteTag: tagOf(header(req, 'from')),
      remoteTarget: uriOf(header(req, 'contact')),
      cseq: 100,
      invite: req,
    });
    this.send(buildResponse(req, 100, 'Trying'));
    this.onInvite(req, this);
  }

  private onResponse(res: SipMessage): void {
    // The phone answered an INVITE we sent: ACK its 2xx.
    if (cseqMethod(res) === 'INVITE' && res.status !== null && res.status >= 200) {
      const dialog = this.dialogs.get(header(res, 'call-id'));
      if (!dialog) return;
      dialog.remoteTag = tagOf(header(res, 'to'));
      if (res.status < 300) dialog.remoteTarget = uriOf(header(res, 'contact'));
      const cseq = header(res, 'cseq').split(' ')[0];
      this.send(buildRequest('ACK', dialog.remoteTarget, [
        ['From', `<${dialog.localUri}>;tag=${dialog.localTag}`],
        ['To', `<${dialog.remoteUri}>;tag=${dialog.remoteTag}`],
        ['Call-ID', dialog.callId],
        ['CSeq', `${cseq} ACK`],
      ]));
    }
  }

  /** Rings the phone: an incoming INVITE from `from` (a number). Returns the Call-ID. */
  callPhone(user: string, from: string, displayName = ''): string {
    const callId = randomToken();
    const localUri = `sip:${from}@${this.domain}`;
    const localTag = randomToken();
    const target = this.registrations.get(`sip:${user}@${this.domain}`);
    if (!target) throw new Error(`${user} is not registered`);
    const remoteTarget = uriOf(target);
    const raw = buildRequest('INVITE', remoteTarget, [
      ['From', `${displayName ? `"${displayName}" ` : ''}<${localUri}>;tag=${localTag}`],
      ['To', `<sip:${user}@${this.domain}>`],
      ['Call-ID', callId],
      ['CSeq', '1 INVITE'],
      ['Contact', '<sip:far@fake-pbx.invalid;transport=ws>'],
      ['Content-Type', 'application/sdp'],
    ], FAKE_SDP);
    this.dialogs.set(callId, {
      callId, localUri, localTag, remoteUri: `sip:${user}@${this.domain}`, remoteTag: '', remoteTarget, cseq: 1,
      invite: parseSip(raw),
    });
    this.send(raw);
    return callId;
  }

  /** The caller gives up before an answer. */
  cancelCall(callId: string): void {
    const d = this.dialogs.get(callId);
    if (!d) throw new Error('unknown call');
    const via = header(d.invite, 'via');
    this.send(`CANCEL ${d.remoteTarget} SIP/2.0\r\nVia: ${via}\r\nMax-Forwards: 70\r\nFrom: ${header(d.invite, 'from')}\r\nTo: ${header(d.invite, 'to')}\r\nCall-ID: ${callId}\r\nCSeq: 1 CANCEL\r\nContent-Length: 0\r\n\r\n`);
  }

  /** An in-dialog request from the far end (BYE, NOTIFY…). */
  inDialog(callId: string, method: string, headers: [string, string][] = [], body = ''): void {
    const d = this.dialogs.get(callId);
    if (!d) throw new Error('unknown dialog');
    d.cseq += 1;
    this.send(buildRequest(method, d.remoteTarget, [
      ['From', `<${d.localUri}>;tag=${d.localTag}`],
      ['To', `<${d.remoteUri}>;tag=${d.remoteTag}`],
      ['Call-ID', callId],
      ['CSeq', `${d.cseq} ${method}`],
      ...headers,
    ], body));
  }

  /** NOTIFY carrying the transfer progress for a REFER from the phone. */
  notifyRefer(refer: SipMessage, sipfrag: string): void {
    this.inDialog(header(refer, 'call-id'), 'NOTIFY', [
      ['Event', 'refer'],
      ['Subscription-State', 'terminated;reason=noresource'],
      ['Contact', '<sip:far@fake-pbx.invalid;transport=ws>'],
      ['Content-Type', 'message/sipfrag;version=2.0'],
    ], sipfrag);
  }

  /** Answers a SUBSCRIBE as a presence server does: 200, then a NOTIFY (refreshes too; Expires 0 ends it). */
  acceptSubscribe(req: SipMessage): void {
    const callId = header(req, 'call-id');
    const asked = Number(header(req, 'expires') || '600');
    const expires = asked === 0 ? 0 : Math.min(asked, this.subscribeExpires ?? asked);
    let sub = this.subscriptions.get(callId);
    if (!sub) {
      const localTag = randomToken();
      sub = {
        callId, event: header(req, 'event').split(';')[0]!.trim(), user: /^sips?:([^@;]+)@/.exec(req.ruri ?? '')?.[1] ?? '',
        localTag, from: `${header(req, 'to')};tag=${localTag}`, to: header(req, 'from'),
        remoteTarget: uriOf(header(req, 'contact')), cseq: 0, ended: false,
      };
      this.subscriptions.set(callId, sub);
    }
    this.send(buildResponse(req, 200, 'OK', {
      toTag: sub.localTag,
      headers: [['Contact', '<sip:presence@fake-pbx.invalid;transport=ws>'], ['Expires', String(expires)]],
    }));
    if (expires === 0) {
      sub.ended = true;
      this.notify(callId, 'terminated;reason=timeout');
      return;
    }
    const now = this.current.get(`${sub.user} ${sub.event}`);
    this.notify(callId, `active;expires=${expires}`, now?.contentType, now?.body);
  }

  /** A NOTIFY on a subscription the phone opened. */
  notify(callId: string, state: string, contentType?: string, body = ''): void {
    const sub = this.subscriptions.get(callId);
    if (!sub) throw new Error('unknown subscription');
    sub.cseq += 1;
    this.send(buildRequest('NOTIFY', sub.remoteTarget, [
      ['From', sub.from],
      ['To', sub.to],
      ['Call-ID', callId],
      ['CSeq', `${sub.cseq} NOTIFY`],
      ['Event', sub.event],
      ['Subscription-State', state],
      ['Contact', '<sip:presence@fake-pbx.invalid;transport=ws>'],
      ...(contentType ? [['Content-Type', contentType] as [string, string]] : []),
    ], body));
  }

  /** Publishes `body` for `user`'s `event` to every live subscription, as a presence server would. */
  publish(user: string, event: string, contentType: string, body: string): void {
    this.current.set(`${user} ${event}`, { contentType, body });
    for (const sub of this.subscriptions.values()) {
      if (!sub.ended && sub.user === user && sub.event === event) this.notify(sub.callId, 'active;expires=600', contentType, body);
    }
  }

  /** Live subscriptions to `event` (for `user`, when given). */
  live(event: string, user?: string): FakeSubscription[] {
    return [...this.subscriptions.values()].filter((s) => !s.ended && s.event === event && (user === undefined || s.user === user));
  }
}
