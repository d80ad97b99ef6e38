/**
 * Just enough SIP text handling for the fake PBX used by unit tests: parse a message,
 * build a response to a request, build a request. Written for tests; the product uses SIP.js.
 */
export interface SipMessage {
  raw: string;
  method: string | null;
  ruri: string | null;
  status: number | null;
  reason: string;
  headers: [string, string][];
  body: string;
}

const COMPACT: Record<string, string> = { v: 'via', f: 'from', t: 'to', i: 'call-id', m: 'contact', l: 'content-length', c: 'content-type' };

export function parseSip(raw: string): SipMessage {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const [start = '', ...lines] = head.split('\r\n');
  const headers: [string, string][] = [];
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i < 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    headers.push([COMPACT[name] ?? name, line.slice(i + 1).trim()]);
  }
  const response = /^SIP\/2\.0 (\d{3}) ?(.*)$/.exec(start);
  const request = /^(\w+) (\S+) SIP\/2\.0$/.exec(start);
  return {
    raw,
    method: request?.[1] ?? null,
    ruri: request?.[2] ?? null,
    status: response ? Number(response[1]) : null,
    reason: response?.[2] ?? '',
    headers,
    body: rest.join('\r\n\r\n'),
  };
}

export function header(m: SipMessage, name: string): string {
  return m.headers.find(([n]) => n === name.toLowerCase())?.[1] ?? '';
}

export function headersOf(m: SipMessage, name: string): string[] {
  return m.headers.filter(([n]) => n === name.toLowerCase()).map(([, v]) => v);
}

export function cseqMethod(m: SipMessage): string {
  return header(m, 'cseq').split(/\s+/)[1] ?? '';
}

export function tagOf(value: string): string {
  return /;tag=([^;>\s]+)/.exec(value)?.[1] ?? '';
}

export function uriOf(value: string): string {
  return /<([^>]+)>/.exec(value)?.[1] ?? value.split(';')[0] ?? value;
}

export const randomToken = () => Math.random().toString(36).slice(2, 12);

function serialise(start: string, headers: [string, string][], body: string): string {
  const all = [...headers.filter(([n]) => n !== 'content-length'), ['Content-Length', String(new TextEncoder().encode(body).length)]];
  return `${start}\r\n${all.map(([n, v]) => `${n}: ${v}`).join('\r\n')}\r\n\r\n${body}`;
}

export function buildResponse(
  request: SipMessage,
  status: number,
  reason: string,
  opts: { toTag?: string; headers?: [string, string][]; body?: string } = {},
): string {
  const to = header(request, 'to');
  const headers: [string, string][] = [
    ...headersOf(request, 'via').map((v): [string, string] => ['Via', v]),
    ['From', header(request, 'from')],
    ['To', opts.toTag && !tagOf(to) ? `${to};tag=${opts.toTag}` : to],
    ['Call-ID', header(request, 'call-id')],
    ['CSeq', header(request, 'cseq')],
    ...(opts.headers ?? []),
  ];
  return serialise(`SIP/2.0 ${status} ${reason}`, headers, opts.body ?? '');
}

export function buildRequest(method: string, ruri: string, headers: [string, string][], body = ''): string {
  return serialise(`${method} ${ruri} SIP/2.0`, [
    ['Via', `SIP/2.0/WS fake-pbx.invalid;branch=z9hG4bK${randomToken()}`],
    ['Max-Forwards', '70'],
    ...headers,
  ], body);
}
