import { ordinal } from './schedule';

/**
 * French and Dutch schedules rewritten in the English words the parser reads.
 *
 * Each language splits the text where the times start (`at`, `à`, `om`), rewrites the part before
 * it phrase by phrase (`du lundi au vendredi` → `from monday to friday`, `de 1e van elke maand` →
 * `the 1st of every month`, `tous les soirs` → `every evening`), splits the times (`8h et 17h30`)
 * and rewrites each one word by word (`8h et demie` → `8h30`, `kwart voor 9` → `8:45`; `22 h 30`,
 * `7.30 uur`, `8 uur 's avonds` are read by the time parser itself). Each time keeps the words it
 * was written in, so a message can quote them. Input is already lower case, without accents.
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

/** A schedule read as English words: the part before the times, and each time. */
export type Reading = Readonly<{ head: string; times: readonly TimeWords[] | null }>;

/** One time: in English words for the parser, and as written (normalized) for messages. */
export type TimeWords = Readonly<{ english: string; source: string }>;

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

const normalizeChar = (char: string): string =>
  char
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/\s/g, ' ');

/**
 * The words of `text` that `normalizeWords` turned into `normalized`, as the user typed them
 * (case, accents and apostrophes kept), or null when they cannot be found.
 *
 * `à MIDI 30` and `midi 30` → `MIDI 30`.
 */
