/** English strings of the confirmation window for a call a web page asked for. */
export const enConfirm = {
  'confirm.title': 'Call this number?',
  'confirm.askedBy': 'Asked by the page on {0}.',
  'confirm.askedByPage': 'Asked by a web page.',
  'confirm.trust': 'Always call without asking on {0}',
  'confirm.risk.premiumRate': 'This is a premium-rate number: calling it can cost much more than a normal call.',
  'confirm.risk.sharedCost': 'This is a shared-cost number: the call may be charged at a higher rate.',
  'confirm.risk.uan': 'This is a company-wide access number, which may be charged at a higher rate.',
  'confirm.risk.featureCode': 'This is a phone system code, not a number: it can change how your phone works (forward your calls, for example).',
  'confirm.unseen': 'What you clicked on the page could not be seen where you clicked (it was hidden, covered or out of place), so this call waits for your answer.',
  'confirm.expired': 'This call request has expired. Click the number on the page again.',
  'confirm.failed': 'The call could not be placed. Open the phone to see why.',
} as const;
