/**
 * Turns raw cards or rows into drafts and a report. Both parsers feed it, so skip reasons,
 * warnings and duplicate detection read the same whichever format the file was.
 */
import type { ContactDraft, ContactPhone } from '../types';
import { cleanEmail, cleanUrl, MAX_NAME, MAX_PHONES } from './fields';
import { checkPhones, quoteList } from './phones';
import type { RawContact } from './raw-contact';
import type { ImportReport, ImportWarning } from './report';
import { plural, t } from '../../i18n';

export interface ReportBuilder {
  add(raw: RawContact): void;
  skip(line: number, reason: string): void;
  warn(line: number, message: string): void;
  finish(): ImportReport;
}

type Outcome = { kind: 'keep'; draft: ContactDraft; warnings: ImportWarning[] } | { kind: 'skip'; reason: string };

/** Case, accents' composition and spacing do not make two names different. */
function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
}

function tooMany(phones: ContactPhone[], line: number, warnings: ImportWarning[]): ContactPhone[] {
  if (phones.length <= MAX_PHONES) return phones;
  const extra = phones.slice(MAX_PHONES).map((p) => p.number);
  warnings.push({ line, message: plural('import.tooManyPhones', MAX_PHONES, quoteList(extra)) });
  return phones.slice(0, MAX_PHONES);
}

function judge(raw: RawContact, defaultCountry: string): Outcome {
  const { phones, invalid, warnings: phoneWarnings } = checkPhones(raw.phones, defaultCountry);
  const name = raw.name.trim();
  const company = raw.company.trim();
  if (name === '' && company === '' && phones.length === 0) {
    const reason = invalid.length > 0 ? t('import.noValidPhone', quoteList(invalid.map((p) => p.value))) : t('import.noNameNoPhone');
    return { kind: 'skip', reason };
  }
  const warnings: ImportWarning[] = [
    ...phoneWarnings,
    ...invalid.map((p) => ({ line: p.line, message: t('import.badPhone', p.value) })),
  ];
  const email = cleanEmail(raw.email);
  const url = cleanUrl(raw.recordUrl);
  // A card with only a company is a company's card; one with only a number or an address
  // still gets a name, because a contact without one cannot be saved or listed.
  let shownName = name || company;
  if (shownName === '') {
    const first = phones[0]?.number ?? '';
    shownName = email.value || first;
    const message = email.value ? t('import.namedAfterEmail', shownName) : t('import.namedAfterNumber', shownName);
    warnings.push({ line: raw.line, message });
  }
  if (shownName.length > MAX_NAME) return { kind: 'skip', reason: plural('import.tooLong', MAX_NAME, t('data.field.name')) };
  if (company.length > MAX_NAME) return { kind: 'skip', reason: plural('import.tooLong', MAX_NAME, t('data.field.company')) };
  if (email.problem) warnings.push({ line: raw.line, message: email.problem });
  if (url.problem) warnings.push({ line: raw.line, message: url.problem });
  if (phones.length === 0 && invalid.length === 0) warnings.push({ line: raw.line, message: t('import.noPhone') });
  const draft: ContactDraft = {
    name: shownName,
    company,
    email: email.value,
    phones: tooMany(phones, raw.line, warnings),
    recordUrl: url.value,
    recordName: raw.recordName.trim(),
  };
  return { kind: 'keep', draft, warnings };
}

export function createReportBuilder(defaultCountry: string): ReportBuilder {
  const report: ImportReport = { contacts: [], skipped: [], warnings: [] };
  /** name + first number → the line of the first card or row that had them. */
  const firstSeen = new Map<string, number>();
  return {
    add(raw) {
      const outcome = judge(raw, defaultCountry);
      if (outcome.kind === 'skip') {
        report.skipped.push({ line: raw.line, reason: outcome.reason });
        return;
      }
      const first = outcome.draft.phones[0];
      // Only contacts with a number are compared: two "Sam"s known only by different emails
      // may well be different people, and nothing should be lost on a guess.
      if (first) {
        const key = `${nameKey(outcome.draft.name)}\u0000${first.number}`;
        const earlier = firstSeen.get(key);
        if (earlier !== undefined) {
          report.skipped.push({ line: raw.line, reason: t('import.duplicate', earlier) });
          return;
        }
        firstSeen.set(key, raw.line);
      }
      report.warnings.push(...outcome.warnings);
      report.contacts.push(outcome.draft);
    },
    skip(line, reason) {
      report.skipped.push({ line, reason });
    },
    warn(line, message) {
      report.warnings.push({ line, message });
    },
    finish() {
      return report;
    },
  };
}
