/** English strings of the widget's daily paths: who is on the line, search everywhere, undo, missed calls, first run. */
export const enDay = {
  'line.activity': 'About: {0}',
  'call.hangUp.key': 'Hang up (End key)',
  'widget.search.placeholder': 'Search contacts, calls, activities',
  'search.elsewhere': 'Also found',
  'search.empty': 'Nothing matches “{0}” in your contacts, recent calls or activities.',
  'search.emptyHere': 'Nothing in {0} matches “{1}”. See below.',
  'search.enterCalls': 'Press Enter to call {0}',
  'undo.action': 'Undo',
  'undo.actionFor': 'Undo: {0}',
  'undo.failed': 'Not saved: {0} The activity is back on the list.',
  'missed.banner': 'Missed call from {0}',
  'missed.whileOnCall': 'Missed while on a call: {0}',
  'missed.callBack': 'Call back',
  'missed.callBackTarget': 'Call back {0}',
  'missed.dismiss': 'Close the missed call notice',
  'recent.whileOnCall': 'Missed while on a call',
} as const;
