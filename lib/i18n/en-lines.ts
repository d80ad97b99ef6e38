/** English strings for power calling (issue 20): transfer, lines, do not disturb, keyboard commands. */
export const enLines = {
  'call.transfer.notAnswered': 'the call is not answered',
  'recent.outcome.transferredTo': 'Transferred to {0}',
} as const;