export function originalWords(text: string, normalized: string): string | null {
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  let index = 0;
  for (const char of text) {
    for (const c of normalizeChar(char)) {
      if (c === ' ' && (out === '' || out.endsWith(' '))) continue;
      out += c;
      from.push(index);
      to.push(index + char.length);
    }
    index += char.length;
  }
  const wanted = normalized.trim();
  const at = wanted === '' ? -1 : out.lastIndexOf(wanted);
  if (at < 0) return null;
  return text.slice(from[at], to[at + wanted.length - 1]);
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
  quinze: 15,
  vijftien: 15,
  vingt: 20,
  twintig: 20,
  trente: 30,
  dertig: 30,
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
  [
    new RegExp(
      `\\b(?:toutes les|tous les|chaque) (${numberPattern}) ?(?:minutes?|mins?|mn)\\b`,
      'g'
    ),
    (_, n) => `every ${toNumber(n!)} minutes`,
  ],
  [
    new RegExp(`\\b(?:toutes les|tous les|chaque) (${numberPattern}) ?(?:heures?|h)\\b`, 'g'),
    (_, n) => `every ${toNumber(n!)} hours`,
  ],
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
  // The part of the day is kept: “tous les soirs à 8h” is at 20:00 (see parseTime).
  [/\b(?:tous les|chaque) soirs?\b/g, 'every evening'],
  [/\b(?:tous les|chaque) matins?\b/g, 'every morning'],
  [/\b(?:toutes les|chaque) nuits?\b/g, 'every night'],
  [/\b(?:tous les|chaque) jours?\b/g, 'every day'],
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

/** Where one French time ends and the next begins (“et demie” and “et quart” belong to a time). */
const frenchTimeSeparator = /\s*(?:,|\bet\b(?!\s+(?:demie?|quart)\b))\s*/;

const frenchTime: readonly Rule[] = [
  [/^a\s+/, ''],
  [/\bheures?\b/g, 'h'],
  [/\b(\d{1,2}) ?h et demie?\b/g, '$1h30'],
  [/\b(\d{1,2}) ?h et quart\b/g, '$1h15'],
  [/\b(\d{1,2}) ?h moins (?:le )?quart\b/g, (_, n) => `${hourBefore(Number(n), 0)}h45`],
  [/\bmidi et demie?\b/g, '12:30'],
  [/\bmidi et quart\b/g, '12:15'],
  [/\bmidi moins (?:le )?quart\b/g, '11:45'],
  [/\bminuit et demie?\b/g, '00:30'],
  [/\bminuit et quart\b/g, '00:15'],
  [/\bminuit moins (?:le )?quart\b/g, '23:45'],
  // The parts of the day before “midi”, or “après-midi” would become “après-noon”.
  [/\bdu matin\b/g, 'am'],
  [/\bdans la nuit\b|\bde la nuit\b/g, 'night'],
  [/\b(?:du soir|de l'apres-midi|de l'apres midi|de l'aprem)\b/g, 'pm'],
  [/\bmidi\b/g, 'noon'],
  [/\bminuit\b/g, 'midnight'],
  [/\bpile\b/g, ''],
];

function fromFrench(text: string): Reading {
  const whole = apply(text, frenchWhole);
  const at = /(?:^|\s)a\s/.exec(whole);
  const head = at ? whole.slice(0, at.index) : whole;
  const times = at
    ? splitTimes(whole.slice(at.index + at[0].length), frenchTimeSeparator, frenchTime)
    : null;
  return { head: clean(apply(head.trim(), frenchHead)), times };
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
  [new RegExp(`\\bom de (${numberPattern})\\b`, 'g'), 'elke $1'],
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
  [
    new RegExp(
      `\\b(?:elk|elke|ieder|iedere|alle) (${numberPattern}) ?(?:minuten|minuut|min)\\b`,
      'g'
    ),
    (_, n) => `every ${toNumber(n!)} minutes`,
  ],
  [
    new RegExp(`\\b(?:elk|elke|ieder|iedere|alle) (${numberPattern}) ?(?:uur|u|h)\\b`, 'g'),
    (_, n) => `every ${toNumber(n!)} hours`,
  ],
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
  // The part of the day is kept: “elke avond om 8 uur” is at 20:00 (see parseTime).
  [/\b(?:elke|iedere|alle) (?:avond|avonden)\b/g, 'every evening'],
  [/\b(?:elke|iedere|alle) (?:ochtend|ochtenden|morgen)\b/g, 'every morning'],
  [/\b(?:elke|iedere|alle) (?:nacht|nachten)\b/g, 'every night'],
  [/\b(?:elke|iedere|alle) (?:dag|dagen)\b/g, 'every day'],
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

/** Where one Dutch time ends and the next begins. */
const dutchTimeSeparator = /\s*(?:,|\ben\b)\s*/;

const dutchTime: readonly Rule[] = [
  [/^om\s+/, ''],
  // “Half 8” is half an hour before 8 (half een: 12:30); “kwart voor 9” is 8:45.
  [/\bhalf (\d{1,2})\b/g, (_, n) => `${hourBefore(Number(n), 12)}:30`],
  [/\bkwart over (\d{1,2})\b/g, '$1:15'],
  [/\bkwart voor (\d{1,2})\b/g, (_, n) => `${hourBefore(Number(n), 12)}:45`],
  [/\bmiddernacht\b/g, 'midnight'],
  [/'?s (?:ochtends|morgens)\b/g, 'am'],
  [/'?s (?:middags|avonds)\b/g, 'pm'],
  [/'?s nachts\b/g, 'night'],
  [/\bstipt\b/g, ''],
];

function fromDutch(text: string): Reading {
  const whole = apply(text, dutchWhole);
  const at = /(?:^|\s)om\s/.exec(whole);
  const head = at ? whole.slice(0, at.index) : whole;
  const times = at
    ? splitTimes(whole.slice(at.index + at[0].length), dutchTimeSeparator, dutchTime)
    : null;
  return { head: clean(apply(head.trim(), dutchHead)), times };
}

// ---------------------------------------------------------------------------------------------
// English, and what the languages share

/** Where one English time ends and the next begins. */
const englishTimeSeparator = /\s*(?:,|\band\b)\s*/;

const englishTime: readonly Rule[] = [
  [/^at\s+/, ''],
  [/\bhalf past (\d{1,2})\b/g, '$1:30'],
  [/\bquarter past (\d{1,2})\b/g, '$1:15'],
  [/\bquarter to (\d{1,2})\b/g, (_, n) => `${hourBefore(Number(n), 12)}:45`],
];

function fromEnglish(text: string): Reading {
  const at = /(?:^|\s)at\s/.exec(text);
  const head = at ? text.slice(0, at.index) : text;
  const times = at
    ? splitTimes(text.slice(at.index + at[0].length), englishTimeSeparator, englishTime)
    : null;
  return { head: clean(head), times };
}

/** The hour before `hour` on a clock whose hour before 1 is `beforeOne` (12 or 0). */
function hourBefore(hour: number, beforeOne: number): number {
  if (hour === 1) return beforeOne;
  return hour === 0 ? 23 : hour - 1;
}

/** Each time of a list (“8h, 12h et 16h”), as written and in English words. */
function splitTimes(text: string, separator: RegExp, rules: readonly Rule[]): TimeWords[] {
  return text
    .split(separator)
    .map(part => part.trim())
    .filter(part => part !== '')
    .map(source => {
      const english = clean(apply(source, rules));
      // What the user wrote for this time, without the word that introduces it (“à”, “om”).
      return { english, source: source.replace(/^(?:a|om|at)\s+/, '') };
    });
}

const clean = (words: string): string => words.replace(/\s+/g, ' ').trim();

/** The text in the English words the parser reads: the part before the times, and the times. */
export function readAsEnglish(text: string, language: ReadingLanguage): Reading {
  if (language === 'fr') return fromFrench(text);
  if (language === 'nl') return fromDutch(text);
  return fromEnglish(text);
}

/** The word that puts a time after a schedule in each language (for examples in messages). */
export const atWord: Readonly<Record<ReadingLanguage, string>> = { en: 'at', fr: 'à', nl: 'om' };
