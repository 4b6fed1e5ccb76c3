import type { DetectedFormat } from '../reading/source-table';
import type { I18n } from './i18n';
import type { MessageKey } from './en';

const delimiterKeys: Readonly<Record<string, MessageKey>> = {
  ',': 'format.csv.,',
  ';': 'format.csv.;',
  '\t': 'format.csv.tab',
  '|': 'format.csv.|',
};

function encodingWords(encoding: string, t: I18n['t']): string {
  const e = encoding.toLowerCase();
  if (e === 'utf-8') return t('format.enc.utf-8');
  if (e === 'utf-8-bom') return t('format.enc.utf-8-bom');
  if (e.startsWith('utf-16')) return t('format.enc.utf-16');
  if (e === 'windows-1252' || e === 'iso-8859-1' || e === 'latin1' || e === 'cp1252') {
    return t('format.enc.western', {
      encoding: e === 'windows-1252' ? 'Windows-1252' : 'ISO 8859-1',
    });
  }
  return t('format.enc.other', { encoding });
}

/** The detected format in words: "Semicolon-separated, Western European encoding, header on line 3". */
export function formatInWords(format: DetectedFormat, t: I18n['t']): string {
  const parts: string[] = [];
  if (format.format === 'xlsx' || format.format === 'xls') {
    parts.push(t('format.workbook', { sheet: format.sheet ?? '' }));
    parts.push(t('format.headerRow', { line: format.headerRow }));
    for (const note of format.notes ?? []) parts.push(t(`format.note.${note}`));
  } else {
    const d = format.delimiter ?? ',';
    const key = delimiterKeys[d];
    parts.push(key ? t(key) : t('format.csv.other', { delimiter: d }));
    if (format.encoding) parts.push(encodingWords(format.encoding, t));
    parts.push(t('format.headerLine', { line: format.headerRow }));
  }
  return parts.join(', ');
}

/**
 * A date format such as `DD/MM/YYYY` with the letters people use in the interface language:
 * `JJ/MM/AAAA` in French, `DD/MM/JJJJ` in Dutch (settings and files keep the English letters).
 */
export function dateFormatWords(format: string, language: I18n['language']): string {
  if (language === 'fr') return format.replace(/Y/g, 'A').replace(/D/g, 'J');
  if (language === 'nl') return format.replace(/Y/g, 'J');
  return format;
}
