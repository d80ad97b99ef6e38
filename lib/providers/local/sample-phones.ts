/**
 * Fake but valid E.164 numbers for several countries: a real area or mobile prefix followed by
 * random digits (the unit test checks libphonenumber accepts them), so normalisation, caller-ID
 * matching and national-format search all behave as with real data.
 */
import type { Random } from './random';

interface NumberPlan {
  /** E.164 prefix: country code and a valid area or mobile range. */
  prefixes: readonly string[];
  /** Random digits after the prefix. */
  rest: number;
}

const PLANS: Record<string, { work: NumberPlan; mobile: NumberPlan }> = {
  US: { work: { prefixes: ['+1212', '+1415', '+1650', '+1617', '+1312', '+1206'], rest: 7 }, mobile: { prefixes: ['+1646', '+1510', '+1773'], rest: 7 } },
  GB: { work: { prefixes: ['+44207', '+44208', '+44161'], rest: 7 }, mobile: { prefixes: ['+4474', '+4478'], rest: 8 } },
  DE: { work: { prefixes: ['+4930', '+4989', '+4940'], rest: 8 }, mobile: { prefixes: ['+49151', '+49160', '+49176'], rest: 8 } },
  FR: { work: { prefixes: ['+331', '+334', '+335'], rest: 8 }, mobile: { prefixes: ['+3361', '+3367'], rest: 7 } },
  BE: { work: { prefixes: ['+322', '+323'], rest: 7 }, mobile: { prefixes: ['+32475', '+32486'], rest: 6 } },
  ES: { work: { prefixes: ['+3491', '+3493'], rest: 7 }, mobile: { prefixes: ['+346'], rest: 8 } },
  IT: { work: { prefixes: ['+3902', '+3906'], rest: 8 }, mobile: { prefixes: ['+39347', '+39333'], rest: 7 } },
  NL: { work: { prefixes: ['+3120', '+3110'], rest: 7 }, mobile: { prefixes: ['+3161', '+3165'], rest: 7 } },
};

export const SAMPLE_COUNTRIES = Object.keys(PLANS);

export function sampleNumber(random: Random, country: string, kind: 'work' | 'mobile'): string {
  const plan = PLANS[country]?.[kind];
  if (!plan) throw new Error(`no sample numbering plan for ${country}`);
  return random.pick(plan.prefixes) + random.digits(plan.rest);
}
