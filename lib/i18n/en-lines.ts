/** English strings for power calling (issue 20): transfer, lines, do not disturb, keyboard commands. */
export const enLines = {
  'call.transfer.notAnswered': 'the call is not answered',
  'call.transfer.consult': 'Talk to them first',
  'recent.outcome.transferredTo': 'Transferred to {0}',
  'lines.transfer.label': 'Transfer between your calls',
  'lines.consulting': 'Talking to {0}; {1} is on hold.',
  'lines.connectHint': 'You can connect {0} and {1} and leave the call.',
  'lines.completeTransfer': 'Complete transfer',
  'lines.connect': 'Connect the two calls',
  'lines.cancelConsult': 'Cancel, back to {0}',
  'lines.label': 'Your calls',
  'lines.line': 'Line {0}: {1}',
  'lines.talking': 'On a call · {0}',
  'lines.swap': 'Switch to {0}',
  'lines.hangUp': 'Hang up {0}',
  'lines.waiting.hint': 'Answer puts {0} on hold.',
  'lines.waiting.answerEnd': 'Answer and end the current call',
} as const;
