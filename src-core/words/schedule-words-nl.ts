import type { Message } from './message';
import type { enScheduleWords } from './schedule-words-en';

/** Dutch schedule words: exactly the English keys. */
export const nlScheduleWords: Readonly<Record<keyof typeof enScheduleWords, Message>> = {
  'schedule.custom': 'Iets anders, in je eigen woorden',
  'schedule.field': 'Schema in woorden',
  'schedule.hint':
    'Bijvoorbeeld: „elke avond om 22:00”, „werkdagen om 7.30 uur”, „elke maandag om 6 uur”, „de 1e van elke maand om 8 uur”, „elke 15 minuten”. Je mag het ook in het Engels of het Frans schrijven.',
  'schedule.understood': 'Begrepen: {schedule}',
  'schedule.understood.times': 'Begrepen: {schedule}, om {times}',
  'schedule.change': 'Schema wijzigen',
  'schedule.edit.title': 'Wanneer „{name}” loopt',
  'schedule.save': 'Schema opslaan',
  'schedule.error.not-understood':
    'Courier begrijpt „{text}” niet. Schrijf bijvoorbeeld „elke avond om 22:00”, „werkdagen om 7.30 uur”, „elke maandag om 6 uur”, „de 1e van elke maand om 8 uur”, „elk uur” of „elke 15 minuten”.',
  'schedule.error.missing-time': 'Zeg om hoe laat, bijvoorbeeld „{example}”.',
  'schedule.error.time-with-interval':
    '„{text}” herhaalt zich de hele dag, dus er hoort geen tijdstip bij. Schrijf bijvoorbeeld „elke dag om 22:00” of „elke 15 minuten”.',
  'schedule.error.count-mismatch': {
    one: '„{text}” zegt één keer per dag: geef één tijdstip, of schrijf „elke dag om 8 uur”.',
    other:
      '„{text}” zegt {count} keer per dag: geef {count} tijdstippen, bijvoorbeeld „3 keer per dag om 8 uur, 12 uur en 16 uur”.',
  },
  'schedule.error.not-a-time':
    '„{time}” is geen tijdstip. Schrijf bijvoorbeeld 22:00, 7.30 uur of 18u.',
  'schedule.error.hour-with-am-pm':
    '„{time}” is geen tijdstip: met ’s ochtends of ’s avonds loopt het uur van 1 tot 12.',
  'schedule.error.time-out-of-range':
    '„{time}” is geen tijdstip van de dag: uren lopen van 0 tot 23 en minuten van 00 tot 59.',
  'schedule.error.not-in-the-morning':
    '„{time}” valt niet in de ochtend. Schrijf voor een tijdstip in de middag of de avond bijvoorbeeld „elke dag om 15 uur”.',
  'schedule.error.not-in-the-evening':
    '„{time}” valt niet in de avond. Schrijf voor 12 uur ’s middags „elke dag om 12 uur” en voor middernacht „elke dag om middernacht”.',
  'schedule.error.not-at-night':
    '„{time}” is ’s nachts niet duidelijk: dat kan vroeg in de ochtend of ’s avonds zijn. Schrijf bijvoorbeeld „elke dag om 6 uur” of „elke dag om 18 uur”.',
  'schedule.error.unknown-time-zone':
    'Courier kent de tijdzone „{zone}” niet. Gebruik een naam zoals Europe/Brussels of Europe/Amsterdam.',
  'schedule.error.too-many-per-day':
    'Een taak loopt hoogstens 24 keer per dag; schrijf voor vaker bijvoorbeeld „elke 15 minuten”.',
  'schedule.error.interval-out-of-range': 'Een interval loopt van elke minuut tot elke 24 uur.',
  'schedule.error.no-such-month-day':
    'Een maand heeft geen dag {day}: de dagen van de maand lopen van 1 tot 31.',
};
