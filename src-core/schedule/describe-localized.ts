import { describeSchedule, weekdays, type Schedule, type Weekday } from './schedule';

/** The languages of the app's interface. */
export type ScheduleLanguage = 'en' | 'fr' | 'nl';

type Words = Readonly<{
  and: string;
  days: Readonly<Record<Weekday, string>>;
  interval: (minutes: number) => string;
  perDay: (count: number) => string;
  everyDay: string;
  weekdays: string;
  someDays: (names: string) => string;
  at: (times: string) => string;
  monthDays: (days: readonly string[], last: boolean) => string;
  dayNumber: (n: number) => string;
  nth: Readonly<Record<1 | 2 | 3 | 4 | 'last', string>>;
  weekdayOfMonth: (nth: string, day: string) => string;
}>;

const list = (items: readonly string[], and: string): string =>
  items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

const french: Words = {
  and: 'et',
  days: {
    mon: 'lundi',
    tue: 'mardi',
    wed: 'mercredi',
    thu: 'jeudi',
    fri: 'vendredi',
    sat: 'samedi',
    sun: 'dimanche',
  },
  interval: m =>
    m === 1
      ? 'toutes les minutes'
      : m === 60
        ? 'toutes les heures'
        : m % 60 === 0
          ? `toutes les ${m / 60} heures`
          : `toutes les ${m} minutes`,
  perDay: n =>
    n === 1 ? 'une fois par jour' : n === 2 ? 'deux fois par jour' : `${n} fois par jour`,
  everyDay: 'tous les jours',
  weekdays: 'du lundi au vendredi',
  someDays: names => `chaque ${names}`,
  at: times => ` à ${times}`,
  monthDays: (days, last) => {
    const parts = days.map(d => `le ${d}`);
    if (last) parts.push('le dernier jour');
    return `${list(parts, 'et')} du mois`;
  },
  dayNumber: n => (n === 1 ? '1er' : String(n)),
  nth: { 1: 'premier', 2: 'deuxième', 3: 'troisième', 4: 'quatrième', last: 'dernier' },
  weekdayOfMonth: (nth, day) => `le ${nth} ${day} du mois`,
};

const dutch: Words = {
  and: 'en',
  days: {
    mon: 'maandag',
    tue: 'dinsdag',
    wed: 'woensdag',
    thu: 'donderdag',
    fri: 'vrijdag',
    sat: 'zaterdag',
    sun: 'zondag',
  },
  interval: m =>
    m === 1
      ? 'elke minuut'
      : m === 60
        ? 'elk uur'
        : m % 60 === 0
          ? `elke ${m / 60} uur`
          : `elke ${m} minuten`,
  perDay: n => (n === 1 ? 'één keer per dag' : n === 2 ? 'twee keer per dag' : `${n} keer per dag`),
  everyDay: 'elke dag',
  weekdays: 'elke werkdag',
  someDays: names => `op ${names}`,
  at: times => ` om ${times}`,
  monthDays: (days, last) =>
    `op de ${list([...days, ...(last ? ['laatste dag'] : [])], 'en')} van de maand`,
  dayNumber: n => `${n}e`,
  nth: { 1: 'eerste', 2: 'tweede', 3: 'derde', 4: 'vierde', last: 'laatste' },
  weekdayOfMonth: (nth, day) => `de ${nth} ${day} van de maand`,
};

/** Times of day as a list in the interface's language: `00:00 et 12:00`, `08:00, 16:00 en 20:00`. */
export function describeTimesIn(times: readonly string[], language: ScheduleLanguage): string {
  const and = language === 'fr' ? french.and : language === 'nl' ? dutch.and : 'and';
  return list([...new Set(times)].sort(), and);
}

/**
 * Describes a schedule in the interface's language, in words the parser reads back to the same schedule.
 *
 * `{ kind: 'weekly', days: ['mon', 'thu'], times: ['07:30'] }` → `chaque lundi et jeudi à 07:30`
 * in French, `op maandag en donderdag om 07:30` in Dutch.
 */
export function describeScheduleIn(schedule: Schedule, language: ScheduleLanguage): string {
  if (language === 'en') return describeSchedule(schedule);
  const w = language === 'fr' ? french : dutch;
  const zone = schedule.timeZone ? ` (${schedule.timeZone})` : '';
  const at = (times: readonly string[]) => w.at(list([...new Set(times)].sort(), w.and));
  switch (schedule.kind) {
    case 'interval':
      return `${w.interval(schedule.minutes)}${zone}`;
    case 'times-a-day':
      return `${w.perDay(schedule.count)}${zone}`;
    case 'weekly': {
      const days = weekdays.filter(d => schedule.days.includes(d));
      const words =
        days.length === 7
          ? w.everyDay
          : days.length === 5 && !days.includes('sat') && !days.includes('sun')
            ? w.weekdays
            : w.someDays(
                list(
                  days.map(d => w.days[d]),
                  w.and
                )
              );
      return `${words}${at(schedule.times)}${zone}`;
    }
    case 'monthly': {
      const numbers = [...new Set(schedule.days.filter((d): d is number => d !== 'last'))].sort(
        (a, b) => a - b
      );
      return `${w.monthDays(numbers.map(w.dayNumber), schedule.days.includes('last'))}${at(schedule.times)}${zone}`;
    }
    case 'monthly-weekday':
      return `${w.weekdayOfMonth(w.nth[schedule.nth], w.days[schedule.weekday])}${at(schedule.times)}${zone}`;
  }
}
