/** English strings for a phone that cannot receive calls: the popup, the toolbar icon, the notification. */
export const enReachability = {
  'status.unreachable': 'Calls cannot reach you',
  'error.registrationRetry.title': 'Not registered',
  'error.registrationRetry.message': 'The phone server did not take the sign-in just now; it may be busy or down.',
  'error.registrationRetry.hint': 'Calls cannot reach you for now. Trying again by itself; no need to refresh.',
  'error.action.retryNow': 'Try again now',
  'badge.ready': 'Softphone — ready',
  'badge.incoming': 'Softphone — incoming call',
  'badge.inCall': 'Softphone — in a call',
  'badge.missed.one': 'Softphone — {0} missed call',
  'badge.missed.other': 'Softphone — {0} missed calls',
  'badge.notRegistered': 'Softphone — not registered: calls cannot reach you',
  'notice.unreachable.title': 'The phone cannot receive calls',
  'notice.unreachable.message': 'It is not registered with the server ({0}). It keeps trying by itself; this notice goes away when it is back.',
  'notice.unreachable.refused': 'The server refused the account ({0}). Check the settings, then save them or press Try again.',
} as const;
