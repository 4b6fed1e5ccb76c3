import type { ColumnRule } from '../destinations/destination';
import { foldText, isLanguageCode, normaliseLanguage } from '../validation/language';
import { isEmail } from '../validation/email';
import { commonDateFormats, parseDate } from '../validation/date';

/**
 * What a column holds, whatever the language of its header: the synonyms people use in English,
 * French, Dutch and German exports (written folded: lower-case, no accents).
 */
export const conceptSynonyms: Readonly<Record<string, readonly string[]>> = {
  email: [
    'email',
    'e mail',
    'mail',
    'email address',
    'e mail address',
    'mail address',
    'courriel',
    'adresse e mail',
    'adresse email',
    'adresse mail',
    'adresse electronique',
    'mel',
    'emailadres',
    'e mailadres',
    'mailadres',
    'e mail adres',
    'email adres',
    'e mail adresse',
    'emailadresse',
    'e mail addresse',
    'electronic mail',
  ],
  language: [
    'language',
    'lang',
    'language code',
    'preferred language',
    'locale',
    'langue',
    'langue preferee',
    'code langue',
    'taal',
    'voorkeurstaal',
    'taalcode',
    'sprache',
    'sprachcode',
    'bevorzugte sprache',
    'idioma',
    'lingua',
  ],
  firstName: [
    'first name',
    'firstname',
    'given name',
    'forename',
    'first',
    'prenom',
    'voornaam',
    'roepnaam',
    'vorname',
  ],
  lastName: [
    'last name',
    'lastname',
    'surname',
    'family name',
    'nom',
    'nom de famille',
    'achternaam',
    'familienaam',
    'naam',
    'nachname',
    'familienname',
    'last',
  ],
  fullName: [
    'full name',
    'name',
    'contact name',
    'customer name',
    'nom complet',
    'volledige naam',
    'vollstandiger name',
    'kontakt',
  ],
  phone: [
    'phone',
    'telephone',
    'tel',
    'phone number',
    'telephone number',
    'landline',
    'home phone',
    'work phone',
    'telephone fixe',
    'fixe',
    'tel fixe',
    'numero de telephone',
    'telefoon',
    'telefoonnummer',
    'vaste telefoon',
    'vast nummer',
    'telefon',
    'telefonnummer',
    'festnetz',
    'customer phone',
    'caller number',
    'ani',
  ],
  mobile: [
    'mobile',
    'mobile phone',
    'mobile number',
    'cell',
    'cell phone',
    'cellphone',
    'gsm',
    'gsm nummer',
    'portable',
    'telephone portable',
    'tel portable',
    'mobiel',
    'mobiele telefoon',
    'mobiel nummer',
    'handy',
    'handynummer',
    'mobilnummer',
    'mobiltelefon',
    'sms',
  ],
  fax: ['fax', 'fax number', 'telecopie', 'faxnummer'],
  title: [
    'title',
    'civility',
    'salutation',
    'civilite',
    'titre',
    'aanhef',
    'aanspreking',
    'anrede',
    'titel',
    'gender',
    'genre',
    'geslacht',
    'geschlecht',
  ],
  company: [
    'company',
    'company name',
    'organisation',
    'organization',
    'account name',
    'employer',
    'societe',
    'entreprise',
    'raison sociale',
    'bedrijf',
    'bedrijfsnaam',
    'onderneming',
    'firma',
    'unternehmen',
    'firmenname',
  ],
  address1: [
    'address',
    'address 1',
    'address line 1',
    'street',
    'street address',
    'adresse',
    'adresse 1',
    'rue',
    'adres',
    'adres 1',
    'straat',
    'straat en nummer',
    'strasse',
    'anschrift',
  ],
  address2: [
    'address 2',
    'address line 2',
    'adresse 2',
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
    'wohnort',
  ],
  state: ['state', 'province', 'region', 'county', 'etat', 'provincie', 'bundesland'],
  country: ['country', 'country code', 'pays', 'code pays', 'land', 'landcode'],
  birthDate: [
    'date of birth',
    'birth date',
    'birthdate',
    'birthday',
    'dob',
    'date de naissance',
    'date naissance',
    'ne le',
    'ne e le',
    'nee le',
    'geboren',
    'geboortedatum',
    'geburtsdatum',
    'geburtstag',
  ],
  reference: [
    'reference',
    'ref',
    'customer id',
    'customerid',
    'customer number',
    'client id',
    'client number',
    'contact id',
    'call id',
    'interaction id',
    'record id',
    'ticket id',
    'custom id',
    'external id',
    'crm id',
    'account number',
    'id client',
    'numero client',
    'no client',
    'code client',
    'klantnummer',
    'klant id',
    'klantid',
    'kundennummer',
    'kunden id',
    'kundenid',
    'id',
  ],
  department: [
    'department',
    'point of sale',
    'pos',
    'shop',
    'store',
    'office',
    'branch',
    'agency',
    'team',
    'departement',
    'service',
    'magasin',
    'boutique',
    'agence',
    'point de vente',
    'afdeling',
    'winkel',
    'filiaal',
    'kantoor',
    'abteilung',
    'filiale',
    'geschaft',
  ],
  date: [
    'date',
    'datum',
    'call date',
    'contact date',
    'visit date',
    'order date',
    'date d appel',
    'date de visite',
    'bezoekdatum',
    'besuchsdatum',
    'timestamp',
    'start time',
  ],
  agentEmail: [
    'agent email',
    'agent e mail',
    'agent mail',
    'user email',
    'advisor email',
    'email agent',
    'e mail agent',
  ],
  agent: [
    'agent',
    'agent name',
    'user',
    'advisor',
    'conseiller',
    'medewerker',
    'mitarbeiter',
    'operator',
  ],
  direction: ['direction', 'call direction', 'inbound outbound', 'sens', 'richting', 'richtung'],
  duration: ['duration', 'call duration', 'length', 'duree', 'duur', 'dauer', 'talk time'],
  dispatch: ['dispatch', 'account', 'account reference', 'compte', 'account code'],
};

