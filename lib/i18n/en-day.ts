/** English strings of the widget's daily paths: who is on the line, search everywhere, undo, first run. */
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
} as const;
