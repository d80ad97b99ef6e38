/** English strings of the widget window's two panes, the widget's keyboard shortcuts, and why a details tile is greyed. */
export const enWindow = {
  'split.placeholder': 'Pick a row in the list to see its details here.',
  'widget.tab.shortcut': 'Shortcut: {0}',
  'details.notAContact': 'Not in your contacts: save this number as a contact to email it, open its card or schedule a call.',
  'details.noRecord': 'No record linked: a contact’s record link is set with the contact, in the settings.',
} as const;
