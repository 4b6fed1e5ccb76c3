import { dateToIso, formatNumber, isDateFormat } from '../../src-core/reading/cell-text';

/** A cell as exceljs's streaming reader leaves it: its value and its number format. */
export type ExcelCell = { value: unknown; numFmt?: string };

/**
 * An exceljs cell value as the text the sheet shows. The full read (exceljs) and the fast XLSX
 * preview both go through this, so they agree on every cell.
 */
export function excelCellText(cell: ExcelCell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, cell.numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const fmt = cell.numFmt ?? '';
    const timeOnly =
      isDateFormat(fmt) && !/[yd]/i.test(fmt.replace(/"[^"]*"|\[[^\]]*\]/g, '')) && /h/i.test(fmt);
    const iso = dateToIso(value);
    if (timeOnly) return iso.includes('T') ? iso.slice(11) : '00:00:00';
    return iso;
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return (v.richText as { text?: string }[]).map(r => r.text ?? '').join('');
    if ('result' in v) return excelCellText({ value: v.result, numFmt: cell.numFmt });
    if ('formula' in v || 'sharedFormula' in v) return '';
    if (typeof v.text === 'string') return v.text;
    if (v.text && typeof v.text === 'object') return excelCellText({ value: v.text });
    if (typeof v.error === 'string') return v.error;
  }
  return String(value);
}
