import { iso639 } from './iso639-table';

/** Lower-case, accents removed, spaces collapsed: how names and headers are compared. */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// Names people write that the iso-codes data spells differently.
const extraNames: Readonly<Record<string, string>> = {
  vlaams: 'nl',
  flamand: 'nl',
  belgisch: 'nl',
  castellano: 'es',
  espanol: 'es',
  greek: 'el',
  grec: 'el',
  grieks: 'el',
  griechisch: 'el',
  mandarin: 'zh',
  farsi: 'fa',
  'english (uk)': 'en',
  'english (us)': 'en',
};

let byName: Map<string, string> | undefined;
function nameIndex(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  for (const [code, [threes, names]] of Object.entries(iso639)) {
    for (const three of threes) byName.set(three, code);
    for (const name of names) {
      const folded = foldText(name);
      byName.set(folded, code);
      // "Greek, Modern (1453-)" is also "greek, modern" and "greek".
      const plain = folded.replace(/\s*\(.*\)\s*$/, '');
      if (!byName.has(plain)) byName.set(plain, code);
      const head = plain.split(',')[0]!.trim();
      if (!byName.has(head)) byName.set(head, code);
    }
  }
  for (const [name, code] of Object.entries(extraNames)) if (!byName.has(name)) byName.set(name, code);
  return byName;
}

/**
 * The ISO 639-1 code (two lower-case letters) a value stands for, or null.
 *
 * Accepts a code in any case (`EN`), a locale tag (`en-GB`, `nl_BE`, `zh-Hant-TW`), an ISO 639-2
 * code (`fra`, `dut`), or a language name in English, French, Dutch, German or the language itself
 * (`English`, `Français`, `Nederlands`, `Deutsch`).
 */
export function normaliseLanguage(value: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  if (v.length === 2) {
    const code = v.toLowerCase();
    return Object.prototype.hasOwnProperty.call(iso639, code) ? code : null;
  }
  const tag = /^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})+$/.exec(v);
  if (tag) return normaliseLanguage(tag[1]!);
  return nameIndex().get(foldText(v)) ?? null;
}

/** Whether a value is exactly an ISO 639-1 code (either case). */
export function isLanguageCode(value: string): boolean {
  return slotOf(value) >= 0;
}

// The same by letter pair, without hashing: slot (a-z)*26+(a-z) holds the code's index.
const codeList = Object.keys(iso639);
const upperList = codeList.map(c => c.toUpperCase());
const slots = new Int16Array(26 * 26).fill(-1);
codeList.forEach((code, i) => (slots[(code.charCodeAt(0) - 97) * 26 + (code.charCodeAt(1) - 97)] = i));
function slotOf(value: string): number {
  if (value.length !== 2) return -1;
  const a = value.charCodeAt(0) | 0x20;
  const b = value.charCodeAt(1) | 0x20;
  if (a < 97 || a > 122 || b < 97 || b > 122) return -1;
  return slots[(a - 97) * 26 + (b - 97)]!;
}

/** The lower-case code when the value is a code in any case (`EN` → `en`), else null. */
export const lowerCode = (value: string): string | null => {
  const i = slotOf(value);
  return i < 0 ? null : codeList[i]!;
};
/** The upper-case code when the value is a code in any case (`en` → `EN`), else null. */
export const upperCode = (value: string): string | null => {
  const i = slotOf(value);
  return i < 0 ? null : upperList[i]!;
};

/** The English name of an ISO 639-1 code, for messages ("fr" → "French"). */
export function languageName(code: string): string {
  const names = iso639[code.toLowerCase()]?.[1];
  return names?.[0]?.replace(/\s*\(.*\)$/, '').split(';')[0] ?? code;
}
