import type { TargetColumn } from '../destinations/destination';
import { isLanguageCode, lowerCode, normaliseLanguage, upperCode } from '../validation/language';
import { checkPhone } from '../validation/phone';
import { neutraliseFormula } from '../output/csv-line';

/** What the value-as-sent reading needs of a destination. */
export type SentValueRules = Readonly<{ phoneCountry: string; neutraliseFormulas: boolean }>;

/**
 * A value (after mapping and fixes) as the file will hold it: a language as its code in the
 * destination's letter case (`fr` → `FR`), a phone number in international form, an allowed
 * value in its listed spelling, spaces around codes dropped, a formula-like start neutralised.
 *
 * The same steps as the preparation (`prepare.ts`) takes for a valid value, so the review grid
 * shows what will be sent; a value the rule refuses is returned as it is (its problem is shown).
 */
export function valueAsSent(column: TargetColumn, value: string, rules: SentValueRules): string {
  let v = column.rule !== 'text' && column.rule !== 'reference' ? value.trim() : value;
  if (v.trim() === '') return v;
  if (column.rule === 'language') {
    const code =
      column.letterCase === 'upper'
        ? upperCode(v)
        : column.letterCase === 'lower'
          ? lowerCode(v)
          : isLanguageCode(v)
            ? v
            : null;
    if (code !== null) v = code;
    else {
      const normal = normaliseLanguage(v);
      if (normal === null) return value;
      v = column.letterCase === 'upper' ? normal.toUpperCase() : normal;
    }
  } else if (column.rule === 'phone') {
    const check = checkPhone(v, rules.phoneCountry);
    if (!check.valid) return value;
    v = check.international;
  }
  if (column.allowedValues) {
    const listed = column.allowedValues.find(a => a.toLowerCase() === v.toLowerCase());
    if (listed === undefined) return value;
    v = listed;
  }
  return rules.neutraliseFormulas ? neutraliseFormula(v) : v;
}
