import type { CallOutcome } from '../sip/states';
import type { MessageKey } from './en';
import type { Translator } from './translator';

/** The word for how a call ended, shown in Recent and written in Odoo's chatter ('' for answered). */
const OUTCOME: Record<CallOutcome, MessageKey | ''> = {
  answered: '', missed: 'recent.outcome.missed', declined: 'recent.outcome.declined', busy: 'recent.outcome.busy',
  rejected: 'recent.outcome.rejected', cancelled: 'recent.outcome.cancelled', transferred: 'recent.outcome.transferred',
  dropped: 'recent.outcome.dropped', failed: 'recent.outcome.failed',
};

/** "Missed" in `translator`'s language; an outcome this version does not know (stored by a newer one) as it is. */
export function outcomeLabel(outcome: string, translator: Pick<Translator, 't'>): string {
  const key = (OUTCOME as Record<string, MessageKey | '' | undefined>)[outcome];
  return key === undefined ? outcome : key && translator.t(key);
}
