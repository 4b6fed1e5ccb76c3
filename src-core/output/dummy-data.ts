import { getExampleNumber, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import type { Destination, TargetColumn } from '../destinations/destination';
import { checkPhone } from '../validation/phone';
import { formatDate } from '../validation/date';
import { prepareRows, type PreparationResult } from '../preparation/prepare';

/**
 * Dummy data for a first test upload: plausible but invented people, written in the
 * destination's exact format, so a vendor can check the file before any real contact is sent.
 *
 * Nothing here comes from real data: names are common given names and family names, e-mail
 * addresses are at the reserved `example.com` / `example.org` domains (RFC 2606), phone numbers
 * are the numbering plan's own example numbers with their last digits varied, and every value
 * satisfies its column's rule and allowed values. The same seed always gives the same rows.
 */

/** A table of dummy rows: one column per destination column, in its order. */
export type DummyTable = Readonly<{
  columns: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
}>;

const FIRST_NAMES = [
  'Emma',
  'Lucas',
  'Louise',
  'Noah',
  'Marie',
  'Arthur',
  'Julie',
  'Thomas',
  'Sarah',
  'Hugo',
  'Anna',
  'Victor',
  'Laura',
  'Adam',
  'Nina',
  'Louis',
];
const LAST_NAMES = [
  'Peeters',
  'Janssens',
  'Martin',
  'Dubois',
  'Maes',
  'Jacobs',
  'Bernard',
  'Mertens',
  'Petit',
  'Willems',
  'Claes',
  'Leroy',
  'Wouters',
  'Moreau',
  'Smit',
  'Laurent',
];
const STREETS = [
  'Rue de la Gare',
  'Stationsstraat',
  'Avenue des Tilleuls',
  'Kerkstraat',
  'Rue du Moulin',
  'Dorpsstraat',
  'Place du Marché',
  'Molenweg',
];
const CITIES: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  BE: [
    ['1000', 'Bruxelles'],
    ['9000', 'Gent'],
    ['4000', 'Liège'],
    ['2000', 'Antwerpen'],
    ['5000', 'Namur'],
  ],
  FR: [
    ['75011', 'Paris'],
    ['35000', 'Rennes'],
    ['69003', 'Lyon'],
    ['33000', 'Bordeaux'],
    ['59000', 'Lille'],
  ],
  NL: [
    ['1012 AB', 'Amsterdam'],
    ['3011 AA', 'Rotterdam'],
    ['3511 AB', 'Utrecht'],
    ['9711 AA', 'Groningen'],
  ],
  DE: [
    ['10115', 'Berlin'],
    ['50667', 'Köln'],
    ['80331', 'München'],
    ['20095', 'Hamburg'],
  ],
};
const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  BE: 'Belgique',
  FR: 'France',
  NL: 'Nederland',
  DE: 'Deutschland',
  LU: 'Luxembourg',
  GB: 'United Kingdom',
  US: 'United States',
};
const COMPANIES = ['Exemple SA', 'Voorbeeld BV', 'Sample Trading', 'Demo & Co', 'Atelier Fictif'];
const LANGUAGES = ['fr', 'nl', 'en', 'de'];
// The domains RFC 2606 reserves for examples: mail to them never reaches anyone.
const DOMAINS = ['com', 'org'].map(tld => `example.${tld}`);

/** A small deterministic generator (mulberry32): the same seed, the same rows. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** ASCII letters only, for the local part of an e-mail address. */
const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

/** Distinct valid phone numbers of `country`: its example number with the last digits varied. */
function phoneNumbers(country: string): (index: number) => string {
  let base: string | null = null;
  try {
    base = getExampleNumber(country as CountryCode, examples)?.number ?? null;
  } catch {
    base = null;
  }
  // A country without an example (or not a country at all) still gets valid numbers: Belgian ones.
  if (base === null || !checkPhone(base, country).valid) base = '+32470123456';
  const stem = base.slice(0, -4);
  const found = new Map<number, string>();
  return index => {
    const hit = found.get(index);
    if (hit) return hit;
    for (let step = 0; step < 10_000; step++) {
      const candidate = stem + String((index * 7 + step) % 10_000).padStart(4, '0');
      if (checkPhone(candidate, country).valid) {
        found.set(index, candidate);
        return candidate;
      }
    }
    return base!;
  };
}

