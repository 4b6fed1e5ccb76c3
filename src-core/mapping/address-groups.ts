import { normaliseHeader } from './concepts';

/**
 * Address columns of CRM exports, which name the address they belong to: `Mailing Street`,
 * `Billing Zip/Postal Code` (Salesforce), `Street Address`, `State/Region` (HubSpot),
 * `Address 1: ZIP/Postal Code` (Dynamics), `Ville de facturation`, `Factuuradres`,
 * `Rechnungs-PLZ`. Each is read as a part (street, postal code...) of a group (mailing, billing...),
 * so a destination's address columns are all fed from the same address, the mailing or home one
 * first.
 */

/** The address concepts of `conceptSynonyms` a destination's columns may name. */
export const addressParts = [
  'address1',
  'address2',
  'postalCode',
  'city',
  'state',
  'country',
] as const;
export type AddressPart = (typeof addressParts)[number];

/** Which address of a contact; '' for a column that names none. */
export const addressGroups = [
  '',
  'mailing',
  'home',
  'primary',
  'postal',
  'visit',
  'billing',
  'work',
  'shipping',
  'other',
  'second',
  'third',
] as const;
export type AddressGroup = (typeof addressGroups)[number];

export type AddressColumn = Readonly<{ group: AddressGroup; part: AddressPart }>;

/** Which group is proposed when several are in a file: the lowest rank (mailing, home first). */
const groupRank: Readonly<Record<AddressGroup, number>> = {
  mailing: 0,
  home: 0,
  primary: 0,
  '': 1,
  postal: 2,
  visit: 3,
  billing: 4,
  work: 5,
  second: 5,
  shipping: 6,
  other: 7,
  third: 7,
};

/** Words naming a group (folded), in English, French, Dutch and German. */
const groupWords: Readonly<Record<string, AddressGroup>> = {
  mailing: 'mailing',
  home: 'home',
  domicile: 'home',
  personal: 'home',
  personnelle: 'home',
  prive: 'home',
  privee: 'home',
  thuis: 'home',
  privat: 'home',
  primary: 'primary',
  main: 'primary',
  principal: 'primary',
  principale: 'primary',
  postal: 'postal',
  postale: 'postal',
  correspondance: 'postal',
  correspondentie: 'postal',
  physical: 'visit',
  visit: 'visit',
  visiting: 'visit',
  billing: 'billing',
  bill: 'billing',
  invoice: 'billing',
  invoicing: 'billing',
  facturation: 'billing',
  facture: 'billing',
  factuur: 'billing',
  facturatie: 'billing',
  rechnung: 'billing',
  rechnungs: 'billing',
  work: 'work',
  business: 'work',
  professionnelle: 'work',
  professionnel: 'work',
  werk: 'work',
  zakelijk: 'work',
  geschaftlich: 'work',
  shipping: 'shipping',
  ship: 'shipping',
  delivery: 'shipping',
  livraison: 'shipping',
  levering: 'shipping',
  aflever: 'shipping',
  lieferung: 'shipping',
  liefer: 'shipping',
  versand: 'shipping',
  other: 'other',
  alternate: 'other',
  alternative: 'other',
  autre: 'other',
  ander: 'other',
  andere: 'other',
  sonstige: 'other',
  weitere: 'other',
};

/** Group words that start compound words (`Rechnungsort`, `Factuuradres`, `Lieferadresse`). */
const compoundPrefixes: readonly [string, AddressGroup][] = [
  ['rechnungs', 'billing'],
  ['rechnung', 'billing'],
  ['liefer', 'shipping'],
  ['versand', 'shipping'],
  ['factuur', 'billing'],
  ['aflever', 'shipping'],
  ['lever', 'shipping'],
  ['bezoek', 'visit'],
  ['post', 'postal'],
  ['woon', 'home'],
  ['wohn', 'home'],
  ['privat', 'home'],
  ['geschafts', 'work'],
  ['werk', 'work'],
];

/** Small words left around a group word once it is taken out (`Ville de facturation`). */
const connectors = new Set([
  'de',
  'd',
  'du',
  'des',
  'of',
  'the',
  'la',
  'le',
  'l',
  'van',
  'het',
  'der',
  'die',
  'en',
  'for',
  'pour',
  'voor',
  'fur',
]);

