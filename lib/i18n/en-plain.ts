/** English for failures in plain words: what happened and what to do; codes go in a details line. */
export const enPlain = {
  'error.details': 'Details: {0}',
  'sip.reason.notFound': 'That number could not be reached: it may be wrong or not in service. Check it and call again.',
  'sip.reason.busy': 'The line is busy. Try again in a few minutes.',
  'sip.reason.noAnswer': 'Nobody answered. Try again later.',
  'sip.reason.declined': 'The call was declined.',
  'sip.reason.forbidden': 'Your phone account may not call this number. Ask whoever runs your phone system.',
  'sip.reason.media': 'The other phone could not agree on the audio. Try again, or call from another phone.',
  'sip.reason.serverDown': 'The phone server could not place the call right now. Try again in a minute.',
  'sip.reason.other': 'The call did not go through. Try again.',
  'status.onCall': 'On a call',
  'header.me': '{0} · ext. {1}',
  'header.ext': 'Ext. {0}',
  'odoo.error.noAnswer': 'no answer from the server',
} as const;
