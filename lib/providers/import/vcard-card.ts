/** Collects the properties of one BEGIN:VCARD … END:VCARD block into a raw contact. */
import { labelFromText, labelFromWords, type PhoneLabel } from './labels';
import type { RawContact } from './raw-contact';
import type { VProperty } from './vcard-property';
import { components, decodedValue, unescapeText } from './vcard-value';

interface PendingPhone {
  types: string[];
  group: string;
  value: string;
  line: number;
}

export interface CardCollector {
  readonly line: number;
  add(property: VProperty): void;
  finish(): RawContact;
}

/** Apple wraps its built-in labels as "_$!<Mobile>!$_"; custom ones are plain text. */
const APPLE_BUILT_IN = /^_\$!<(.*)>!\$_$/;

/**
 * A 4.0 tel: URI → the number, keeping only the ext= parameter (phone-context and the like say
 * nothing the importer uses): "tel:+1-212-555-0100;ext=7" → "+1-212-555-0100;ext=7".
 */
function telValue(text: string): string {
  const trimmed = text.trim();
  if (!/^tel:/i.test(trimmed)) return trimmed;
  const [number = '', ...parameters] = trimmed.slice(4).split(';');
  const ext = parameters.find((p) => /^ext=/i.test(p));
  return ext ? `${number};${ext}` : number;
}

export function createCard(line: number): CardCollector {
  let fn = '';
  let structured: string[] | null = null;
  let company = '';
  let email = '';
  let url = '';
  let urlGroup = '';
  const phones: PendingPhone[] = [];
  /** Apple's per-group labels (item1.X-ABLabel), which may come after the TEL they name. */
  const groupLabels = new Map<string, string>();

  function nameFromN(): string {
    if (!structured) return '';
    const [family = '', given = '', middle = ''] = structured.map((part) => part.trim());
    return [given, middle, family].filter((part) => part !== '').join(' ');
  }

  function labelOf(phone: PendingPhone): PhoneLabel | null {
    const fromTypes = labelFromWords(phone.types);
    const groupText = groupLabels.get(phone.group);
    if (fromTypes !== 'other' || groupText === undefined) return fromTypes;
    return labelFromText(groupText);
  }

  return {
    line,
    add(property) {
      const value = decodedValue(property);
      switch (property.name) {
        case 'FN':
          if (fn === '') fn = unescapeText(value).trim();
          break;
        case 'N':
          structured ??= components(value);
          break;
        case 'ORG':
          if (company === '') company = (components(value)[0] ?? '').trim();
          break;
        case 'EMAIL':
          if (email === '') email = unescapeText(value).trim();
          break;
        case 'TEL':
          phones.push({ types: property.types, group: property.group, value: telValue(unescapeText(value)), line: property.line });
          break;
        case 'URL':
          if (url === '') {
            url = unescapeText(value).trim();
            urlGroup = property.group;
          }
          break;
        case 'X-ABLABEL':
          if (property.group !== '') groupLabels.set(property.group, unescapeText(value).trim());
          break;
        default:
          // PHOTO, ADR, NOTE, BDAY … are not part of a softphone contact.
          break;
      }
    },
    finish() {
      const urlLabel = urlGroup === '' ? '' : (groupLabels.get(urlGroup) ?? '');
      return {
        line,
        name: fn || nameFromN(),
        company,
        email,
        recordUrl: url,
        // Apple's own link labels ("HomePage") say nothing about a record; custom ones do.
        recordName: APPLE_BUILT_IN.test(urlLabel) ? '' : urlLabel,
        phones: phones.flatMap((p) => {
          const label = labelOf(p);
          return label === null ? [] : [{ label, value: p.value, line: p.line }];
        }),
      };
    },
  };
}
