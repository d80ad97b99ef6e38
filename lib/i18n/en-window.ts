/** English strings of the widget window's two panes and the widget's keyboard shortcuts. */
export const enWindow = {
  'split.placeholder': 'Pick a row in the list to see its details here.',
  'widget.tab.shortcut': 'Shortcut: {0}',
} as const;