/** What each address part is called once the group is taken out (folded). */
const partNames: Readonly<Record<string, AddressPart>> = {};
const names: Readonly<Record<AddressPart, readonly string[]>> = {
  address1: [
    'address',
    'address 1',
    'address line 1',
    'street',
    'street 1',
    'street line 1',
    'street address',
    'adresse',
    'adresse 1',
    'ligne 1',
    'rue',
    'adres',
    'adres 1',
    'straat',
    'straat en nummer',
    'strasse',
    'straße',
    'anschrift',
  ],
  address2: [
    'address 2',
    'address line 2',
    'street 2',
    'street line 2',
    'adresse 2',
    'ligne 2',
    'complement d adresse',
    'complement adresse',
    'adres 2',
    'adresszusatz',
  ],
  postalCode: [
    'postal code',
    'postcode',
    'post code',
    'zip',
    'zip code',
    'zipcode',
    'zip postal code',
    'postal code zip',
    'zip postal',
    'code postal',
    'cp',
    'postnummer',
    'postleitzahl',
    'plz',
  ],
  city: [
    'city',
    'town',
    'ville',
    'localite',
    'commune',
    'stad',
    'gemeente',
    'plaats',
    'woonplaats',
    'stadt',
    'ort',
  ],
  state: [
    'state',
    'province',
    'region',
    'state province',
    'state region',
    'province state',
    'county',
    'etat',
    'province region',
    'provincie',
    'bundesland',
    'staat',
  ],
  country: ['country', 'country region', 'country code', 'pays', 'code pays', 'land', 'landcode'],
};
for (const [part, list] of Object.entries(names) as [AddressPart, readonly string[]][])
  for (const n of list) (partNames as Record<string, AddressPart>)[n] = part;

/** The part a phrase (group taken out) names; `code` alone only after a postal group word (`Postcode`). */
function partOf(words: readonly string[], group: AddressGroup): AddressPart | null {
  let start = 0;
  let end = words.length;
  while (start < end && connectors.has(words[start]!)) start++;
  while (end > start && connectors.has(words[end - 1]!)) end--;
  const phrase = words.slice(start, end).join(' ');
  if (phrase === 'code') return group === 'postal' ? 'postalCode' : null;
  const part = partNames[phrase] ?? partNames[phrase.replace(/ /g, '')] ?? null;
  // `Bezoekadres plaats`, `Mailing address city`: the part after the word for address.
  if (
    part === null &&
    group !== '' &&
    end - start > 1 &&
    ['address', 'adresse', 'adres'].includes(words[start]!)
  )
    return partOf(words.slice(start + 1, end), group);
  return part;
}

/**
 * The address part and group a column header names (`Mailing Zip/Postal Code` → mailing postal
 * code, `City` → city of no group), or null when it is not an address column.
 */
export function addressColumn(header: string): AddressColumn | null {
  const words = normaliseHeader(header)
    .split(' ')
    .filter(w => w !== '');
  if (words.length === 0) return null;
  // The whole header first: `Postal Code` is a postal code, not the `code` of a postal address.
  const whole = partOf(words, '');
  if (whole) return { group: '', part: whole };
  // Dynamics: `Address 1: City`, `Address 2: Street 1`.
  if (
    words.length > 2 &&
    ['address', 'adresse', 'adres'].includes(words[0]!) &&
    /^[123]$/.test(words[1]!)
  ) {
    const part = partOf(words.slice(2), '');
    if (part)
      return { group: words[1] === '1' ? 'primary' : words[1] === '2' ? 'second' : 'third', part };
  }
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const group = groupWords[word];
    if (group) {
      const part = partOf([...words.slice(0, i), ...words.slice(i + 1)], group);
      if (part) return { group, part };
    }
    for (const [prefix, prefixGroup] of compoundPrefixes) {
      if (word.length <= prefix.length || !word.startsWith(prefix)) continue;
      const part = partOf(
        [...words.slice(0, i), word.slice(prefix.length), ...words.slice(i + 1)],
        prefixGroup
      );
      if (part) return { group: prefixGroup, part };
    }
  }
  return null;
}

/** The address group to propose among those of a file's columns: the lowest rank, then the first. */
export function preferredGroup(groups: Iterable<AddressGroup>): AddressGroup | null {
  let best: AddressGroup | null = null;
  for (const g of groups) if (best === null || groupRank[g] < groupRank[best]) best = g;
  return best;
}

export const isAddressPart = (concept: string | null): concept is AddressPart =>
  concept !== null && (addressParts as readonly string[]).includes(concept);