/** Header text as compared: folded, camelCase split, punctuation as spaces. */
export function normaliseHeader(header: string): string {
  return foldText(header.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_\-./:#'’()[\]]+/g, ' '));
}

/** Header text without spaces (`E-Mail-Adresse` → `emailadresse`). */
export const compactHeader = (header: string): string => normaliseHeader(header).replace(/ /g, '');

let conceptIndex: Map<string, string> | undefined;
function index(): Map<string, string> {
  if (conceptIndex) return conceptIndex;
  conceptIndex = new Map();
  for (const [concept, names] of Object.entries(conceptSynonyms)) {
    for (const n of names) {
      if (!conceptIndex.has(n)) conceptIndex.set(n, concept);
      const compact = n.replace(/ /g, '');
      if (!conceptIndex.has(compact)) conceptIndex.set(compact, concept);
    }
  }
  return conceptIndex;
}

/** The concept a header names exactly (through a synonym), or null. */
export function conceptOf(header: string): string | null {
  const n = normaliseHeader(header);
  return index().get(n) ?? index().get(n.replace(/ /g, '')) ?? null;
}

/** A concept named inside a longer header (`Customer e-mail` → email), or null. */
export function conceptWithin(header: string): string | null {
  const words = normaliseHeader(header).split(' ');
  // Longest run of words first, so `date de naissance` wins over `date`.
  for (let len = words.length - 1; len >= 1; len--) {
    for (let start = 0; start + len <= words.length; start++) {
      const phrase = words.slice(start, start + len).join(' ');
      if (phrase.length < 3) continue;
      const c = index().get(phrase) ?? index().get(phrase.replace(/ /g, ''));
      if (c && c !== 'reference') return c;
    }
  }
  return null;
}

const conceptRules: Readonly<Record<string, ColumnRule>> = {
  email: 'email',
  agentEmail: 'email',
  language: 'language',
  phone: 'phone',
  mobile: 'phone',
  fax: 'phone',
  birthDate: 'date',
  date: 'date',
  reference: 'reference',
};

/** The share of values a sniffing test accepts (0 for no values). */
export function share(values: readonly string[], test: (v: string) => boolean): number {
  if (values.length === 0) return 0;
  let n = 0;
  for (const v of values) if (test(v.trim())) n++;
  return n / values.length;
}

const looksLikePhone = (v: string) =>
  /^\+?[\d\s().\-/]{8,20}$/.test(v) && (v.match(/\d/g)?.length ?? 0) >= 8;
const looksLikeDate = (v: string) => commonDateFormats.some(f => parseDate(v, f) !== null);
const looksLikeLanguage = (v: string) =>
  isLanguageCode(v) || (v.length <= 12 && normaliseLanguage(v) !== null && !/^\d/.test(v));

/** What the values of a column look like, or null when nothing stands out (≥ 80% agreement). */
export function sniffValues(values: readonly string[]): ColumnRule | null {
  const filled = values.filter(v => v.trim() !== '');
  if (filled.length === 0) return null;
  if (share(filled, isEmail) >= 0.8) return 'email';
  if (share(filled, looksLikeDate) >= 0.8) return 'date';
  if (share(filled, looksLikePhone) >= 0.8) return 'phone';
  if (share(filled, looksLikeLanguage) >= 0.8) return 'language';
  return null;
}

/** The rule a column most likely needs, from its header name and sample values. */
export function guessRule(name: string, values: readonly string[] = []): ColumnRule {
  const concept = conceptOf(name) ?? conceptWithin(name);
  if (concept && conceptRules[concept]) return conceptRules[concept];
  return sniffValues(values) ?? 'text';
}

/** The rule a concept implies, if any. */
export const ruleOfConcept = (concept: string | null): ColumnRule | null =>
  concept ? (conceptRules[concept] ?? null) : null;
