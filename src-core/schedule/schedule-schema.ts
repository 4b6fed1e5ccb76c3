import { z } from 'zod';
import {
  maxTimesPerDay,
  type Schedule as PlainSchedule,
  type TimeOfDay as PlainTimeOfDay,
  type Weekday as PlainWeekday,
} from './schedule';

/**
 * The runtime schema of a `Schedule`, for data read from disk or received over IPC.
 *
 * Kept apart from `schedule.ts` so that what the renderer imports (the parser, the descriptions)
 * does not pull zod into its bundle. Only the main process and the job schema use this module.
 */

/** A weekday as stored (`mon` … `sun`). */
export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/** A wall-clock time `HH:MM`. */
export const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time is written HH:MM, from 00:00 to 23:59.');

const timeZone = z.string().min(1).optional();
const times = z.array(TimeOfDay).min(1).max(maxTimesPerDay);

/** A schedule as stored: see `Schedule` in `schedule.ts`. */
export const Schedule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('interval'), minutes: z.number().int().min(1).max(1440), timeZone }),
  z.object({
    kind: z.literal('times-a-day'),
    count: z.number().int().min(1).max(maxTimesPerDay),
    timeZone,
  }),
  z.object({ kind: z.literal('weekly'), days: z.array(Weekday).min(1).max(7), times, timeZone }),
  z.object({
    kind: z.literal('monthly'),
    days: z
      .array(z.union([z.number().int().min(1).max(31), z.literal('last')]))
      .min(1)
      .max(32),
    times,
    timeZone,
  }),
  z.object({
    kind: z.literal('monthly-weekday'),
    nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal('last')]),
    weekday: Weekday,
    times,
    timeZone,
  }),
]);
/** The same type as the plain `Schedule` (checked below). */
export type Schedule = PlainSchedule;

// The schema and the plain types describe the same data: a change to one without the other
// does not compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameSchedule: Same<z.infer<typeof Schedule>, PlainSchedule> = true;
const sameWeekday: Same<z.infer<typeof Weekday>, PlainWeekday> = true;
const sameTime: Same<z.infer<typeof TimeOfDay>, PlainTimeOfDay> = true;
void [sameSchedule, sameWeekday, sameTime];
