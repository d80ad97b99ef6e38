/**
 * Phone numbers in the popup as a person reads them (lib/phone-display.ts). libphonenumber and
 * the default country load after the first paint, as the local provider's writes do; until then
 * (or if the settings cannot be read) a number shows as stored, never blank.
 */
import { request } from '../../../lib/messaging/client';

let reader = $state<((number: string) => string) | null>(null);
let started = false;

export function startNumberReader(): void {
  if (started) return;
  started = true;
  void Promise.all([import('../../../lib/phone-display'), request({ type: 'bg:getSettings' })])
    .then(([display, settings]) => {
      if (settings.ok) reader = display.phoneReader(settings.value.account.defaultCountry);
    })
    .catch(() => undefined);
}

export function readNumber(number: string): string {
  return reader ? reader(number) : number;
}

/** For a number inside a sentence or a joined line: kept left to right in a right-to-left text. */
export function isolatedNumber(number: string): string {
  return `\u2066${readNumber(number)}\u2069`;
}
