import type { Message } from './message';

/** English schedule words (part of the English catalogue, see en.ts). */
export const enScheduleWords = {
  'schedule.custom': 'Something else, in your own words',
  'schedule.field': 'Schedule in words',
  'schedule.hint':
    'For example: “every night at 22:00”, “weekdays at 7:30”, “every Monday at 6:00”, “on the 1st of each month at 8:00”, “every 15 minutes”. You may also write it in French or Dutch.',
  'schedule.understood': 'Understood: {schedule}',
  'schedule.understood.times': 'Understood: {schedule}, at {times}',
  'schedule.change': 'Change the schedule',
  'schedule.edit.title': 'When “{name}” runs',
  'schedule.save': 'Save the schedule',
  'schedule.error.not-understood':
    'Courier did not understand “{text}”. Write for example “every night at 22:00”, “weekdays at 7:30”, “every Monday at 6:00”, “on the 1st of each month at 8:00”, “every hour” or “every 15 minutes”.',
  'schedule.error.missing-time': 'Say at what time, for example “{example}”.',
  'schedule.error.time-with-interval':
    '“{text}” repeats all day, so it takes no time of day. Write for example “every day at 22:00” or “every 15 minutes”.',
  'schedule.error.count-mismatch': {
    one: '“{text}” says once a day: give a single time, or write “every day at 8:00”.',
    other:
      '“{text}” says {count} times a day: give {count} times, for example “3 times a day at 8:00, 12:00 and 16:00”.',
  },
  'schedule.error.not-a-time': '“{time}” is not a time. Write for example 22:00, 7:30 or 7pm.',
  'schedule.error.hour-with-am-pm': '“{time}” is not a time: with am or pm the hour is 1 to 12.',
  'schedule.error.time-out-of-range':
    '“{time}” is not a time of day: hours run from 0 to 23 and minutes from 00 to 59.',
  'schedule.error.not-in-the-morning':
    '“{time}” is not in the morning. For an afternoon or evening time, write for example “every day at 15:00”.',
  'schedule.error.not-in-the-evening':
    '“{time}” is not in the evening. For noon, write “every day at 12:00”; for midnight, “every day at midnight”.',
  'schedule.error.not-at-night':
    '“{time}” is not clear at night: it could be early in the morning or in the evening. Write for example “every day at 06:00” or “every day at 18:00”.',
  'schedule.error.unknown-time-zone':
    'Courier does not know the time zone “{zone}”. Use a name such as Europe/Brussels or Europe/London.',
  'schedule.error.too-many-per-day':
    'A job runs at most 24 times a day; for more often, write for example “every 15 minutes”.',
  'schedule.error.interval-out-of-range': 'An interval runs from every minute to every 24 hours.',
  'schedule.error.no-such-month-day':
    'A month has no day {day}: days of the month run from 1 to 31.',
} satisfies Record<string, Message>;
