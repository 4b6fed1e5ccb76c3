import type { Fix, ColumnFix } from './fix-schema';
import { normaliseLanguage } from '../validation/language';
import { checkPhone, lostLeadingZero } from '../validation/phone';
import { formatDate, parseDate } from '../validation/date';
import { readInvalidBytesAs1252, withoutControlCharacters } from '../reading/odd-characters';

export type { ColumnFix, Fix, FixInput } from './fix-schema';

/** Whether a fix rewrites a whole column. */
export const isColumnFix = (fix: Fix): fix is ColumnFix =>
  fix.kind !== 'edit-cell' && fix.kind !== 'exclude-row' && fix.kind !== 'exclude-invalid' && fix.kind !== 'keep-duplicates';

/**
 * Applies one column fix to one value. A value the fix cannot improve (an unknown language, an
 * invalid phone number, a date not in `from`) is returned unchanged so validation still reports it.
 */
export function applyColumnFix(fix: ColumnFix, value: string, phoneCountry: string): string {
  switch (fix.kind) {
    case 'trim':
      return value.replace(/\s+/g, ' ').trim();
    case 'lower-case':
      return value.toLowerCase();
    case 'normalise-language': {
      const code = normaliseLanguage(value);
      if (code === null) return value;
      return fix.letterCase === 'upper' ? code.toUpperCase() : code;
    }
    case 'phone-international': {
      if (value.trim() === '') return value;
      const check = checkPhone(value, fix.country ?? phoneCountry);
      return check.valid ? check.international : value;
    }
    case 'restore-leading-zero':
      return lostLeadingZero(value, phoneCountry) ?? value;
    case 'reformat-date': {
      const parts = parseDate(value, fix.from);
      return parts ? formatDate(parts, fix.to) : value;
    }
    case 'remove-control-characters':
      return withoutControlCharacters(value);
    case 'read-as-windows-1252':
      return readInvalidBytesAs1252(value);
    case 'replace':
      if (fix.wholeValue) return value === fix.find ? fix.replace : value;
      return value.split(fix.find).join(fix.replace);
  }
}

/** A few words describing a fix, for lists and history ("Trim spaces in Email"). */
export function describeFix(fix: Fix): string {
  switch (fix.kind) {
    case 'edit-cell':
      return `Change ${fix.column} in row ${fix.row + 1} to “${fix.value}”`;
    case 'trim':
      return `Trim spaces in ${fix.column}`;
    case 'lower-case':
      return `Lower-case ${fix.column}`;
    case 'normalise-language':
      return `Turn ${fix.column} into two-letter language codes`;
    case 'phone-international':
      return `Write ${fix.column} in international form`;
    case 'restore-leading-zero':
      return `Put back the leading 0 of the phone numbers in ${fix.column}`;
    case 'reformat-date':
      return `Rewrite dates in ${fix.column} from ${fix.from} to ${fix.to}`;
    case 'replace':
      return `Replace “${fix.find}” with “${fix.replace}” in ${fix.column}`;
    case 'remove-control-characters':
      return `Remove control characters from ${fix.column}`;
    case 'read-as-windows-1252':
      return `Read the characters that were not valid UTF-8 in ${fix.column} as Windows-1252`;
    case 'exclude-row':
      return `Leave out row ${fix.row + 1}`;
    case 'exclude-invalid':
      return 'Leave out every row with a problem';
    case 'keep-duplicates':
      return 'Send duplicate rows too';
  }
}
