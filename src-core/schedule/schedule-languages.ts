import { ordinal } from './schedule';

/**
 * French and Dutch schedules rewritten in the English words the parser reads.
 *
 * Each language splits the text where the times start (`à`, `om`), rewrites the part before it
 * phrase by phrase (`du lundi au vendredi` → `from monday to friday`, `de 1e van elke maand` →
 * `the 1st of every month`) and the times word by word (`22 h 30`, `7.30 uur`, `8 uur 's avonds`
 * are read by the time parser itself). Input is already lower case, without accents.
 */

/** A language Courier reads schedules in. */
export type ReadingLanguage = 'en' | 'fr' | 'nl';

type Rule = readonly [RegExp, string | ((...groups: string[]) => string)];

const apply = (text: string, rules: readonly Rule[]): string =>
  rules.reduce(
    (out, [pattern, replacement]) =>
      out.replace(pattern, replacement as (substring: string, ...args: string[]) => string),
    text
  );

/** Lower case, no accents, one kind of apostrophe, single spaces. */
export function normalizeWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/\s+/g, ' ')
    .trim();
}

const englishDays =
  '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)s?';

const numberWords: Readonly<Record<string, number>> = {
  un: 1,
  une: 1,
  een: 1,
  deux: 2,
  twee: 2,
  trois: 3,
  drie: 3,
  quatre: 4,
  vier: 4,
  cinq: 5,
  vijf: 5,
  six: 6,
  zes: 6,
  sept: 7,
  zeven: 7,
  huit: 8,
  acht: 8,
  neuf: 9,
  negen: 9,
  dix: 10,
  tien: 10,
  onze: 11,
  elf: 11,
  douze: 12,
  twaalf: 12,
};
const numberPattern = `\\d+|${Object.keys(numberWords).join('|')}`;
const toNumber = (word: string): number => numberWords[word] ?? Number(word);

// ---------------------------------------------------------------------------------------------
// French

const frenchDays: Readonly<Record<string, string>> = {
  lundi: 'monday',
  mardi: 'tuesday',
  mercredi: 'wednesday',
  jeudi: 'thursday',
  vendredi: 'friday',
  samedi: 'saturday',
  dimanche: 'sunday',
  lun: 'mon',
  mar: 'tue',
  mer: 'wed',
  jeu: 'thu',
  ven: 'fri',
  sam: 'sat',
  dim: 'sun',
};

const frenchWhole: readonly Rule[] = [
  [
    /\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(s?)\b/g,
    (_, d, s) => frenchDays[d!]! + s,
  ],
  [/\b(lun|mar|mer|jeu|ven|sam|dim)\b\.?/g, (_, d) => frenchDays[d!]!],
  // Ranges, before “à” is taken for the time: du lundi au vendredi, de lundi à vendredi, lun-ven.
  [
    new RegExp(
      `\\b(?:du|de) (${englishDays}) ?(?:au|a|jusqu'au|jusqu'a|-) ?(${englishDays})\\b`,
      'g'
    ),
    'from $1 to $2',
  ],
  [
    new RegExp(`\\b(${englishDays}) (?:au|a|jusqu'au|jusqu'a) (${englishDays})\\b`, 'g'),
    '$1 to $2',
  ],
];

