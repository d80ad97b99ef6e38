/** What a parser read from one card or row, before numbers are checked and fields cleaned. */
import type { PhoneLabel } from './labels';

export interface RawPhone {
  label: PhoneLabel;
  /** As found in the file, decoded and unescaped. */
  value: string;
  /** Where the number is, so a warning about it points at the right line. */
  line: number;
}

export interface RawContact {
  /** Where the card or row starts. */
  line: number;
  name: string;
  company: string;
  email: string;
  recordUrl: string;
  recordName: string;
  phones: RawPhone[];
}
