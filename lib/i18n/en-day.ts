/** English strings of the widget's daily paths: who is on the line, search everywhere, undo, first run. */
export const enDay = {
  'line.activity': 'About: {0}',
  'search.results': 'Results',
  'search.empty': 'Nothing matches “{0}” in your contacts, recent calls or activities.',
  'search.enterCalls': 'Enter calls {0}',
  'search.kind.contact': 'Contact',
  'search.kind.recent': 'Recent call',
  'search.kind.activity': 'Activity',
} as const;
