// The call benchmarks' shared bits: the first INVITE from `from` the WebSocket tap saw that is not
// in `known`, and the median and 90th percentile of a list of times.
export async function waitForInvite(tap, from, known) {
  for (let i = 0; i < 500; i++) {
    for (const [id, inv] of tap.invites) if (inv.from === from && !known.has(id)) return [id, inv];
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error(`no INVITE from ${from} on the wire`);
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];
