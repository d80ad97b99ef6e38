/** vCard 2.1, 3.0 and 4.0 import (.vcf files from Apple, Google, Android, Outlook). */
import { createReportBuilder } from './builder';
import { fatalReport, type ImportReport } from './report';
import { binaryProblem, stripBom } from './text';
import { createCard, type CardCollector } from './vcard-card';
import { parseProperty, type VProperty } from './vcard-property';
import { unfold } from './vcard-unfold';
import { t } from '../../i18n';

function isMarker(property: VProperty | null, name: 'BEGIN' | 'END'): boolean {
  return property?.name === name && property.value.trim().toUpperCase() === 'VCARD';
}

/**
 * Reads every card in `text`. A card missing its END:VCARD is still imported (its data is all
 * there; exports cut short lose only the tail), with a warning; text between cards is ignored
 * with one warning per stretch, so a stray paragraph does not produce a warning per line.
 */
export function parseVCards(text: string, defaultCountry: string): ImportReport {
  const source = stripBom(text);
  const binary = binaryProblem(source);
  if (binary) return fatalReport(binary);
  if (source.trim() === '') return fatalReport(t('import.empty'));

  const builder = createReportBuilder(defaultCountry);
  let card: CardCollector | null = null;
  let sawCard = false;
  let strayReported = false;

  const close = (open: CardCollector, complete: boolean) => {
    if (!complete) builder.warn(open.line, t('import.vcard.noEnd'));
    builder.add(open.finish());
  };

  for (const content of unfold(source)) {
    if (content.text.trim() === '') continue;
    const property = parseProperty(content);
    if (isMarker(property, 'BEGIN')) {
      if (card) close(card, false);
      card = createCard(content.line);
      sawCard = true;
      strayReported = false;
    } else if (!card) {
      if (!strayReported) builder.warn(content.line, t('import.vcard.outside'));
      strayReported = true;
    } else if (isMarker(property, 'END')) {
      close(card, true);
      card = null;
    } else if (property) {
      card.add(property);
    } else {
      builder.warn(content.line, t('import.vcard.notProperty'));
    }
  }
  if (card) close(card, false);
  if (!sawCard) return fatalReport(t('import.vcard.none'));
  return builder.finish();
}