const frenchHead: readonly Rule[] = [
  [/\b(\d{1,2})(?:er|ere|re|eme|ieme|e|nd|nde)\b/g, (_, n) => ordinal(Number(n))],
  [/\b(?:tous les|chaque) quarts? d'? ?heure\b/g, 'every quarter hour'],
  [/\b(?:toutes les|chaque) demi[- ]?heures?\b/g, 'every half hour'],
  [/\b(?:toutes les|tous les|chaque) (\d+) ?(?:minutes?|mins?|mn)\b/g, 'every $1 minutes'],
  [/\b(?:toutes les|tous les|chaque) (\d+) ?(?:heures?|h)\b/g, 'every $1 hours'],
  [/\b(?:toutes les|chaque) heures?\b/g, 'every hour'],
  [/\b(?:toutes les|chaque) minutes?\b/g, 'every minute'],
  [
    new RegExp(`\\b(${numberPattern}) ?(?:fois|x) ?(?:par|/|chaque) ?jour\\b`, 'g'),
    (_, n) => `${toNumber(n!)} times a day`,
  ],
  // Weekdays before “tous les jours”, which would otherwise eat “tous les jours ouvrables”.
  [/\b(?:(?:tous )?les |chaque |le )?jours? (?:ouvrables?|ouvres?|de semaine)\b/g, 'weekdays'],
  [/\ben semaine\b/g, 'weekdays'],
  [/\b(?:tous les |chaque |les |le )?week-? ?ends?\b/g, 'weekends'],
  [/\b(?:tous les|toutes les|chaque) (?:jours?|soirs?|matins?|nuits?)\b/g, 'every day'],
  [/\b(?:quotidiennement|journellement)\b/g, 'every day'],
  [/\b(?:chaque|tous les) mois\b/g, 'every month'],
  [/\bmensuellement\b/g, 'monthly'],
  [/\bdu mois\b/g, 'of the month'],
  [/\bpremi(?:er|ere)s?\b/g, 'first'],
  [/\b(?:deuxiemes?|secondes?)\b/g, 'second'],
  [/\btroisiemes?\b/g, 'third'],
  [/\bquatriemes?\b/g, 'fourth'],
  [/\bderni(?:er|ere)s?\b/g, 'last'],
  [/\bjour\b/g, 'day'],
  [/\bjours\b/g, 'days'],
  [/\b(?:tous les|toutes les|chaque)\b/g, 'every'],
  [/^(?:le|les|la) /, 'on '],
  [new RegExp(`\\b(?:le|les) (?=${englishDays}\\b)`, 'g'), ''],
  [/\b(?:le|les|la)\b/g, 'the'],
  [/\bdu\b/g, 'of the'],
  [/\bd'/g, 'of '],
  [/\bde\b/g, 'of'],
  [/\bmois\b/g, 'month'],
  [/\bet\b/g, 'and'],
];

const frenchTimes: readonly Rule[] = [
  [/\bet\b/g, 'and'],
  [/(?:^|\s)a(?=\s)/g, ' '],
  [/\bmidi\b/g, 'noon'],
  [/\bminuit\b/g, 'midnight'],
  [/\bdu matin\b/g, 'am'],
  [/\bdans la nuit\b|\bde la nuit\b/g, 'night'],
  [/\b(?:du soir|de l'apres-midi|de l'apres midi)\b/g, 'pm'],
  [/\bheures?\b/g, 'h'],
  [/\bpile\b/g, ''],
];

function fromFrench(text: string): string {
  const whole = apply(text, frenchWhole);
  const at = /(?:^|\s)a\s/.exec(whole);
  const head = at ? whole.slice(0, at.index) : whole;
  const times = at ? apply(whole.slice(at.index + at[0].length), frenchTimes) : null;
  return join(apply(head.trim(), frenchHead), times);
}

// ---------------------------------------------------------------------------------------------
// Dutch

const dutchDays: Readonly<Record<string, string>> = {
  maandag: 'monday',
  dinsdag: 'tuesday',
  woensdag: 'wednesday',
  donderdag: 'thursday',
  vrijdag: 'friday',
  zaterdag: 'saturday',
  zondag: 'sunday',
  ma: 'mon',
  di: 'tue',
  wo: 'wed',
  do: 'thu',
  vr: 'fri',
  za: 'sat',
  zo: 'sun',
};
const dutchTo = '(?:tot en met|t/m|t\\.e\\.m\\.?|tem|tm|tot|-)';

const dutchWhole: readonly Rule[] = [
  // “Om de 15 minuten”, “om het uur”: an interval, not a time.
  [/\bom de (\d+)\b/g, 'elke $1'],
  [/\bom het (half uur|halfuur|kwartier|uur)\b/g, 'elk $1'],
  [
    /(?:'s )?\b(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(en|s)?\b/g,
    (_, d, s) => dutchDays[d!]! + (s ? 's' : ''),
  ],
  [/\b(ma|di|wo|do|vr|za|zo)\b\.?/g, (_, d) => dutchDays[d!]!],
  [new RegExp(`\\bvan (${englishDays}) ?${dutchTo} ?(${englishDays})\\b`, 'g'), 'from $1 to $2'],
  [new RegExp(`\\b(${englishDays}) ?${dutchTo} ?(${englishDays})\\b`, 'g'), '$1 to $2'],
];

const dutchHead: readonly Rule[] = [
  [/\b(\d{1,2})(?:ste|de|e)\b/g, (_, n) => ordinal(Number(n))],
  [/\b(?:elk|elke|ieder|iedere) (?:half uur|halfuur)\b/g, 'every half hour'],
  [/\b(?:elk|elke|ieder|iedere) kwartier\b/g, 'every quarter hour'],
  [/\b(?:elk|elke|ieder|iedere|alle) (\d+) ?(?:minuten|minuut|min)\b/g, 'every $1 minutes'],
  [/\b(?:elk|elke|ieder|iedere|alle) (\d+) ?(?:uur|u|h)\b/g, 'every $1 hours'],
  [/\b(?:elk|elke|ieder|iedere) uur\b|\buurlijks\b/g, 'every hour'],
  [/\b(?:elk|elke|ieder|iedere) minuut\b/g, 'every minute'],
  [
    new RegExp(`\\b(${numberPattern}) ?(?:keer|maal|x) ?(?:per dag|daags|per etmaal)\\b`, 'g'),
    (_, n) => `${toNumber(n!)} times a day`,
  ],
  [
    new RegExp(`\\b(${numberPattern})maal ?(?:per dag|daags|per etmaal)\\b`, 'g'),
    (_, n) => `${toNumber(n!)} times a day`,
  ],
  [
    /\b(?:(?:op |alle |elke |iedere )?(?:werk|week)dag(?:en)?|doordeweeks|door de week)\b/g,
    'weekdays',
  ],
  [/\b(?:(?:in )?het |elk |ieder |alle |op )?weekend(?:en|s|dagen)?\b/g, 'weekends'],
  [
    /\b(?:elke|iedere|alle) (?:dag|dagen|avond|avonden|ochtend|ochtenden|morgen|nacht|nachten)\b/g,
    'every day',
  ],
  [/\bdagelijks\b/g, 'every day'],
  [/\b(?:elke|iedere) maand\b/g, 'every month'],
  [/\bmaandelijks\b/g, 'monthly'],
  [/\bvan de maand\b/g, 'of the month'],
  [/\beerste\b/g, 'first'],
  [/\btweede\b/g, 'second'],
  [/\bderde\b/g, 'third'],
  [/\bvierde\b/g, 'fourth'],
  [/\blaatste\b/g, 'last'],
  [/\bdag\b/g, 'day'],
  [/\bdagen\b/g, 'days'],
  [/\b(?:elke|elk|iedere|ieder|alle)\b/g, 'every'],
  [/\bvan\b/g, 'of'],
  [/\b(?:de|het)\b/g, 'the'],
  [/\bop\b/g, 'on'],
  [/\bmaand\b/g, 'month'],
  [/\ben\b/g, 'and'],
];

const dutchTimes: readonly Rule[] = [
  [/\ben\b/g, 'and'],
  [/(?:^|\s)om(?=\s)/g, ' '],
  // “Half 8” is half an hour before 8 (half een: 12:30).
  [/\bhalf (\d{1,2})\b/g, (_, n) => `${Number(n) === 1 ? 12 : Number(n) - 1}:30`],
  [/\bmiddernacht\b/g, 'midnight'],
  [/'?s (?:ochtends|morgens)\b/g, 'am'],
  [/'?s (?:middags|avonds)\b/g, 'pm'],
  [/'?s nachts\b/g, 'night'],
  [/\bstipt\b/g, ''],
];

function fromDutch(text: string): string {
  const whole = apply(text, dutchWhole);
  const at = /(?:^|\s)om\s/.exec(whole);
  const head = at ? whole.slice(0, at.index) : whole;
  const times = at ? apply(whole.slice(at.index + at[0].length), dutchTimes) : null;
  return join(apply(head.trim(), dutchHead), times);
}

function join(head: string, times: string | null): string {
  const words = times === null ? head : `${head} at ${times}`;
  return words.replace(/\s+/g, ' ').trim();
}

/** The text in the English words the parser reads (English text is returned as it is). */
export function readAsEnglish(text: string, language: ReadingLanguage): string {
  if (language === 'fr') return fromFrench(text);
  if (language === 'nl') return fromDutch(text);
  return text;
}

/** The word that puts a time after a schedule in each language (for examples in messages). */
export const atWord: Readonly<Record<ReadingLanguage, string>> = { en: 'at', fr: 'à', nl: 'om' };