/** What kind of text a column holds, guessed from its name (several languages). */
function textKind(name: string): string {
  const n = name.toLowerCase();
  if (/civilit|salutation|aanspreek|anrede|^title$|^titre$/.test(n)) return 'civility';
  if (/first|pr[ée]nom|voornaam|vorname|given/.test(n)) return 'first';
  if (/last|surname|family|achternaam|nachname|^nom$|^name$/.test(n)) return 'last';
  if (/soci[ée]t[ée]|company|bedrijf|firma|organi/.test(n)) return 'company';
  if (/adres|address|street|straat|rue|stra(ss|ß)e/.test(n))
    return n.includes('2') ? 'address2' : 'address';
  if (/post|zip|code postal/.test(n)) return 'postcode';
  if (/city|ville|stad|gemeente|\bort\b|town/.test(n)) return 'city';
  if (/pays|country|land/.test(n)) return 'country';
  if (/direction/.test(n)) return 'direction';
  if (/etat|state|province/.test(n)) return 'state';
  return 'text';
}

/**
 * Dummy rows for a destination: one value per column that its rule, letter case, date format and
 * allowed values accept; keys (e-mail, phone, reference) distinct from row to row.
 */
export function dummyTable(d: Destination, count: number, seed = 1): DummyTable {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const phone = phoneNumbers(d.phoneCountry);
  const cities = CITIES[d.phoneCountry] ?? CITIES.BE!;
  const rows: string[][] = [];
  for (let i = 0; i < count; i++) {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const [postcode, city] = pick(cities);
    const year = 1950 + Math.floor(next() * 55);
    const date = {
      year,
      month: 1 + Math.floor(next() * 12),
      day: 1 + Math.floor(next() * 28),
      hour: 9 + Math.floor(next() * 8),
      minute: Math.floor(next() * 60),
      second: Math.floor(next() * 60),
    };
    const valueOf = (c: TargetColumn): string => {
      if (c.fixedValue !== undefined && c.fixedValue !== '') return c.fixedValue;
      if (c.allowedValues && c.allowedValues.length > 0)
        return c.allowedValues[i % c.allowedValues.length]!;
      switch (c.rule) {
        case 'email':
          return `${ascii(first)}.${ascii(last)}.${i + 1}@${DOMAINS[i % DOMAINS.length]}`;
        case 'phone':
          return phone(i);
        case 'language': {
          const code = LANGUAGES[i % LANGUAGES.length]!;
          return c.letterCase === 'upper' ? code.toUpperCase() : code;
        }
        case 'date':
          return formatDate(date, c.dateFormat ?? 'YYYY-MM-DD');
        case 'number':
          return String(30 + Math.floor(next() * 900));
        case 'reference':
          return `DUMMY-${String(seed).padStart(3, '0')}-${String(i + 1).padStart(5, '0')}`;
        default:
          break;
      }
      switch (textKind(c.name)) {
        case 'civility':
          return i % 2 === 0 ? 'M.' : 'Mme';
        case 'first':
          return first;
        case 'last':
          return last;
        case 'company':
          return pick(COMPANIES);
        case 'address':
          return `${pick(STREETS)} ${1 + Math.floor(next() * 120)}`;
        case 'address2':
          return '';
        case 'postcode':
          return postcode;
        case 'city':
          return city;
        case 'country':
          return COUNTRY_NAMES[d.phoneCountry] ?? d.phoneCountry;
        case 'direction':
          return i % 2 === 0 ? 'inbound' : 'outbound';
        case 'state':
          return '';
        default:
          return `Dummy ${c.name} ${i + 1}`;
      }
    };
    // A required column is never left empty, whatever its kind.
    rows.push(d.columns.map(c => valueOf(c) || (c.required ? `Dummy ${c.name} ${i + 1}` : '')));
  }
  return { columns: d.columns.map(c => c.name), rows };
}

/**
 * The dummy-data file(s) exactly as a real send would write them for this destination: the same
 * preparation (rules, formula guard, encoding, quoting, limits, zip, file name), fed dummy rows.
 */
export function prepareDummyData(
  d: Destination,
  count: number,
  options: Readonly<{ seed?: number; now: Date }>
): PreparationResult {
  const table = dummyTable(d, count, options.seed ?? 1);
  // Each column is fed by its own dummy column; a fixed value is written as it is.
  const mapping = Object.fromEntries(d.columns.map(c => [c.name, c.fixedValue ? null : c.name]));
  // Only the template's columns: a dummy file never carries "extra" columns.
  const destination = { ...d, extraColumns: false };
  return prepareRows(
    {
      destination,
      sourceColumns: table.columns,
      mapping,
      now: options.now,
      keepRejectedCells: false,
    },
    table.rows.map((cells, index) => ({ index, line: index + 2, cells }))
  );
}
